import { EXPECTATION_TEMPLATES, type ExpectationTemplate, type Viewer } from '@rightly/core';
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
