import { defineJob, noPayload } from '../../platform/jobs/define.ts';
import type { OrdersService } from './service.ts';

interface Deps {
  orders: OrdersService;
}

/** Offers past their reply deadline time out and late steps are escalated, every 15 minutes. */
export const sweepDeadlines = defineJob({
  name: 'orders.sweep-deadlines',
  payload: noPayload,
  schedule: { cron: '*/15 * * * *' },
  handler: (_payload, { orders }: Deps) => orders.sweepDeadlines(),
});

/** Experts' open orders and outcomes as matching weighs them: held in each process, re-read every 5 minutes. */
export const refreshExpertSignals = defineJob({
  name: 'orders.refresh-signals',
  payload: noPayload,
  schedule: { eachProcessEveryMs: 5 * 60_000 },
  handler: (_payload, { orders }: Deps) => orders.refreshSignals(),
});

export const ordersJobs = [sweepDeadlines, refreshExpertSignals] as const;
