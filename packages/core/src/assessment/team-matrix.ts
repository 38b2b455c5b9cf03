import { RIGHTS, type Right } from '../metrics/metric-definition';
import { severity, worstStatus, type AssessmentStatus } from './status';
import type { ExpectationAssessment, ExpectationJudgement } from './types';

/** One cell of the team matrix: a rep on one right, across all their expectations. */
export interface MatrixCell {
  status: AssessmentStatus;
  /** The sentences behind the status, the most serious first. */
  sentences: string[];
}

export type RepRights = Record<Right, MatrixCell>;

/** Folds a rep's expectation assessments into one status per right (the worst one counts). */
export function summarizeRights(assessments: readonly ExpectationAssessment[]): RepRights {
  const result = {} as RepRights;
  for (const right of RIGHTS) {
    const parts = assessments
      .map((a) => ({ status: a.rights[right].status, sentence: `${a.expectationName}: ${a.rights[right].sentence}` }))
      .filter((p) => p.status !== 'no_data')
      .sort((a, b) => severity(b.status) - severity(a.status));
    const status = worstStatus(parts.map((p) => p.status));
    // A cell that is off track or at risk explains why; the on-track parts would only dilute that.
    const shown = status === 'on_track' ? parts : parts.filter((p) => p.status !== 'on_track');
    result[right] = { status, sentences: shown.map((p) => p.sentence) };
  }
  return result;
}

/**
 * The status per right alone, as `summarizeRights` would give it, without building sentences:
 * for streaks and trends over many periods.
 */
export function rightStatuses(judgements: readonly ExpectationJudgement[]): Record<Right, AssessmentStatus> {
  const of = (right: Right) => worstStatus(judgements.map((j) => j.rights[right].status));
  return { thing: of('thing'), way: of('way'), time: of('time') };
}
