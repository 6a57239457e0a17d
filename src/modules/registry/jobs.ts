import { defineJob, noPayload } from '../../platform/jobs/define.ts';
import type { DictionaryService } from './dictionaries.ts';

interface Deps {
  dictionaries: DictionaryService;
  /** How long a process may hold code lists (CACHE_SECONDS); 0: never held, nothing to check. */
  cacheMs: number;
}

/**
 * Code lists are held in each process: other processes' edits are noticed
 * off the request path, by comparing a stamp of the table every CACHE_SECONDS.
 */
export const refreshCodeLists = defineJob({
  name: 'registry.refresh-code-lists',
  payload: noPayload,
  schedule: { eachProcessEveryMs: ({ cacheMs }: Deps) => (cacheMs > 0 ? Math.max(cacheMs, 1000) : null) },
  handler: (_payload, { dictionaries }: Deps) => dictionaries.refresh(true),
});

export const registryJobs = [refreshCodeLists] as const;
