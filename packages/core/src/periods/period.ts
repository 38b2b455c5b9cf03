import { addDays, addMonths, dayOfWeek, daysBetween, isIsoDate, type IsoDate } from '../time/calendar';

/**
 * A reporting period: an ISO week (`2026-W05`), a month (`2026-01`), a quarter (`2026-Q1`) or
 * custom dates (`2026-01-05..2026-02-13`). Start and end are calendar dates in the org's time
 * zone, both included.
 */
export const PERIOD_KINDS = ['week', 'month', 'quarter', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  kind: PeriodKind;
  /** The canonical key, as written in URLs and on the command line. */
  key: string;
  start: IsoDate;
  end: IsoDate;
}

const WEEK = /^(\d{4})-W(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const CUSTOM = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

/** Parses a period key; null when it is not one (callers turn that into a field error). */
export function parsePeriod(key: string): Period | null {
  const trimmed = key.trim();
  let m = WEEK.exec(trimmed);
  if (m) {
    const week = Number(m[2]);
    const start = isoWeekStart(Number(m[1]), week);
    if (week < 1 || week > isoWeeksInYear(Number(m[1]))) return null;
    return { kind: 'week', key: trimmed, start, end: addDays(start, 6) };
  }
  m = MONTH.exec(trimmed);
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    const start = `${m[1]}-${m[2]}-01`;
    return { kind: 'month', key: trimmed, start, end: addDays(addMonths(start, 1), -1) };
  }
  m = QUARTER.exec(trimmed);
  if (m) {
    const q = Number(m[2]);
    const start = `${m[1]}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
    return { kind: 'quarter', key: trimmed, start, end: addDays(addMonths(start, 3), -1) };
  }
  m = CUSTOM.exec(trimmed);
  if (m && isIsoDate(m[1] as string) && isIsoDate(m[2] as string) && (m[1] as string) <= (m[2] as string)) {
    return { kind: 'custom', key: trimmed, start: m[1] as string, end: m[2] as string };
  }
  return null;
}

/** The period of `kind` that contains `date` (custom periods have no calendar of their own). */
export function periodContaining(kind: Exclude<PeriodKind, 'custom'>, date: IsoDate): Period {
  if (kind === 'week') {
    const { year, week } = isoWeekOf(date);
    return parsePeriod(`${year}-W${String(week).padStart(2, '0')}`) as Period;
  }
  if (kind === 'month') return parsePeriod(date.slice(0, 7)) as Period;
  const quarter = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
  return parsePeriod(`${date.slice(0, 4)}-Q${quarter}`) as Period;
}

/** The period `offset` steps away (-1 = the one before). Custom periods shift by their length. */
export function shiftPeriod(period: Period, offset: number): Period {
  if (period.kind === 'custom') {
    const length = daysBetween(period.start, period.end) + 1;
    const start = addDays(period.start, offset * length);
    const end = addDays(period.end, offset * length);
    return { kind: 'custom', key: `${start}..${end}`, start, end };
  }
  if (period.kind === 'week') return periodContaining('week', addDays(period.start, 7 * offset));
  const months = period.kind === 'month' ? 1 : 3;
  return periodContaining(period.kind, addMonths(period.start, months * offset));
}

/** The `count` periods ending with `period`, oldest first. */
export function periodsEndingWith(period: Period, count: number): Period[] {
  return Array.from({ length: count }, (_, i) => shiftPeriod(period, i - (count - 1)));
}

export function periodLengthDays(period: Period): number {
  return daysBetween(period.start, period.end) + 1;
}

export function isClosed(period: Period, today: IsoDate): boolean {
  return today > period.end;
}

function isoWeekStart(year: number, week: number): IsoDate {
  // ISO week 1 holds January 4th; weeks start on Monday.
  const jan4 = `${year}-01-04`;
  const mondayOfWeek1 = addDays(jan4, -((dayOfWeek(jan4) + 6) % 7));
  return addDays(mondayOfWeek1, 7 * (week - 1));
}

function isoWeeksInYear(year: number): number {
  // A year has 53 ISO weeks when Dec 28 falls in week 53.
  return isoWeekOf(`${year}-12-28`).week;
}

function isoWeekOf(date: IsoDate): { year: number; week: number } {
  // The ISO year of a date is the year of the Thursday of its week.
  const thursday = addDays(date, 3 - ((dayOfWeek(date) + 6) % 7));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return { year, week };
}
