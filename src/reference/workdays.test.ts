import { isWorkday as packageIsWorkday } from 'chinese-days';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaDate } from './china-time.ts';
import { WorkCalendar } from './workdays.ts';

const calendar = new WorkCalendar();

/** The China day on which a deadline (24:00 China time, exclusive) ends. */
const lastDay = (deadline: Date) => chinaDate(new Date(deadline.getTime() - 1));

describe('WorkCalendar', () => {
  it('keeps National Day 2026 off (10-01 to 10-07) and Mid-Autumn (09-25 to 09-27) apart', () => {
    // 2026: 中秋 falls on Friday 09-25, a week before 国庆; the State Council gives each its own break.
    for (const date of ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']) {
      expect(calendar.isWorkday(date)).toBe(false);
      expect(calendar.dayOff(date)).toEqual({ kind: 'holiday', name: { zh: '国庆节', en: 'National Day' } });
    }
    expect(calendar.isWorkday('2026-10-08')).toBe(true);
    expect(calendar.dayOff('2026-10-08')).toBeNull();
    expect(calendar.dayOff('2026-09-25')).toEqual({
      kind: 'holiday',
      name: { zh: '中秋', en: 'Mid-autumn Festival' },
    });
    expect(calendar.workdaysBetween('2026-09-24', '2026-10-11')).toEqual([
      '2026-09-24',
      '2026-09-28',
      '2026-09-29',
      '2026-09-30',
      '2026-10-08',
      '2026-10-09',
      '2026-10-10', // Saturday, worked for National Day
    ]);
  });

  it('keeps 2025-10-01 to 10-08 off, where Mid-Autumn joins National Day', () => {
    expect(calendar.workdaysBetween('2025-10-01', '2025-10-08')).toEqual([]);
    expect(calendar.dayOff('2025-10-06')?.name?.zh).toBe('中秋');
    expect(calendar.nextWorkday('2025-09-30')).toBe('2025-10-09');
  });

  it('works the make-up Saturdays and Sundays (调休上班) and not the plain ones', () => {
    for (const date of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-09-20', '2026-10-10']) {
      expect(calendar.isWorkday(date)).toBe(true);
      expect(calendar.isMakeUpWorkday(date)).toBe(true);
      expect(calendar.dayOff(date)).toBeNull();
    }
    expect(calendar.isWorkday('2026-03-07')).toBe(false); // a plain Saturday
    expect(calendar.dayOff('2026-03-07')).toEqual({ kind: 'weekend' });
    expect(calendar.isMakeUpWorkday('2026-03-07')).toBe(false);
    expect(calendar.isMakeUpWorkday('2026-03-09')).toBe(false); // a plain Monday
  });

  it('keeps the Spring Festival of 2026 off, Sunday 02-15 to Monday 02-23', () => {
    expect(calendar.isWorkday('2026-02-13')).toBe(true);
    expect(calendar.workdaysBetween('2026-02-14', '2026-02-24')).toEqual(['2026-02-14', '2026-02-24']);
    expect(calendar.dayOff('2026-02-17')).toEqual({
      kind: 'holiday',
      name: { zh: '春节', en: 'Spring Festival' },
    });
    expect(calendar.workdayOnOrAfter('2026-02-15')).toBe('2026-02-24');
    expect(calendar.workdayOnOrBefore('2026-02-23')).toBe('2026-02-14');
    expect(calendar.workdayOnOrAfter('2026-02-13')).toBe('2026-02-13');
    expect(calendar.workdayOnOrBefore('2026-02-13')).toBe('2026-02-13');
    expect(calendar.nextWorkday('2026-02-13')).toBe('2026-02-14');
  });

  it('adds local days off on top of the official ones', () => {
    const local = new WorkCalendar(['2026-03-03', '2026-02-28', '2026-10-01', '2027-03-02']);
    expect(local.isWorkday('2026-03-03')).toBe(false);
    expect(local.dayOff('2026-03-03')).toEqual({ kind: 'local' });
    // A local day off wins over a make-up Saturday; an official holiday keeps its name.
    expect(local.isWorkday('2026-02-28')).toBe(false);
    expect(local.isMakeUpWorkday('2026-02-28')).toBe(false);
    expect(local.dayOff('2026-10-01')?.kind).toBe('holiday');
    expect(local.isWorkday('2027-03-02')).toBe(false);
    // The official calendar is untouched by another calendar's additions.
    expect(calendar.isWorkday('2026-03-03')).toBe(true);
    expect(calendar.isWorkday('2026-02-28')).toBe(true);
    expect(local.yearDays(2026).daysOff.filter((d) => d.kind === 'local')).toEqual([
      { date: '2026-02-28', kind: 'local' },
      { date: '2026-03-03', kind: 'local' },
    ]);
    expect(local.yearDays(2026).makeUpWorkdays.map((d) => d.date)).not.toContain('2026-02-28');
  });

  it('counts an unknown year by weekends and local days off only, and says so', () => {
    expect(calendar.knows(2026)).toBe(true);
    expect(calendar.knows(2004)).toBe(true);
    expect(calendar.knows(2027)).toBe(false);
    expect(calendar.knows(2003)).toBe(false);
    // Friday 2027-01-01 will be 元旦, but nobody has published 2027 yet.
    expect(calendar.isWorkday('2027-01-01')).toBe(true);
    expect(calendar.dayOff('2027-01-02')).toEqual({ kind: 'weekend' });
    expect(calendar.yearDays(2027)).toEqual({ year: 2027, known: false, daysOff: [], makeUpWorkdays: [] });
    expect(new WorkCalendar(['2027-01-01']).yearDays(2027)).toEqual({
      year: 2027,
      known: false,
      daysOff: [{ date: '2027-01-01', kind: 'local' }],
      makeUpWorkdays: [],
    });
  });

  it('lists a year for a calendar page: holidays with names and make-up working days', () => {
    const year = calendar.yearDays(2026);
    expect(year.known).toBe(true);
    expect(year.daysOff).toHaveLength(33); // 3 + 9 + 3 + 5 + 3 + 3 + 7, weekends among them
    expect(year.daysOff[0]).toEqual({
      date: '2026-01-01',
      kind: 'holiday',
      name: { zh: '元旦', en: "New Year's Day" },
    });
    expect(year.daysOff.at(-1)?.date).toBe('2026-10-07');
    expect(year.makeUpWorkdays).toEqual([
      { date: '2026-01-04', name: { zh: '元旦', en: "New Year's Day" } },
      { date: '2026-02-14', name: { zh: '春节', en: 'Spring Festival' } },
      { date: '2026-02-28', name: { zh: '春节', en: 'Spring Festival' } },
      { date: '2026-05-09', name: { zh: '劳动节', en: 'Labour Day' } },
      { date: '2026-09-20', name: { zh: '国庆节', en: 'National Day' } },
      { date: '2026-10-10', name: { zh: '国庆节', en: 'National Day' } },
    ]);
  });

  it('moves a deadline over the National Day holiday', () => {
    // Wednesday 2026-09-30 16:00 + 2 working days: Thursday 10-08 and Friday 10-09.
    const due = calendar.addWorkingDays(new Date('2026-09-30T16:00:00+08:00'), 2);
    expect(due.toISOString()).toBe(new Date('2026-10-10T00:00:00+08:00').toISOString());
    // + 3 lands on the make-up Saturday 10-10.
    expect(lastDay(calendar.addWorkingDays(new Date('2026-09-30T16:00:00+08:00'), 3))).toBe('2026-10-10');
    // 23:30 UTC on 09-30 is already 10-01 in China: its day is the holiday.
    expect(lastDay(calendar.addWorkingDays(new Date('2026-09-30T23:30:00Z'), 1))).toBe('2026-10-08');
    // No working days: the end of the day itself, worked or not (the orders' semantics).
    expect(calendar.addWorkingDays(new Date('2026-10-03T10:00:00+08:00'), 0).toISOString()).toBe(
      new Date('2026-10-04T00:00:00+08:00').toISOString(),
    );
  });

  it('agrees with the package on every day from 2004 to 2027', () => {
    const days = calendar.workdaysBetween('2004-01-01', '2027-12-31');
    const worked = new Set(days);
    for (let t = Date.UTC(2004, 0, 1); t <= Date.UTC(2027, 11, 31); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      if (worked.has(date) !== packageIsWorkday(date)) expect.fail(`${date}: ours ${worked.has(date)}`);
      if (calendar.isWorkday(date) !== worked.has(date)) expect.fail(`${date}: isWorkday disagrees`);
    }
    expect(days.length).toBeGreaterThan(24 * 240);
  });

  it('addWorkingDays ends a working day with exactly n working days after the start', () => {
    // The package's own isWorkday is the oracle: another implementation over the same schedule.
    const start = Date.UTC(2004, 0, 1);
    const end = Date.UTC(2028, 11, 31);
    fc.assert(
      fc.property(fc.integer({ min: start, max: end }), fc.integer({ min: 0, max: 40 }), (at, n) => {
        const from = new Date(at);
        const due = calendar.addWorkingDays(from, n);
        // Always 24:00 China time.
        expect((due.getTime() + 8 * 3600_000) % 86_400_000).toBe(0);
        const first = chinaDate(from);
        const last = lastDay(due);
        expect(last >= first).toBe(true);
        // The day itself for n = 0; otherwise a working day.
        if (n === 0) expect(last).toBe(first);
        else expect(packageIsWorkday(last)).toBe(true);
        let count = 0;
        for (
          let t = Date.parse(`${first}T00:00:00Z`) + 86_400_000;
          t <= Date.parse(`${last}T00:00:00Z`);
          t += 86_400_000
        ) {
          if (packageIsWorkday(new Date(t).toISOString().slice(0, 10))) count++;
        }
        expect(count).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads and writes every day from 1900 to 2199 as Date does', () => {
    for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2199, 11, 31); t += 86_400_000) {
      const at = new Date(t);
      const date = at.toISOString().slice(0, 10);
      if (calendar.knows(at.getUTCFullYear())) continue;
      const weekend = at.getUTCDay() === 0 || at.getUTCDay() === 6;
      if (calendar.isWorkday(date) === weekend) expect.fail(`${date}: weekend ${weekend}`);
      if (!weekend && calendar.workdayOnOrAfter(date) !== date) expect.fail(`${date}: read back wrong`);
    }
  });

  it('refuses what is not a date', () => {
    expect(() => calendar.isWorkday('2026-13')).toThrow(RangeError);
    expect(() => calendar.isWorkday('tomorrow!!')).toThrow(RangeError);
    expect(() => calendar.isWorkday('2026-13-01')).toThrow(RangeError);
    expect(() => calendar.isWorkday('2026-02-29')).toThrow(RangeError);
    expect(() => calendar.isWorkday('2100-02-29')).toThrow(RangeError);
    expect(() => calendar.isWorkday('2026-04-31')).toThrow(RangeError);
    expect(() => new WorkCalendar(['2026-02-30'])).toThrow(RangeError);
    expect(calendar.isWorkday('2024-02-29')).toBe(true); // a Thursday of a leap year
    expect(calendar.isWorkday('2000-02-29')).toBe(true); // a Tuesday; 2000 was a leap year
  });
});
