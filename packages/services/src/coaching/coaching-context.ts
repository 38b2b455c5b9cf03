import { AppError, firstLineSummary, type AuditAction, type CoachingPlanSummary, type Viewer } from '@rightly/core';
import {
  appendAudit,
  findCoachingPlan,
  listCoachingCommitments,
  listCoachingSessions,
  type Database,
  type StoredPlan,
} from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { loadAssessmentContext, type AssessmentContext } from '../assessment/assessment-context';

/** The assessment context plus the viewer: who may see and do what in coaching. */
export interface CoachingContext extends AssessmentContext {
  viewer: Viewer;
  nameOf: (userId: string | null) => string | null;
}

export async function loadCoachingContext(deps: ServiceDeps, viewer: Viewer): Promise<CoachingContext> {
  const ctx = await loadAssessmentContext(deps, viewer);
  const names = new Map(ctx.structure.users.map((u) => [u.id, u.name]));
  return { ...ctx, viewer, nameOf: (id) => (id === null ? null : (names.get(id) ?? null)) };
}

/**
 * A rep's coaching is seen by the rep, the leaders above the rep in the team tree and admins:
 * exactly the viewer's visible reps. Anyone else gets "not found", as for an id that does not exist.
 */
export function requireVisibleRep(ctx: CoachingContext, repId: string): { id: string; name: string } {
  const rep = ctx.visibleReps.find((r) => r.id === repId);
  if (!rep) throw new AppError({ code: 'not_found', message: 'No such rep among those you can see.' });
  return rep;
}

export async function requireVisiblePlan(deps: ServiceDeps, ctx: CoachingContext, planId: string): Promise<StoredPlan> {
  const plan = await findCoachingPlan(deps.db, { orgId: ctx.org.id, id: planId });
  if (!plan || !ctx.visibleReps.some((r) => r.id === plan.repId)) {
    throw new AppError({ code: 'not_found', message: 'No such coaching plan among those you can see.' });
  }
  return plan;
}

/** Leaders above the rep and admins run coaching; a rep only checks off their own commitments. */
export function requireCoach(ctx: CoachingContext, what: string): void {
  if (ctx.viewer.role === 'rep') {
    throw new AppError({ code: 'forbidden', message: `Only a leader of the rep or an admin ${what}.` });
  }
}

export function requireActive(plan: StoredPlan): void {
  if (plan.status !== 'active') {
    throw new AppError({ code: 'conflict', message: 'The coaching plan is closed; start a new plan to go on.' });
  }
}

/**
 * Appends an audit entry. `summary` is one line without control characters (a reason's first
 * line), so no rendering of the log can be tricked into showing a forged line; the full texts
 * go into `details` as written.
 */
export async function recordAudit(
  db: Database,
  ctx: CoachingContext,
  entry: {
    action: AuditAction;
    subjectId: string | null;
    summary: string;
    details?: Record<string, unknown>;
    at: Date;
  },
): Promise<void> {
  await appendAudit(db, {
    orgId: ctx.org.id,
    at: entry.at,
    actorId: ctx.viewer.userId,
    action: entry.action,
    subjectId: entry.subjectId,
    details: { ...entry.details, summary: firstLineSummary(entry.summary) },
  });
}

/** The list view of plans, with session and open-commitment counts. */
export async function summarizePlans(
  deps: ServiceDeps,
  ctx: CoachingContext,
  plans: readonly StoredPlan[],
): Promise<CoachingPlanSummary[]> {
  const ids = plans.map((p) => p.id);
  const [sessions, commitments] = await Promise.all([
    listCoachingSessions(deps.db, { orgId: ctx.org.id, planIds: ids }),
    listCoachingCommitments(deps.db, { orgId: ctx.org.id, planIds: ids, openOnly: true }),
  ]);
  const teams = new Map(ctx.structure.teams.map((t) => [t.id, t.name]));
  return plans.map((p) => {
    const teamId = ctx.teamOf.get(p.repId) ?? null;
    return {
      id: p.id,
      repId: p.repId,
      repName: ctx.nameOf(p.repId) ?? '',
      teamId,
      teamName: teamId ? (teams.get(teamId) ?? null) : null,
      leaderId: p.leaderId,
      leaderName: ctx.nameOf(p.leaderId),
      status: p.status,
      focus: p.focus,
      evidence: p.evidence,
      goals: p.goals,
      startedOn: p.startedOn,
      reviewOn: p.reviewOn,
      outcome: p.outcome,
      outcomeNote: p.outcomeNote,
      sessionsHeld: sessions.filter((s) => s.planId === p.id && s.heldOn <= ctx.today).length,
      openCommitments: commitments.filter((c) => c.planId === p.id).length,
      reviewDue: p.status === 'active' && p.reviewOn <= ctx.today,
      createdAt: p.createdAt.toISOString(),
      closedAt: p.closedAt?.toISOString() ?? null,
    };
  });
}
