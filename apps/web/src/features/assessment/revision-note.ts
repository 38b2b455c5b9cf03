import { formatValue, type MetricUnit } from '@rightly/core';

export interface RecordedAssessment {
  recorded: { revision: number; takenAt: string } | null;
  revisions: { revision: number; takenAt: string; actual: number | null }[];
}

function dayMonth(instant: string, timeZone: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const format = (zone: string) =>
    new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: zone }).format(date);
  try {
    return format(timeZone);
  } catch {
    return format('UTC');
  }
}

/**
 * What a closed period's record says, in one line: "Recorded 1 Dec; revised 3 Dec: actual now 14".
 * The record stands; later data shows as revisions so nobody is surprised by a changed history.
 * Null while the period is open (nothing is recorded yet).
 */
export function revisionNote(assessment: RecordedAssessment, unit: MetricUnit, timeZone: string): string | null {
  if (!assessment.recorded && assessment.revisions.length === 0) return null;
  const parts: string[] = [];
  if (assessment.recorded) parts.push(`Recorded ${dayMonth(assessment.recorded.takenAt, timeZone)}`);
  const revisions = [...assessment.revisions].sort((a, b) => a.revision - b.revision);
  for (const revision of revisions) {
    parts.push(`revised ${dayMonth(revision.takenAt, timeZone)}: actual now ${formatValue(revision.actual, unit)}`);
  }
  const note = parts.join('; ');
  return note.charAt(0).toUpperCase() + note.slice(1);
}
