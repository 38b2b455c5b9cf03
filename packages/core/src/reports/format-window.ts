import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** "Monday 7 December, 09:00 (Europe/Berlin)": a due time as the rep reads it, on the org's clock. */
export function dueAtText(instant: Date, timeZone: string): string {
  return `${format(new TZDate(instant.getTime(), timeZone), 'EEEE d MMMM, HH:mm')} (${timeZone})`;
}

/** "week of 30 November", "30 November", "November 2026": the days a report covers. */
export function windowText(window: { start: string; end: string; cadence: string }): string {
  const day = (iso: string) => format(new Date(`${iso}T12:00:00Z`), 'd MMMM');
  if (window.cadence === 'monthly') return format(new Date(`${window.start}T12:00:00Z`), 'MMMM yyyy');
  if (window.start === window.end) return day(window.start);
  if (window.cadence === 'weekly') return `week of ${day(window.start)}`;
  return `${day(window.start)} to ${day(window.end)}`;
}
