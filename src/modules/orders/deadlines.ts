import { CHINA_OFFSET_MS } from '../../reference/china-time.ts';
import type { OrderStatus } from './machine.ts';

/**
 * How long each step of an order may take, in working days (weekends and
 * configured holidays skipped): the time to dispatch a placed order, for an
 * expert to answer an offer, to start, to serve, and for the enterprise to
 * confirm. Terminal states have none.
 */
export const STEP_WORKING_DAYS: Partial<Record<OrderStatus, number>> = {
  placed: 2,
  dispatched: 3,
  accepted: 5,
  in_service: 30,
  awaiting_confirmation: 7,
};

const DAY = 24 * 3600_000;
/** China Standard Time, where working days are counted. */
const CST = CHINA_OFFSET_MS;

/**
 * The moment `days` working days after `from`: the end (24:00 China time) of
 * the `days`-th working day after the day of `from`. Saturdays, Sundays and
 * the given holidays (YYYY-MM-DD) are not working days.
 */
export function addWorkingDays(from: Date, days: number, holidays: ReadonlySet<string> = new Set()): Date {
  // Midnight China time at the start of `from`'s day, as a UTC instant.
  let day = Math.floor((from.getTime() + CST) / DAY) * DAY - CST;
  let left = days;
  while (left > 0) {
    day += DAY;
    const local = new Date(day + CST);
    const weekday = local.getUTCDay();
    if (weekday === 0 || weekday === 6 || holidays.has(local.toISOString().slice(0, 10))) continue;
    left--;
  }
  return new Date(day + DAY);
}

/** When the step an order has just entered is due, or null for a terminal state. */
export function stepDue(status: OrderStatus, from: Date, holidays: ReadonlySet<string>): Date | null {
  const days = STEP_WORKING_DAYS[status];
  return days === undefined ? null : addWorkingDays(from, days, holidays);
}
