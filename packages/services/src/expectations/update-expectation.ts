import { AppError, expectationInputSchema, localDate, type ExpectationPatch, type Viewer } from '@rightly/core';
import { findExpectation, updateExpectation as storeExpectation } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { loadAssessmentContext, type AssessmentContext } from '../assessment/assessment-context';
import { auditExpectation } from './audit-expectation';
import { canSeeExpectation, checkReferences, requireManage } from './expectation-access';
import { describeExpectation, type ExpectationView } from './describe-expectation';

/**
 * Edits an expectation: the patch is merged and checked as a whole. Moving it to another scope
 * needs the right to manage both. Closed periods keep their snapshots.
 */
export async function updateExpectation(
  deps: ServiceDeps,
  input: {
    viewer: Viewer;
    id: string;
    patch: ExpectationPatch;
    /** How the audit log names the change: `expectation_ended` when it is the end of the expectation. */
    auditAs?: 'expectation_updated' | 'expectation_ended';
  },
): Promise<ExpectationView> {
  const ctx = await loadAssessmentContext(deps, input.viewer);
  const current = await visibleExpectation(deps, ctx, input.viewer, input.id);
  requireManage(ctx, input.viewer, current.scope);
  const merged = { ...current, ...input.patch };
  // Switching self-reporting on for an expectation already running owes reports from today on,
  // not for every window since it started.
  const today = localDate(deps.now(), ctx.org.timeZone);
  if (
    merged.time.selfReport &&
    !current.time.selfReport &&
    !input.patch.time?.selfReportFrom &&
    merged.startsOn < today
  ) {
    merged.time = { ...merged.time, selfReportFrom: today };
  }
  const parsed = expectationInputSchema.safeParse(merged);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
    throw new AppError({
      code: 'validation_failed',
      message: issues.map((i) => `${i.field}: ${i.message}`).join('; '),
      issues,
    });
  }
  requireManage(ctx, input.viewer, parsed.data.scope);
  checkReferences(ctx, parsed.data);
  const now = deps.now();
  // The change and its audit entry (with the terms before and after) commit together.
  const saved = await deps.db.transaction(async (tx) => {
    await storeExpectation(tx, { orgId: input.viewer.orgId, id: input.id, input: parsed.data, now });
    const row = (await findExpectation(tx, { orgId: input.viewer.orgId, id: input.id })) ?? current;
    await auditExpectation(tx, {
      viewer: input.viewer,
      action: input.auditAs ?? 'expectation_updated',
      before: current,
      after: row,
      at: now,
    });
    return row;
  });
  return describeExpectation(
    { ...ctx, expectations: ctx.expectations.map((e) => (e.id === saved.id ? saved : e)) },
    saved,
  );
}

/** The expectation, or not_found when it does not exist or the viewer may not see it (no difference shown). */
export async function visibleExpectation(
  deps: ServiceDeps,
  ctx: AssessmentContext,
  viewer: Viewer,
  id: string,
): Promise<NonNullable<Awaited<ReturnType<typeof findExpectation>>>> {
  const found = await findExpectation(deps.db, { orgId: viewer.orgId, id });
  if (!found || !canSeeExpectation(ctx, viewer, found.scope)) {
    throw new AppError({ code: 'not_found', message: 'No such expectation among those you can see.' });
  }
  return found;
}
