import { describe, expect, it } from 'vitest';
import { chinaDate } from '../../reference/china-time.ts';
import { WorkCalendar } from '../../reference/workdays.ts';
import { stepDue } from './deadlines.ts';

const calendar = new WorkCalendar();

describe('working days', () => {
  it('skips weekends and holidays, counting in China time', () => {
    // Monday 2026-03-02 09:00 CST + 3 working days → end of Thursday 03-05.
    const monday = new Date('2026-03-02T09:00:00+08:00');
    expect(calendar.addWorkingDays(monday, 3).toISOString()).toBe(
      new Date('2026-03-06T00:00:00+08:00').toISOString(),
    );
    // Friday + 1 → end of Monday.
    const friday = new Date('2026-03-06T17:00:00+08:00');
    expect(chinaDate(new Date(calendar.addWorkingDays(friday, 1).getTime() - 1))).toBe('2026-03-09');
    // Late on Sunday evening UTC is already Monday in China.
    expect(chinaDate(new Date('2026-03-08T20:00:00Z'))).toBe('2026-03-09');
    // A holiday on the Tuesday moves the deadline a day.
    const local = new WorkCalendar(['2026-03-03']);
    expect(chinaDate(new Date(local.addWorkingDays(monday, 1).getTime() - 1))).toBe('2026-03-04');
  });

  it('gives terminal states no deadline', () => {
    expect(stepDue('closed', new Date(), calendar)).toBeNull();
    expect(stepDue('dispatched', new Date('2026-03-02T09:00:00+08:00'), calendar)).not.toBeNull();
  });

  it('counts official holidays and the weekend days worked for them', () => {
    // Placed Wednesday 2026-09-30: National Day runs 10-01 to 10-07, so 2 working days end Friday 10-09.
    expect(stepDue('placed', new Date('2026-09-30T10:00:00+08:00'), calendar)?.toISOString()).toBe(
      new Date('2026-10-10T00:00:00+08:00').toISOString(),
    );
    // Dispatched Friday 2026-02-27: Saturday 02-28 is worked for the Spring Festival,
    // so 3 working days end Tuesday 03-03.
    expect(stepDue('dispatched', new Date('2026-02-27T10:00:00+08:00'), calendar)?.toISOString()).toBe(
      new Date('2026-03-04T00:00:00+08:00').toISOString(),
    );
  });
});
