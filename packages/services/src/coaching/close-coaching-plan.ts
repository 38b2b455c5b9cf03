import { AppError, type ClosePlanBody, type CoachingPlan, type Viewer } from '@rightly/core';
import { closeCoachingPlan as closeStoredPlan } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { loadCoachingContext, recordAudit, requireActive, requireCoach, requireVisiblePlan } from './coaching-context';
import { getCoachingPlan } from './get-coaching-plan';

/** A leader closes an active plan with its outcome: improved, extended, escalated or closed. */
export async function closeCoachingPlan(
  deps: ServiceDeps,
  input: { viewer: Viewer; planId: string; close: ClosePlanBody },
): Promise<CoachingPlan> {
  const ctx = await loadCoachingContext(deps, input.viewer);
  const plan = await requireVisiblePlan(deps, ctx, input.planId);
  requireCoach(ctx, 'closes a coaching plan');
  requireActive(plan);
  const note = input.close.note ?? '';
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const closed = await closeStoredPlan(tx, {
      orgId: ctx.org.id,
      id: plan.id,
      outcome: input.close.outcome,
      note,
      closedBy: input.viewer.userId,
      now,
    });
    if (!closed) throw new AppError({ code: 'conflict', message: 'The coaching plan was closed already.' });
    await recordAudit(tx, ctx, {
      action: 'plan_closed',
      subjectId: plan.repId,
      at: now,
      summary: `Coaching plan closed: ${input.close.outcome}${note ? ` — ${note}` : ''}`,
      details: { planId: plan.id, outcome: input.close.outcome, note },
    });
  });
  return getCoachingPlan(deps, { viewer: input.viewer, id: plan.id });
}
