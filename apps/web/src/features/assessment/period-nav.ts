import { localDate, parsePeriod, periodContaining, shiftPeriod, type Period } from '@rightly/core';

/** The period kinds a leader flips between; custom periods come only from a link. */
export type PeriodPreset = 'week' | 'month' | 'quarter';

export const PERIOD_PRESETS: readonly { kind: PeriodPreset; label: string }[] = [
  { kind: 'week', label: 'This week' },
  { kind: 'month', label: 'This month' },
  { kind: 'quarter', label: 'This quarter' },
];

/** Today as a calendar date in the organization's time zone (where periods start and end). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  try {
    return localDate(now, timeZone);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/** `2026-W05`, `2026-01` or `2026-Q1`: the period of this kind that holds `today`. */
export function currentPeriodKey(kind: PeriodPreset, today: string): string {
  return periodContaining(kind, today).key;
}

/** The key `offset` periods away (-1 = previous); null for a key that is not a period. */
export function shiftPeriodKey(key: string, offset: number): string | null {
  const period = parsePeriod(key);
  return period ? shiftPeriod(period, offset).key : null;
}

/** True when the period has not started yet on `today`: no evidence can exist for it. */
export function isFuturePeriod(key: string, today: string): boolean {
  const period = parsePeriod(key);
  return period !== null && period.start > today;
}

/** Which preset button reads as pressed: only when the period shown is the current one of its kind. */
export function activePreset(key: string, today: string): PeriodPreset | null {
  const period = parsePeriod(key);
  if (!period || period.kind === 'custom') return null;
  return currentPeriodKey(period.kind, today) === period.key ? period.kind : null;
}

const monthYear = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortMonth = new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'UTC' });
const monthDay = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const monthDayYear = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

const utc = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

function dateRange(start: string, end: string): string {
  const sameYear = start.slice(0, 4) === end.slice(0, 4);
  return `${(sameYear ? monthDay : monthDayYear).format(utc(start))} – ${monthDayYear.format(utc(end))}`;
}

/**
 * How a period reads in a heading: `Week 5, 2026 · Jan 26 – Feb 1, 2026`, `January 2026`,
 * `Q1 2026 · Jan – Mar`, or the dates of a custom period.
 */
export function periodLabel(period: Pick<Period, 'key' | 'start' | 'end'>): string {
  const parsed = parsePeriod(period.key);
  switch (parsed?.kind) {
    case 'week':
      return `Week ${Number(period.key.slice(6))}, ${period.key.slice(0, 4)} · ${dateRange(period.start, period.end)}`;
    case 'month':
      return monthYear.format(utc(period.start));
    case 'quarter':
      return `${period.key.slice(5)} ${period.key.slice(0, 4)} · ${shortMonth.format(utc(period.start))} – ${shortMonth.format(utc(period.end))}`;
    default:
      return dateRange(period.start, period.end);
  }
}

/** A short label for a chart axis or a trend chip: `W05`, `Jan 2026`, `Q1 2026`. */
export function periodShortLabel(period: Pick<Period, 'key' | 'start' | 'end'>): string {
  const parsed = parsePeriod(period.key);
  switch (parsed?.kind) {
    case 'week':
      return `W${period.key.slice(6)}`;
    case 'month':
      return `${shortMonth.format(utc(period.start))} ${period.key.slice(0, 4)}`;
    case 'quarter':
      return `${period.key.slice(5)} ${period.key.slice(0, 4)}`;
    default:
      return `${monthDay.format(utc(period.start))}–${monthDay.format(utc(period.end))}`;
  }
}

/** The kind of a period key, for the trend switch; week when the key is not one. */
export function periodKindOf(key: string | null | undefined): PeriodPreset {
  const kind = key ? parsePeriod(key)?.kind : undefined;
  return kind === 'month' || kind === 'quarter' ? kind : 'week';
}
