import { AppError, type IsoDate, type Viewer } from '@rightly/core';
import type { ServiceDeps } from '../deps';
import { loadAssessmentContext } from '../assessment/assessment-context';
import type { ExpectationView } from './describe-expectation';
import { updateExpectation, visibleExpectation } from './update-expectation';

/**
 * Ends an expectation: it stops applying after `endsOn` (default today). It is never deleted, so
 * past assessments and their snapshots keep their meaning.
 */
export async function endExpectation(
  deps: ServiceDeps,
  input: { viewer: Viewer; id: string; endsOn?: IsoDate },
): Promise<ExpectationView> {
  const ctx = await loadAssessmentContext(deps, input.viewer);
  const current = await visibleExpectation(deps, ctx, input.viewer, input.id);
  const endsOn = input.endsOn ?? ctx.today;
  if (endsOn < current.startsOn) {
    throw new AppError({
      code: 'validation_failed',
      message: `endsOn must not be before the start (${current.startsOn}); to undo an expectation that never ran, end it on ${current.startsOn}.`,
      issues: [{ field: 'endsOn', message: `must be ${current.startsOn} or later` }],
    });
  }
  return updateExpectation(deps, {
    viewer: input.viewer,
    id: input.id,
    patch: { endsOn },
    auditAs: 'expectation_ended',
  });
}
