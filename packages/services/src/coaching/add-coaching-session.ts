import {
  addDays,
  AppError,
  buildAgenda,
  RIGHTS,
  type AddSessionBody,
  type CoachingPlan,
  type FieldIssue,
  type NewCommitment,
  type Viewer,
} from '@rightly/core';
import {
  insertCoachingCommitments,
  insertCoachingSession,
  listCoachingCommitments,
  listSelfReports,
  type StoredPlan,
} from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { getRepAssessment } from '../assessment/get-rep-assessment';
import {
  loadCoachingContext,
  recordAudit,
  requireActive,
  requireCoach,
  requireVisiblePlan,
  type CoachingContext,
} from './coaching-context';
import { getCoachingPlan } from './get-coaching-plan';

/** Self-report comments this far back open the agenda. */
const COMMENT_DAYS = 28;

/**
 * A leader records a 1:1 session of an active plan: its date, notes (optionally private to
 * leaders) and the commitments agreed. The session opens with an agenda filled in from the rep's
 * latest evidence for the rights in focus, the plan's open commitments and recent self-report
 * comments, kept with the session as it was that day.
 */
export async function addCoachingSession(
  deps: ServiceDeps,
  input: { viewer: Viewer; planId: string; session: AddSessionBody },
): Promise<CoachingPlan> {
  const { viewer } = input;
  const body = { notes: '', privateToLeaders: false, commitments: [], ...input.session };
  const ctx = await loadCoachingContext(deps, viewer);
  const plan = await requireVisiblePlan(deps, ctx, input.planId);
  requireCoach(ctx, 'records a coaching session');
  requireActive(plan);
  const issues: FieldIssue[] = [];
  if (body.heldOn > ctx.today) issues.push({ field: 'heldOn', message: 'must not be after today' });
  if (body.heldOn < plan.startedOn)
    issues.push({ field: 'heldOn', message: `must not be before the plan started (${plan.startedOn})` });
  issues.push(...commitmentIssues(body.commitments, ctx.today, 'commitments.'));
  if (issues.length > 0) {
    throw new AppError({
      code: 'validation_failed',
      message: `The session cannot be recorded: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}.`,
      issues,
    });
  }
  const agenda = await sessionAgenda(deps, ctx, plan);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const session = await insertCoachingSession(tx, {
      orgId: ctx.org.id,
      planId: plan.id,
      heldOn: body.heldOn,
      notes: body.notes,
      privateToLeaders: body.privateToLeaders,
      agenda,
      createdBy: viewer.userId,
      createdAt: now,
    });
    await recordAudit(tx, ctx, {
      action: 'session_held',
      subjectId: plan.repId,
      at: now,
      summary: `Coaching session held on ${body.heldOn}${body.privateToLeaders ? ' (notes private to leaders)' : ''}`,
      details: { planId: plan.id, sessionId: session.id, heldOn: body.heldOn, privateToLeaders: body.privateToLeaders },
    });
    await addCommitments(tx, ctx, plan, body.commitments, session.id, now);
  });
  return getCoachingPlan(deps, { viewer, id: plan.id });
}

export function commitmentIssues(list: readonly NewCommitment[], today: string, prefix: string): FieldIssue[] {
  return list.flatMap((c, i) =>
    c.dueOn < today ? [{ field: `${prefix}${i}.dueOn`, message: 'must not be before today' }] : [],
  );
}

/** Stores commitments with their owners (the rep, or the leader recording them) and audits each. */
export async function addCommitments(
  db: Parameters<typeof insertCoachingCommitments>[0],
  ctx: CoachingContext,
  plan: StoredPlan,
  list: readonly NewCommitment[],
  sessionId: string | null,
  now: Date,
): Promise<void> {
  const stored = await insertCoachingCommitments(db, {
    orgId: ctx.org.id,
    commitments: list.map((c) => ({
      planId: plan.id,
      sessionId,
      text: c.text,
      owner: c.owner,
      ownerId: c.owner === 'rep' ? plan.repId : ctx.viewer.userId,
      dueOn: c.dueOn,
      createdAt: now,
    })),
  });
  for (const c of stored) {
    await recordAudit(db, ctx, {
      action: 'commitment_added',
      subjectId: plan.repId,
      at: now,
      summary: `Commitment for ${ctx.nameOf(c.ownerId) ?? 'someone'}, due ${c.dueOn}: ${c.text}`,
      details: { planId: plan.id, commitmentId: c.id, owner: c.owner, dueOn: c.dueOn, text: c.text },
    });
  }
}

async function sessionAgenda(deps: ServiceDeps, ctx: CoachingContext, plan: StoredPlan): Promise<string[]> {
  const [assessment, open, reports] = await Promise.all([
    getRepAssessment(deps, { viewer: ctx.viewer, repId: plan.repId, periods: 1 }),
    listCoachingCommitments(deps.db, { orgId: ctx.org.id, planIds: [plan.id], openOnly: true }),
    listSelfReports(deps.db, {
      orgId: ctx.org.id,
      repIds: [plan.repId],
      from: addDays(ctx.today, -COMMENT_DAYS),
      to: ctx.today,
    }),
  ]);
  // The focus first, then the other rights if they need attention too.
  const order = [...plan.focus, ...RIGHTS.filter((r) => !plan.focus.includes(r))];
  const latest = order.flatMap((r) => {
    const cell = assessment.rights[r];
    const matters = plan.focus.includes(r) || cell.status === 'off_track' || cell.status === 'at_risk';
    return matters && cell.status !== 'no_data' ? cell.sentences : [];
  });
  const names = new Map(ctx.expectations.map((e) => [e.id, e.name]));
  return buildAgenda({
    today: ctx.today,
    evidence: latest.length > 0 ? latest : plan.evidence,
    openCommitments: open.map((c) => ({ text: c.text, ownerName: ctx.nameOf(c.ownerId) ?? '', dueOn: c.dueOn })),
    comments: reports
      .filter((r) => r.comment.trim() !== '')
      .sort((a, b) => b.windowStart.localeCompare(a.windowStart))
      .map((r) => ({
        expectationName: names.get(r.expectationId) ?? 'an expectation',
        windowStart: r.windowStart,
        comment: r.comment,
      })),
    goals: plan.goals.map((g) => g.text),
  });
}
