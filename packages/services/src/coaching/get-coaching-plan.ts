import type { CoachingPlan, Viewer } from '@rightly/core';
import { listCoachingCommitments, listCoachingSessions } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { loadCoachingContext, requireVisiblePlan, summarizePlans } from './coaching-context';
import { computePlanEffect } from './plan-effect';

/**
 * One plan with its sessions, commitments and measured effect. The rep sees their own plan, but
 * not the notes of a session a leader marked private to leaders (`notes: null`).
 */
export async function getCoachingPlan(deps: ServiceDeps, input: { viewer: Viewer; id: string }): Promise<CoachingPlan> {
  const ctx = await loadCoachingContext(deps, input.viewer);
  const plan = await requireVisiblePlan(deps, ctx, input.id);
  const [[summary], sessions, commitments, effect] = await Promise.all([
    summarizePlans(deps, ctx, [plan]),
    listCoachingSessions(deps.db, { orgId: ctx.org.id, planIds: [plan.id] }),
    listCoachingCommitments(deps.db, { orgId: ctx.org.id, planIds: [plan.id] }),
    computePlanEffect(deps, ctx, plan),
  ]);
  if (!summary) throw new Error('a plan could not be summarised');
  const isRep = input.viewer.role === 'rep';
  return {
    ...summary,
    sessions: sessions.map((s) => ({
      id: s.id,
      planId: s.planId,
      heldOn: s.heldOn,
      notes: isRep && s.privateToLeaders ? null : s.notes,
      privateToLeaders: s.privateToLeaders,
      agenda: s.agenda,
      createdBy: s.createdBy,
      createdByName: ctx.nameOf(s.createdBy),
      createdAt: s.createdAt.toISOString(),
    })),
    commitments: commitments.map((c) => ({
      id: c.id,
      planId: c.planId,
      sessionId: c.sessionId,
      text: c.text,
      owner: c.owner,
      ownerId: c.ownerId,
      ownerName: ctx.nameOf(c.ownerId) ?? '',
      dueOn: c.dueOn,
      doneAt: c.doneAt?.toISOString() ?? null,
      doneBy: c.doneBy,
      createdAt: c.createdAt.toISOString(),
    })),
    effect,
  };
}
