import { randomUUID } from 'node:crypto';
import type { ExpectationInput, Viewer } from '@rightly/core';
import { findExpectation, insertExpectation } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { loadAssessmentContext } from '../assessment/assessment-context';
import { auditExpectation } from './audit-expectation';
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
  const now = deps.now();
  // The expectation and its audit entry commit together.
  const saved = await deps.db.transaction(async (tx) => {
    await insertExpectation(tx, {
      orgId: input.viewer.orgId,
      id,
      input: input.expectation,
      template: input.template ?? null,
      createdBy: input.viewer.userId,
      now,
    });
    const row = await findExpectation(tx, { orgId: input.viewer.orgId, id });
    if (!row) throw new Error('expectation vanished after insert');
    await auditExpectation(tx, {
      viewer: input.viewer,
      action: input.template ? 'expectation_template_adopted' : 'expectation_created',
      before: null,
      after: row,
      at: now,
    });
    return row;
  });
  return describeExpectation({ ...ctx, expectations: [...ctx.expectations, saved] }, saved);
}
