import { defineJob, noPayload } from '../../platform/jobs/define.ts';
import type { StandingService } from './service.ts';

interface Deps {
  standing: StandingService;
}

/** Reminders before sessions fall due and overdue flags to the region, every morning at 08:30 China time. */
export const standingReminders = defineJob({
  name: 'standing.remind',
  payload: noPayload,
  schedule: { cron: '30 8 * * *' },
  handler: (_payload, { standing }: Deps) => standing.remind(),
});

export const standingJobs = [standingReminders] as const;
