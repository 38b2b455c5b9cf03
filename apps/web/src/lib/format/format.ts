/**
 * Display formats. The UI is in English; dates from the API are calendar dates (YYYY-MM-DD) in the
 * organization's time zone, so they are formatted as UTC to avoid shifting a day in the browser's zone.
 */
const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
const shortDateFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const numberFormat = new Intl.NumberFormat('en-US');

function parseIsoDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

/** `2026-11-27` → `Nov 27, 2026` */
export function formatDate(isoDate: string): string {
  return dateFormat.format(parseIsoDate(isoDate));
}

/** `2026-11-23` → `Nov 23`, for chart axes */
export function formatShortDate(isoDate: string): string {
  return shortDateFormat.format(parseIsoDate(isoDate));
}

export function formatCount(value: number): string {
  return numberFormat.format(value);
}

/** `1 rep`, `24 reps` */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** 0 = Sunday … 6 = Saturday, as the API sends `weekStartsOn`. */
export function weekdayName(dayIndex: number): string {
  return WEEKDAYS[dayIndex] ?? `Day ${dayIndex}`;
}

const ROLE_LABELS: Record<string, string> = { admin: 'Admin', leader: 'Leader', rep: 'Rep' };

export function roleLabel(role: string): string {
  return ROLE_LABELS[role] ?? role;
}

/** Days between two calendar dates, `to - from`. */
export function daysBetween(fromIsoDate: string, toIsoDate: string): number {
  return Math.round((parseIsoDate(toIsoDate).getTime() - parseIsoDate(fromIsoDate).getTime()) / 86_400_000);
}
