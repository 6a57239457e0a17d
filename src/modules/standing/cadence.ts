import type { Cadence, Period, SessionKind } from './constants.ts';
import { SESSION_KINDS } from './constants.ts';

/** What the cadence needs of the calendar (reference/workdays.ts's WorkCalendar). */
export interface Workdays {
  /** The working days from start to end, both included. */
  workdaysBetween(start: string, end: string): string[];
}

/** One planned session, before it is stored. */
export interface PlannedSession {
  kind: SessionKind;
  period: Period;
  periodStart: string;
  periodEnd: string;
  /** 1-based place within its period. */
  seq: number;
  dueOn: string;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** The periods of a kind in a year, each [first day, last day], cut at 1 January and 31 December. */
export function periodsOf(period: Period, year: number): [string, string][] {
  const first = Date.UTC(year, 0, 1);
  const last = Date.UTC(year, 11, 31);
  if (period === 'week') {
    const out: [string, string][] = [];
    // Weeks run Monday to Sunday; the first and last are cut at the year's ends.
    let start = first;
    while (start <= last) {
      const weekday = (new Date(start).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
      const end = Math.min(start + (6 - weekday) * DAY, last);
      out.push([iso(start), iso(end)]);
      start = end + DAY;
    }
    return out;
  }
  const months = { month: 1, quarter: 3, half: 6, year: 12 }[period];
  const out: [string, string][] = [];
  for (let m = 0; m < 12; m += months) {
    out.push([iso(Date.UTC(year, m, 1)), iso(Date.UTC(year, m + months, 1) - DAY)]);
  }
  return out;
}

/**
 * A year's planned sessions under a cadence. A period of n sessions is cut
 * into n equal runs of its working days, each session due on the last
 * working day of its run (one a month: the month's last working day). A
 * period with fewer working days than sessions (a week of Spring Festival)
 * plans one per working day; one with none plans none. No session falls on a
 * day off.
 */
export function planYear(calendar: Workdays, year: number, cadence: Cadence): PlannedSession[] {
  // The year's working days once (each day's date string made once, not once per kind and period).
  const workdays = calendar.workdaysBetween(`${year}-01-01`, `${year}-12-31`);
  const out: PlannedSession[] = [];
  for (const kind of SESSION_KINDS) {
    const { period, count } = cadence[kind];
    if (count <= 0) continue;
    let from = 0;
    for (const [periodStart, periodEnd] of periodsOf(period, year)) {
      // The working days of the period: a run of the year's, as both are in order.
      while (from < workdays.length && (workdays[from] as string) < periodStart) from++;
      let to = from;
      while (to < workdays.length && (workdays[to] as string) <= periodEnd) to++;
      const days = workdays.slice(from, to);
      const n = Math.min(count, days.length);
      for (let seq = 1; seq <= n; seq++) {
        const dueOn = days[Math.ceil((seq * days.length) / n) - 1] as string;
        out.push({ kind, period, periodStart, periodEnd, seq, dueOn });
      }
    }
  }
  return out;
}

/** A period's name as people say it: 第12周 / 3月 / 第一季度 / 上半年 / 2026年. */
export function periodLabel(period: Period, periodStart: string, locale: 'zh' | 'en' = 'zh'): string {
  const [y, m] = periodStart.split('-').map(Number) as [number, number];
  const zh = locale === 'zh';
  switch (period) {
    case 'week': {
      // Weeks are counted from the (cut) week holding 1 January.
      const jan1 = (new Date(Date.UTC(y, 0, 1)).getUTCDay() + 6) % 7;
      const n = Math.floor((ms(periodStart) - ms(`${y}-01-01`) + jan1 * DAY) / DAY / 7) + 1;
      return zh ? `第${n}周` : `Week ${n}`;
    }
    case 'month':
      return zh ? `${m}月` : new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en', { month: 'short' });
    case 'quarter': {
      const q = Math.floor((m - 1) / 3) + 1;
      return zh ? `第${'一二三四'[q - 1]}季度` : `Q${q}`;
    }
    case 'half':
      return zh ? (m <= 6 ? '上半年' : '下半年') : m <= 6 ? 'H1' : 'H2';
    case 'year':
      return zh ? `${y}年` : String(y);
  }
}
