/** Where a rep stands on one right: the four words the UI and the API use. */
export const ASSESSMENT_STATUSES = ['on_track', 'at_risk', 'off_track', 'no_data'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

const SEVERITY: Record<AssessmentStatus, number> = { no_data: 0, on_track: 1, at_risk: 2, off_track: 3 };

/** The most serious of several statuses; `no_data` only when nothing else is known. */
export function worstStatus(statuses: readonly AssessmentStatus[]): AssessmentStatus {
  return statuses.reduce<AssessmentStatus>((worst, s) => (SEVERITY[s] > SEVERITY[worst] ? s : worst), 'no_data');
}

export function severity(status: AssessmentStatus): number {
  return SEVERITY[status];
}

/**
 * A status from "how much of what was asked": at or above `onTrack` is on track, at or above
 * `atRisk` at risk, below that off track. Null (nothing to compare) is no data.
 */
export function statusFromRatio(
  ratio: number | null,
  thresholds: { onTrack: number; atRisk: number },
): AssessmentStatus {
  if (ratio === null || Number.isNaN(ratio)) return 'no_data';
  if (ratio >= thresholds.onTrack) return 'on_track';
  if (ratio >= thresholds.atRisk) return 'at_risk';
  return 'off_track';
}
