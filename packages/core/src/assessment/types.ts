import type { MetricUnit, Right } from '../metrics/metric-definition';
import type { IsoDate } from '../time/calendar';
import type { AssessmentStatus } from './status';

/** One number behind a status, with what it was compared with. */
export interface EvidenceItem {
  label: string;
  value: number | null;
  unit: MetricUnit;
  /** What the value was held against (a target, a pace, a standard, a forecast reference). */
  against: number | null;
  status: AssessmentStatus;
}

export interface RightAssessment {
  right: Right;
  status: AssessmentStatus;
  /** One plain sentence, e.g. "12 of 20 first meetings with 60% of the week gone". */
  sentence: string;
  evidence: EvidenceItem[];
}

/**
 * A rep against one expectation for one period, as of a date: the numbers and a status per right,
 * without the sentences and evidence (streaks and trends over earlier periods need no more).
 */
export interface ExpectationJudgement {
  expectationId: string;
  expectationName: string;
  repId: string;
  period: { key: string; start: IsoDate; end: IsoDate; closed: boolean };
  asOf: IsoDate;
  metric: { key: string; name: string; unit: MetricUnit };
  actual: number | null;
  target: number;
  /** Where the rep is expected to end the period (the actual once it is closed). */
  projected: number | null;
  /** What the pacing curve expected by the as-of date. */
  pace: number | null;
  /** Share of the period's work the curve expected done by the as-of date (0–1). */
  progress: number;
  teamMedian: number | null;
  rights: Record<Right, { status: AssessmentStatus }>;
}

/** A rep against one expectation for one period, as of a date, with the evidence and sentences. */
export interface ExpectationAssessment extends ExpectationJudgement {
  rights: Record<Right, RightAssessment>;
  /** The rights' sentences in one line, for lists and exports. */
  sentence: string;
}
