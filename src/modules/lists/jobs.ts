import { defineJob, noPayload } from '../../platform/jobs/define.ts';
import type { ListsService } from './service.ts';

/** Published items past their deadline become expired, hourly (and at start). */
export const expireLists = defineJob({
  name: 'lists.expire',
  payload: noPayload,
  schedule: { cron: '0 * * * *' },
  handler: async (_payload, { lists }: { lists: ListsService }) => ({ expired: await lists.expireDue() }),
});

export const listsJobs = [expireLists] as const;
