import { lintExpectation, type ExpectationInput, type ExpectationWarning, type Viewer } from '@rightly/core';
import type { ServiceDeps } from '../deps';
import { loadAssessmentContext } from '../assessment/assessment-context';

/** The editor's live advice for a draft, before anything is saved. */
export async function lintDraft(
  deps: ServiceDeps,
  input: { viewer: Viewer; expectation: ExpectationInput; id?: string },
): Promise<ExpectationWarning[]> {
  const ctx = await loadAssessmentContext(deps, input.viewer);
  return lintExpectation({
    expectation: { ...input.expectation, ...(input.id ? { id: input.id } : {}) },
    others: ctx.expectations,
    registry: ctx.registry,
    teams: ctx.structure.teams,
    memberships: ctx.structure.memberships,
  });
}
