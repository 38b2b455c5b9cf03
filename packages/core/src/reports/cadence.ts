import { z } from 'zod';

/**
 * How often a rep reports, from the tightest rhythm to the loosest. A leader shortens it for a
 * struggling rep (weekly → twice a week → daily) and relaxes it again after sustained recovery.
 */
export const REPORTING_CADENCES = ['daily', 'twice_weekly', 'weekly', 'monthly'] as const;
export type ReportingCadence = (typeof REPORTING_CADENCES)[number];
export const reportingCadenceSchema = z.enum(REPORTING_CADENCES);

export const CADENCE_LABELS: Record<ReportingCadence, string> = {
  daily: 'daily',
  twice_weekly: 'twice a week',
  weekly: 'weekly',
  monthly: 'monthly',
};

/** A smaller rank reports more often. */
export function cadenceRank(cadence: ReportingCadence): number {
  return REPORTING_CADENCES.indexOf(cadence);
}

/** The next tighter rhythm, or null when the rep already reports daily. */
export function shorterCadence(cadence: ReportingCadence): ReportingCadence | null {
  const rank = cadenceRank(cadence);
  return rank > 0 ? (REPORTING_CADENCES[rank - 1] ?? null) : null;
}

/** Where a cadence is set: the org's default, a team (and its sub-teams) or one rep. */
export type CadenceLevel = 'org' | 'team' | 'rep';

/**
 * One stored setting, effective on the days from `effectiveFrom` to `effectiveTo` (exclusive;
 * null while current). Changes never rewrite a row: the old one is ended and a new one begins.
 */
export interface CadenceSetting {
  level: CadenceLevel;
  /** The team for `team`, the rep for `rep`; null for `org`. */
  subjectId: string | null;
  cadence: ReportingCadence;
  effectiveFrom: string;
  effectiveTo: string | null;
}
