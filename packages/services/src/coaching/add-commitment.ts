import { AppError, type AddCommitmentBody, type CoachingPlan, type Viewer } from '@rightly/core';
import { listCoachingSessions } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { addCommitments, commitmentIssues } from './add-coaching-session';
import { loadCoachingContext, requireActive, requireCoach, requireVisiblePlan } from './coaching-context';
import { getCoachingPlan } from './get-coaching-plan';

/** A leader adds an action item to an active plan, optionally tied to one of its sessions. */
export async function addCoachingCommitment(
  deps: ServiceDeps,
  input: { viewer: Viewer; planId: string; commitment: AddCommitmentBody },
): Promise<CoachingPlan> {
  const ctx = await loadCoachingContext(deps, input.viewer);
  const plan = await requireVisiblePlan(deps, ctx, input.planId);
  requireCoach(ctx, 'adds commitments');
  requireActive(plan);
  const { sessionId = null, ...commitment } = input.commitment;
  const issues = commitmentIssues([commitment], ctx.today, '').map((i) => ({ ...i, field: 'dueOn' }));
  if (sessionId !== null) {
    const sessions = await listCoachingSessions(deps.db, { orgId: ctx.org.id, planIds: [plan.id] });
    if (!sessions.some((s) => s.id === sessionId))
      issues.push({ field: 'sessionId', message: 'no such session in this plan' });
  }
  if (issues.length > 0) {
    throw new AppError({
      code: 'validation_failed',
      message: `The commitment cannot be added: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}.`,
      issues,
    });
  }
  const now = deps.now();
  await deps.db.transaction((tx) => addCommitments(tx, ctx, plan, [commitment], sessionId, now));
  return getCoachingPlan(deps, { viewer: input.viewer, id: plan.id });
}
