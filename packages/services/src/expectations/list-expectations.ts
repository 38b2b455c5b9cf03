import { AppError, EXPECTATION_TEMPLATES, type ExpectationTemplate, type Viewer } from '@rightly/core';
import type { ServiceDeps } from '../deps';
import { loadAssessmentContext } from '../assessment/assessment-context';
import { canSeeExpectation } from './expectation-access';
import { describeExpectation, type ExpectationView } from './describe-expectation';

export async function listExpectations(
  deps: ServiceDeps,
  input: { viewer: Viewer },
): Promise<{ expectations: ExpectationView[]; templates: readonly ExpectationTemplate[] }> {
  const ctx = await loadAssessmentContext(deps, input.viewer);
  return {
    expectations: ctx.expectations
      .filter((e) => canSeeExpectation(ctx, input.viewer, e.scope))
      .map((e) => describeExpectation(ctx, e)),
    templates: EXPECTATION_TEMPLATES,
  };
}

/** One expectation, or not found when it does not exist or is not the viewer's to see. */
export async function getExpectation(
  deps: ServiceDeps,
  input: { viewer: Viewer; id: string },
): Promise<ExpectationView> {
  const ctx = await loadAssessmentContext(deps, input.viewer);
  const found = ctx.expectations.find((e) => e.id === input.id);
  if (!found || !canSeeExpectation(ctx, input.viewer, found.scope)) {
    throw new AppError({ code: 'not_found', message: 'No such expectation among those you can see.' });
  }
  return describeExpectation(ctx, found);
}
