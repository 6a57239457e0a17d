import { defineJob, noPayload } from '../../platform/jobs/define.ts';
import type { MatchingService } from './service.ts';

/**
 * The matching indexes live in each process: built in the background at
 * start, then every minute they pick up what other processes changed.
 */
export const refreshMatching = defineJob({
  name: 'matching.refresh',
  payload: noPayload,
  schedule: { eachProcessEveryMs: 60_000 },
  handler: async (_payload, { matching }: { matching: MatchingService }) => {
    await matching.ready();
    await matching.refresh();
  },
});

export const matchingJobs = [refreshMatching] as const;
