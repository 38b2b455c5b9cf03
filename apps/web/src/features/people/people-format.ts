/** A stored instant as the viewer's local date and time, e.g. "3 Dec 2026, 14:05". */
export function formatDateTime(iso: string | null): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
