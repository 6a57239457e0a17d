import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../reference/workdays.ts';
import { careYear, periodLabel, periodsOf, planSpan, planYear } from './cadence.ts';
import { type Cadence, DEFAULT_CADENCE, PERIODS, TEAM_SESSION_KINDS } from './constants.ts';

const calendar = new WorkCalendar(['2026-05-06']);

describe('the cadence of a plan', () => {
  it('plans the "1346" year of 2026 on working days: a salon a week, a visit a month …', () => {
    const sessions = planYear(calendar, 2026, DEFAULT_CADENCE);
    const of = (kind: string) => sessions.filter((s) => s.kind === kind);
    // The week of Spring Festival (16–22 February 2026) has no working day, so it holds no salon.
    expect(of('salon').some((s) => s.periodStart === '2026-02-16')).toBe(false);
    expect(of('salon').length).toBe(periodsOf('week', 2026).length - 1);
    expect(of('visit').map((s) => s.dueOn)).toContain('2026-03-31');
    // September's last working day: 30 September is a Wednesday before the National Day holiday.
    expect(of('visit').find((s) => s.periodStart === '2026-09-01')?.dueOn).toBe('2026-09-30');
    expect(of('consultation').map((s) => s.dueOn)).toEqual([
      '2026-03-31',
      '2026-06-30',
      '2026-09-30',
      '2026-12-31',
    ]);
    expect(of('research')).toHaveLength(2);
    expect(of('transfer')).toHaveLength(1);
    // A local addition to the calendar is a day off too.
    expect(sessions.some((s) => s.dueOn === '2026-05-06')).toBe(false);
  });

  it('cuts the weeks at the year’s ends and names periods as people say them', () => {
    const weeks = periodsOf('week', 2026);
    expect(weeks[0]).toEqual(['2026-01-01', '2026-01-04']);
    expect(weeks.at(-1)).toEqual(['2026-12-28', '2026-12-31']);
    expect(periodLabel('week', '2026-03-02')).toBe('第10周');
    expect(periodLabel('quarter', '2026-04-01')).toBe('第二季度');
    expect(periodLabel('half', '2026-07-01', 'en')).toBe('H2');
    expect(periodLabel('month', '2026-03-01', 'en')).toBe('Mar');
  });

  it('never plans a session on a day off, and plans each period’s count (or one per working day when fewer)', () => {
    const entry = fc.record({ period: fc.constantFrom(...PERIODS), count: fc.integer({ min: 0, max: 7 }) });
    const cadence = fc.record(
      Object.fromEntries(TEAM_SESSION_KINDS.map((k) => [k, entry])) as Record<keyof Cadence, typeof entry>,
    );
    fc.assert(
      fc.property(fc.integer({ min: 2004, max: 2028 }), cadence, (year, c) => {
        const sessions = planYear(calendar, year, c as Cadence);
        for (const s of sessions) {
          expect(calendar.isWorkday(s.dueOn), s.dueOn).toBe(true);
          expect(s.dueOn >= s.periodStart && s.dueOn <= s.periodEnd).toBe(true);
        }
        for (const kind of TEAM_SESSION_KINDS) {
          const { period, count } = c[kind];
          for (const [start, end] of periodsOf(period, year)) {
            const inPeriod = sessions.filter((s) => s.kind === kind && s.periodStart === start);
            const days = calendar.workdaysBetween(start, end).length;
            expect(inPeriod.length).toBe(Math.min(count, days));
            expect(new Set(inPeriod.map((s) => s.dueOn)).size).toBe(inPeriod.length);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('care visits', () => {
  it('falls before 5·30 and the holidays the calendar knows, on the last working day before each', () => {
    // 14 February 2026 is a Saturday worked in exchange for the Spring Festival (调休): the last working day before it.
    expect(calendar.isMakeUpWorkday('2026-02-14')).toBe(true);
    expect(careYear(calendar, 2026).map((c) => [c.occasion, c.dueOn, c.periodEnd])).toEqual([
      ['spring_festival', '2026-02-14', '2026-02-15'],
      ['workers_day', '2026-05-29', '2026-05-30'],
      ['mid_autumn', '2026-09-24', '2026-09-25'],
    ]);
    // A year whose holidays are not published yet plans 5·30 only (31 May 2027 is a Monday: the Friday before).
    expect(calendar.knows(2027)).toBe(false);
    expect(careYear(calendar, 2027).map((c) => [c.occasion, c.dueOn])).toEqual([
      ['workers_day', '2027-05-28'],
    ]);
  });

  it('plans a span across years, from its first day to its last', () => {
    const visits = planSpan(calendar, '2026-11-15', '2027-02-10', {
      commission_visit: { period: 'month', count: 1 },
    });
    expect(visits.map((v) => v.dueOn)).toEqual(['2026-11-30', '2026-12-31', '2027-01-29']);
  });
});
