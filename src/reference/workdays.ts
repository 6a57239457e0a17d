/**
 * The working-day calendar of mainland China: weekends, the official holidays
 * and the weekend days worked in exchange for them (调休上班), from the
 * `chinese-days` package (the State Council's yearly notices, 2004 onwards),
 * plus days off a deployment adds for itself (config HOLIDAYS). Every date is a
 * China calendar day, YYYY-MM-DD.
 *
 * For a year the package has no schedule for yet (the State Council publishes
 * the next year's in November or December) the calendar knows only weekends and
 * the local additions; `knows(year)` says which, so a page can tell its user.
 */
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { CHINA_OFFSET_MS } from './china-time.ts';

/** A name in both languages. */
export interface CalendarName {
  zh: string;
  en: string;
}

/** Why a day is not a working day. */
export interface DayOff {
  /** weekend: a plain Saturday or Sunday; holiday: an official holiday; local: a configured day off. */
  kind: 'weekend' | 'holiday' | 'local';
  /** The holiday's name (国庆节 National Day); none for weekends and local days off. */
  name?: CalendarName;
}

/** The named days of a year, for a calendar page; plain weekends are left out (every calendar shows them). */
export interface CalendarYear {
  year: number;
  /** Whether the official schedule of the year is known; when not, only the local days off are listed. */
  known: boolean;
  /** Days off on top of plain weekends: official holidays (those on weekends too) and local additions. */
  daysOff: { date: string; kind: 'holiday' | 'local'; name?: CalendarName }[];
  /** Saturdays and Sundays worked in exchange for a holiday (调休上班), with the holiday's name. */
  makeUpWorkdays: { date: string; name: CalendarName }[];
}

const DAY = 24 * 3600_000;

/** The digit at `i` of `text`, or NaN. */
function digit(text: string, i: number): number {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : Number.NaN;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Days since 1970-01-01 of a YYYY-MM-DD, the number a day is looked up by.
 * Read digit by digit and counted by arithmetic (H. Hinnant's days_from_civil)
 * rather than through Date: the cadence planner asks for every day of hundreds
 * of teams' years.
 */
function dayNumber(date: string): number {
  const y = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
  const m = digit(date, 5) * 10 + digit(date, 6);
  const d = digit(date, 8) * 10 + digit(date, 9);
  if (!(date.length === 10 && date[4] === '-' && date[7] === '-' && m >= 1 && m <= 12 && d >= 1 && d <= 31)) {
    throw new RangeError(`not a calendar date: ${date}`);
  }
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const day =
    era * 146097 +
    yearOfEra * 365 +
    Math.floor(yearOfEra / 4) -
    Math.floor(yearOfEra / 100) +
    dayOfYear -
    719468;
  if (d > daysInMonth(y, m)) throw new RangeError(`not a calendar date: ${date}`);
  return day;
}

/** The YYYY-MM-DD of a day number (Hinnant's civil_from_days; Date's toISOString takes ten times as long). */
function dateOf(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** 1970-01-01 was a Thursday. */
function isWeekend(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}

/** "National Day,国庆节,3": English name, Chinese name, the number of days the law gives. */
function parseName(value: string): CalendarName {
  const parts = value.split(',');
  return Object.freeze({ zh: parts.at(-2) ?? value, en: parts.slice(0, -2).join(',') || value });
}

interface Official {
  /** Official days off (weekend days among them), by day number. */
  holidays: Map<number, CalendarName>;
  /** Weekend days worked in exchange for a holiday, with its name. */
  makeUp: Map<number, CalendarName>;
  years: Set<number>;
}

let official: Official | undefined;

/** The package's schedule, read once per process (about 800 days). */
function officialSchedule(): Official {
  if (official) return official;
  const names = new Map<string, CalendarName>();
  const years = new Set<number>();
  const read = (entries: Record<string, string>) => {
    const days = new Map<number, CalendarName>();
    for (const [date, value] of Object.entries(entries)) {
      const name = names.get(value) ?? parseName(value);
      names.set(value, name);
      days.set(dayNumber(date), name);
      years.add(Number(date.slice(0, 4)));
    }
    return days;
  };
  official = { holidays: read(data.holidays), makeUp: read(data.workdays), years };
  return official;
}

const WEEKEND: DayOff = Object.freeze({ kind: 'weekend' });
const LOCAL: DayOff = Object.freeze({ kind: 'local' });

/** What is special about a day: off (and why) or a make-up working day; absent for a plain one. */
type Special = { off: DayOff } | { makeUp: CalendarName };

/**
 * China's working days with a deployment's own days off. Pure and synchronous;
 * one lookup in a map per day, so it can be asked for every day of every team's
 * year.
 */
export class WorkCalendar {
  private readonly special = new Map<number, Special>();
  private readonly years: Set<number>;

  /** @param localDaysOff days off besides the official ones (YYYY-MM-DD), from config HOLIDAYS. */
  constructor(localDaysOff: Iterable<string> = []) {
    const schedule = officialSchedule();
    this.years = schedule.years;
    for (const [day, name] of schedule.holidays)
      this.special.set(day, { off: Object.freeze({ kind: 'holiday', name }) });
    for (const [day, name] of schedule.makeUp) this.special.set(day, { makeUp: name });
    // A local day off overrides a make-up working day, not an official holiday (whose name says more).
    for (const date of localDaysOff) {
      const day = dayNumber(date);
      const known = this.special.get(day);
      if (!known || 'makeUp' in known) this.special.set(day, { off: LOCAL });
    }
  }

  /** Whether the official schedule of `year` is in the package (if not: weekends and local days off only). */
  knows(year: number): boolean {
    return this.years.has(year);
  }

  isWorkday(date: string): boolean {
    return this.isWorkingDay(dayNumber(date));
  }

  /** Why `date` is not a working day, or null when it is one. */
  dayOff(date: string): DayOff | null {
    const day = dayNumber(date);
    const special = this.special.get(day);
    if (special) return 'off' in special ? special.off : null;
    return isWeekend(day) ? WEEKEND : null;
  }

  /** A Saturday or Sunday worked in exchange for a holiday (调休上班). */
  isMakeUpWorkday(date: string): boolean {
    const special = this.special.get(dayNumber(date));
    return special !== undefined && 'makeUp' in special;
  }

  /**
   * The moment `days` working days after `from`: the end (24:00 China time) of
   * the `days`-th working day after the China day of `from` (0 or less: the end
   * of that day itself, whether worked or not).
   */
  addWorkingDays(from: Date, days: number): Date {
    let day = Math.floor((from.getTime() + CHINA_OFFSET_MS) / DAY);
    let left = days;
    while (left > 0) {
      day++;
      if (this.isWorkingDay(day)) left--;
    }
    // The next day's midnight in China, as a UTC instant.
    return new Date((day + 1) * DAY - CHINA_OFFSET_MS);
  }

  /** The first working day after `date`. */
  nextWorkday(date: string): string {
    return dateOf(this.seek(dayNumber(date) + 1, 1));
  }

  /** `date` if it is a working day, else the last working day before it. */
  workdayOnOrBefore(date: string): string {
    return dateOf(this.seek(dayNumber(date), -1));
  }

  /** `date` if it is a working day, else the first working day after it. */
  workdayOnOrAfter(date: string): string {
    return dateOf(this.seek(dayNumber(date), 1));
  }

  /** The working days from `start` to `end`, both included (none when end is before start). */
  workdaysBetween(start: string, end: string): string[] {
    const last = dayNumber(end);
    const days: string[] = [];
    for (let day = dayNumber(start); day <= last; day++) if (this.isWorkingDay(day)) days.push(dateOf(day));
    return days;
  }

  /** The holidays, local days off and make-up working days of `year`, in date order. */
  yearDays(year: number): CalendarYear {
    const result: CalendarYear = { year, known: this.knows(year), daysOff: [], makeUpWorkdays: [] };
    const last = Date.UTC(year + 1, 0, 1) / DAY;
    for (let day = Date.UTC(year, 0, 1) / DAY; day < last; day++) {
      const special = this.special.get(day);
      if (!special) continue;
      if ('makeUp' in special) {
        result.makeUpWorkdays.push({ date: dateOf(day), name: special.makeUp });
      } else if (special.off.kind === 'holiday') {
        result.daysOff.push({ date: dateOf(day), kind: 'holiday', name: special.off.name! });
      } else {
        result.daysOff.push({ date: dateOf(day), kind: 'local' });
      }
    }
    return result;
  }

  private isWorkingDay(day: number): boolean {
    const special = this.special.get(day);
    return special ? 'makeUp' in special : !isWeekend(day);
  }

  /** The first working day from `day` on, going `step` (local days off are finite: one comes). */
  private seek(day: number, step: 1 | -1): number {
    let at = day;
    while (!this.isWorkingDay(at)) at += step;
    return at;
  }
}
