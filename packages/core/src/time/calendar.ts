import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/**
 * Calendar dates are ISO strings (`2026-01-31`) in the organization's time zone. A rep's day is
 * the day on the rep's wall clock, not in UTC: a call at 18:00 in New York belongs to that day.
 *
 * Arithmetic on calendar dates runs on UTC midnights (no DST there, so a day is always 86 400 s);
 * only the crossings between instants and wall-clock dates need the time-zone database.
 */
export type IsoDate = string;

/** 0 = Sunday … 6 = Saturday, as date-fns and Date#getUTCDay count. */
export type WeekStartsOn = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

// Assessments and forecasts do calendar arithmetic on the same few hundred dates many thousand
// times; parsing each once keeps that cheap. The cache only ever holds valid calendar dates.
const parsed = new Map<string, number>();

function toUtcMs(date: IsoDate): number {
  const cached = parsed.get(date);
  if (cached !== undefined) return cached;
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${date}`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (fromUtcMs(ms) !== date) throw new RangeError(`No such date: ${date}`);
  if (parsed.size < 100_000) parsed.set(date, ms);
  return ms;
}

function fromUtcMs(ms: number): IsoDate {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return `${y < 1000 ? String(y).padStart(4, '0') : y}-${m < 10 ? '0' : ''}${m}-${day < 10 ? '0' : ''}${day}`;
}

export function isIsoDate(value: string): boolean {
  try {
    toUtcMs(value);
    return true;
  } catch {
    return false;
  }
}

/** The calendar date of an instant on the wall clock of `timeZone`. */
export function localDate(instant: Date, timeZone: string): IsoDate {
  return format(new TZDate(instant.getTime(), timeZone), 'yyyy-MM-dd');
}

/** The instant a calendar date begins in `timeZone` (DST-aware: not always 24 h after the day before). */
export function startOfLocalDay(date: IsoDate, timeZone: string): Date {
  const utc = new Date(toUtcMs(date));
  const local = new TZDate(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), timeZone);
  return new Date(local.getTime());
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Same day of month `months` later (or earlier), clamped to the month's last day (Jan 31 + 1 → Feb 28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const d = new Date(toUtcMs(date));
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return fromUtcMs(target.getTime());
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

export function weekStart(date: IsoDate, weekStartsOn: WeekStartsOn): IsoDate {
  const back = (dayOfWeek(date) - weekStartsOn + 7) % 7;
  return addDays(date, -back);
}

/** The starts of the `count` weeks that end with the week holding `today`, oldest first. */
export function recentWeekStarts(params: { today: IsoDate; count: number; weekStartsOn: WeekStartsOn }): IsoDate[] {
  const current = weekStart(params.today, params.weekStartsOn);
  return Array.from({ length: params.count }, (_, i) => addDays(current, -7 * (params.count - 1 - i)));
}

/** True when `timeZone` is an IANA zone this runtime knows (e.g. `Europe/Berlin`). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The instant a wall-clock time (`HH:MM`) happens on a date in `timeZone`. On a spring-forward
 * day a time that does not exist (02:30 in Berlin) lands an hour later, as the clock on the wall does.
 */
export function localDateTime(date: IsoDate, time: string, timeZone: string): Date {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) throw new RangeError(`Not a time of day (HH:MM): ${time}`);
  const utc = new Date(toUtcMs(date));
  const local = new TZDate(
    utc.getUTCFullYear(),
    utc.getUTCMonth(),
    utc.getUTCDate(),
    Number(match[1]),
    Number(match[2]),
    timeZone,
  );
  return new Date(local.getTime());
}

/** Monday to Friday: the days a self-report can fall due on. */
export function isWorkingDay(date: IsoDate): boolean {
  const d = dayOfWeek(date);
  return d !== 0 && d !== 6;
}
