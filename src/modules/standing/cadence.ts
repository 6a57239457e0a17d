import type { CadenceEntry, CareOccasion, Period, SessionKind } from './constants.ts';
import { SESSION_KINDS } from './constants.ts';

/** What the cadence needs of the calendar (reference/workdays.ts's WorkCalendar). */
export interface Workdays {
  /** The working days from start to end, both included. */
  workdaysBetween(start: string, end: string): string[];
}

/** What care visits need of the calendar besides working days: the holidays' days and whether a year is known. */
export interface HolidayCalendar extends Workdays {
  knows(year: number): boolean;
  workdayOnOrBefore(date: string): string;
  yearDays(year: number): { daysOff: { date: string; kind: string; name?: { zh: string } }[] };
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
export function planYear(
  calendar: Workdays,
  year: number,
  cadence: Partial<Record<SessionKind, CadenceEntry>>,
): PlannedSession[] {
  // The year's working days once (each day's date string made once, not once per kind and period).
  const workdays = calendar.workdaysBetween(`${year}-01-01`, `${year}-12-31`);
  const out: PlannedSession[] = [];
  for (const kind of SESSION_KINDS) {
    const entry = cadence[kind];
    if (!entry || entry.count <= 0) continue;
    const { period, count } = entry;
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

/**
 * The occurrences of a cadence over a span of days (a commissioner's term, a
 * duty's time): each year's plan, those due from the first day to the last.
 */
export function planSpan(
  calendar: Workdays,
  start: string,
  end: string,
  cadence: Partial<Record<SessionKind, CadenceEntry>>,
): PlannedSession[] {
  const out: PlannedSession[] = [];
  for (let year = Number(start.slice(0, 4)); year <= Number(end.slice(0, 4)); year++) {
    for (const s of planYear(calendar, year, cadence)) if (s.dueOn >= start && s.dueOn <= end) out.push(s);
  }
  return out;
}

/** The holidays a care visit comes before, by the calendar's name of their days. */
const HOLIDAY_OCCASIONS: [CareOccasion, string][] = [
  ['spring_festival', '春节'],
  ['mid_autumn', '中秋'],
];

/** How long before its day a care visit may be made (its period's first day). */
const CARE_WINDOW_DAYS = 30;

/**
 * A year's care visits (关怀走访): before 30 May (全国科技工作者日) and before
 * the Spring Festival and the Mid-Autumn holidays, each due on the last
 * working day before the day, to be made within the thirty days before it.
 * A year whose holidays the calendar does not know plans 5·30 only.
 */
export function careYear(
  calendar: HolidayCalendar,
  year: number,
): (PlannedSession & { occasion: CareOccasion })[] {
  const days: [CareOccasion, string][] = [['workers_day', `${year}-05-30`]];
  if (calendar.knows(year)) {
    const off = calendar.yearDays(year).daysOff;
    for (const [occasion, name] of HOLIDAY_OCCASIONS) {
      const first = off.find((d) => d.kind === 'holiday' && d.name?.zh === name);
      if (first) days.push([occasion, first.date]);
    }
  }
  return days
    .map(([occasion, day]) => {
      // 5·30 itself may be a working day; a holiday's first day is not.
      const dueOn = calendar.workdayOnOrBefore(occasion === 'workers_day' ? day : iso(ms(day) - DAY));
      const from = iso(Math.max(ms(day) - CARE_WINDOW_DAYS * DAY, ms(`${year}-01-01`)));
      return {
        kind: 'care' as const,
        period: 'year' as const,
        periodStart: from,
        periodEnd: day,
        seq: 1,
        dueOn,
        occasion,
      };
    })
    .filter((s) => s.dueOn.startsWith(`${year}-`))
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1))
    .map((s, i) => ({ ...s, seq: i + 1 }));
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
