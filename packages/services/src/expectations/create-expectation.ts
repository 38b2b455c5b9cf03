import { randomUUID } from 'node:crypto';
import type { ExpectationInput, Viewer } from '@rightly/core';
import { findExpectation, insertExpectation } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { loadAssessmentContext } from '../assessment/assessment-context';
import { checkReferences, requireManage } from './expectation-access';
import { describeExpectation, type ExpectationView } from './describe-expectation';

/** Saves a new expectation; lint warnings come back with it (advice, never a refusal). */
export async function createExpectation(
  deps: ServiceDeps,
  input: { viewer: Viewer; expectation: ExpectationInput; template?: string | null },
): Promise<ExpectationView> {
  const ctx = await loadAssessmentContext(deps, input.viewer);
  requireManage(ctx, input.viewer, input.expectation.scope);
  checkReferences(ctx, input.expectation);
  const id = randomUUID();
  await insertExpectation(deps.db, {
    orgId: input.viewer.orgId,
    id,
    input: input.expectation,
    template: input.template ?? null,
    createdBy: input.viewer.userId,
    now: deps.now(),
  });
  const saved = await findExpectation(deps.db, { orgId: input.viewer.orgId, id });
  if (!saved) throw new Error('expectation vanished after insert');
  return describeExpectation({ ...ctx, expectations: [...ctx.expectations, saved] }, saved);
}
