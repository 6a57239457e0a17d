import type { WorkCalendar } from '../../reference/workdays.ts';
import type { OrderStatus } from './machine.ts';

/**
 * How long each step of an order may take, in working days (weekends, China's
 * official holidays and configured days off skipped, the weekend days worked in
 * their place counted): the time to dispatch a placed order, for an expert to
 * answer an offer, to start, to serve, and for the enterprise to confirm.
 * Terminal states have none.
 */
export const STEP_WORKING_DAYS: Partial<Record<OrderStatus, number>> = {
  placed: 2,
  dispatched: 3,
  accepted: 5,
  in_service: 30,
  awaiting_confirmation: 7,
};

/**
 * When the step an order has just entered is due (the end, 24:00 China time,
 * of its last working day), or null for a terminal state.
 */
export function stepDue(status: OrderStatus, from: Date, calendar: WorkCalendar): Date | null {
  const days = STEP_WORKING_DAYS[status];
  return days === undefined ? null : calendar.addWorkingDays(from, days);
}
