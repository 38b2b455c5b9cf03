/**
 * Where a self-report stands. A report that arrives after its due date is accepted but stays
 * `late` for good: lateness is a fact about the right time, not something a later edit erases.
 */
export const REPORT_STATUSES = ['open', 'submitted', 'late', 'overdue'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export function reportStatus(input: { dueAt: Date; submittedAt: Date | null; now: Date }): ReportStatus {
  if (input.submittedAt) return input.submittedAt <= input.dueAt ? 'submitted' : 'late';
  return input.now > input.dueAt ? 'overdue' : 'open';
}

/** Counts of the reports that fell due in a span, for the "self-reports on time" metric. */
export interface ReportTally {
  due: number;
  onTime: number;
  late: number;
  missing: number;
}

export function tallyReports(statuses: Iterable<ReportStatus>): ReportTally {
  const tally: ReportTally = { due: 0, onTime: 0, late: 0, missing: 0 };
  for (const status of statuses) {
    if (status === 'open') continue;
    tally.due += 1;
    if (status === 'submitted') tally.onTime += 1;
    else if (status === 'late') tally.late += 1;
    else tally.missing += 1;
  }
  return tally;
}

/** Several tallies (periods, expectations) added up into one. */
export function sumTallies(tallies: Iterable<ReportTally>): ReportTally {
  const sum: ReportTally = { due: 0, onTime: 0, late: 0, missing: 0 };
  for (const t of tallies) {
    sum.due += t.due;
    sum.onTime += t.onTime;
    sum.late += t.late;
    sum.missing += t.missing;
  }
  return sum;
}

/** Share of due reports in by their due date, as a percentage; null when none fell due. */
export function onTimePercent(tally: ReportTally): number | null {
  return tally.due === 0 ? null : (100 * tally.onTime) / tally.due;
}
