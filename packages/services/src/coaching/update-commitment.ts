import { AppError, type Commitment, type Viewer } from '@rightly/core';
import { findCoachingCommitment, setCommitmentDone } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { loadCoachingContext, recordAudit, requireVisiblePlan } from './coaching-context';

/**
 * Checks a commitment off (or opens it again). The rep may for the commitments they own; the
 * leaders above the rep and admins for any of the plan's. Someone who cannot see the plan gets
 * "not found".
 */
export async function updateCoachingCommitment(
  deps: ServiceDeps,
  input: { viewer: Viewer; id: string; done: boolean },
): Promise<Commitment> {
  const { viewer } = input;
  const ctx = await loadCoachingContext(deps, viewer);
  const stored = await findCoachingCommitment(deps.db, { orgId: ctx.org.id, id: input.id });
  if (!stored) throw new AppError({ code: 'not_found', message: 'No such commitment among those you can see.' });
  const plan = await requireVisiblePlan(deps, ctx, stored.planId).catch(() => {
    throw new AppError({ code: 'not_found', message: 'No such commitment among those you can see.' });
  });
  if (viewer.role === 'rep' && stored.ownerId !== viewer.userId) {
    throw new AppError({
      code: 'forbidden',
      message: 'You check off only your own commitments; this one is your leader’s.',
    });
  }
  const now = deps.now();
  const updated = await deps.db.transaction(async (tx) => {
    const row = await setCommitmentDone(tx, {
      orgId: ctx.org.id,
      id: stored.id,
      done: input.done,
      by: viewer.userId,
      now,
    });
    if (!row) throw new AppError({ code: 'not_found', message: 'No such commitment among those you can see.' });
    if ((stored.doneAt !== null) !== input.done) {
      await recordAudit(tx, ctx, {
        action: input.done ? 'commitment_checked_off' : 'commitment_reopened',
        subjectId: plan.repId,
        at: now,
        summary: `${input.done ? 'Checked off' : 'Reopened'}: ${stored.text}`,
        details: { planId: plan.id, commitmentId: stored.id, text: stored.text },
      });
    }
    return row;
  });
  return {
    id: updated.id,
    planId: updated.planId,
    sessionId: updated.sessionId,
    text: updated.text,
    owner: updated.owner,
    ownerId: updated.ownerId,
    ownerName: ctx.nameOf(updated.ownerId) ?? '',
    dueOn: updated.dueOn,
    doneAt: updated.doneAt?.toISOString() ?? null,
    doneBy: updated.doneBy,
    createdAt: updated.createdAt.toISOString(),
  };
}
