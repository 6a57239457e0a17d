import { describe, expect, it } from 'vitest';
import { chinaDate } from '../../reference/china-time.ts';
import { addWorkingDays, stepDue } from './deadlines.ts';

describe('working days', () => {
  it('skips weekends and holidays, counting in China time', () => {
    // Monday 2026-03-02 09:00 CST + 3 working days → end of Thursday 03-05.
    const monday = new Date('2026-03-02T09:00:00+08:00');
    expect(addWorkingDays(monday, 3).toISOString()).toBe(new Date('2026-03-06T00:00:00+08:00').toISOString());
    // Friday + 1 → end of Monday.
    const friday = new Date('2026-03-06T17:00:00+08:00');
    expect(chinaDate(new Date(addWorkingDays(friday, 1).getTime() - 1))).toBe('2026-03-09');
    // Late on Sunday evening UTC is already Monday in China.
    expect(chinaDate(new Date('2026-03-08T20:00:00Z'))).toBe('2026-03-09');
    // A holiday on the Tuesday moves the deadline a day.
    const holidays = new Set(['2026-03-03']);
    expect(chinaDate(new Date(addWorkingDays(monday, 1, holidays).getTime() - 1))).toBe('2026-03-04');
  });

  it('gives terminal states no deadline', () => {
    expect(stepDue('closed', new Date(), new Set())).toBeNull();
    expect(stepDue('dispatched', new Date('2026-03-02T09:00:00+08:00'), new Set())).not.toBeNull();
  });
});
