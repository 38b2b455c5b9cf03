import {
  AppError,
  RIGHTS,
  type CoachingPlan,
  type CreateCoachingPlanBody,
  type FieldIssue,
  type Right,
  type Viewer,
} from '@rightly/core';
import { insertCoachingPlan, listCoachingPlans } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { assessTeam } from '../assessment/assess-team';
import { loadCoachingContext, recordAudit, requireCoach, requireVisibleRep } from './coaching-context';
import { getCoachingPlan } from './get-coaching-plan';

/**
 * A leader starts a coaching plan for a rep. From the "Who needs help" list (`fromNeedsHelp`),
 * the focus is the rights off track (else at risk) and the evidence is the list's sentences for
 * the rep this week, copied so the plan keeps what it started from. One active plan per rep.
 */
export async function createCoachingPlan(
  deps: ServiceDeps,
  input: { viewer: Viewer; plan: CreateCoachingPlanBody },
): Promise<CoachingPlan> {
  const { viewer, plan: body } = input;
  const ctx = await loadCoachingContext(deps, viewer);
  const rep = requireVisibleRep(ctx, body.repId);
  requireCoach(ctx, 'starts a coaching plan');
  const issues: FieldIssue[] = [];
  const startedOn = body.startedOn ?? ctx.today;
  if (startedOn > ctx.today) issues.push({ field: 'startedOn', message: 'must not be after today' });
  if (body.reviewOn <= startedOn) issues.push({ field: 'reviewOn', message: `must be after the start (${startedOn})` });

  let focus: Right[] = body.focus ? RIGHTS.filter((r) => body.focus?.includes(r)) : [];
  let evidence: string[] = [];
  if (body.fromNeedsHelp) {
    const matrix = await assessTeam(deps, { viewer });
    const entry = matrix.needsHelp.find((e) => e.repId === rep.id);
    if (!entry) {
      issues.push({ field: 'fromNeedsHelp', message: `${rep.name} is not on this week's "Who needs help" list` });
    } else {
      if (focus.length === 0) focus = entry.offTrack.length > 0 ? [...entry.offTrack] : [...entry.atRisk];
      evidence = [...entry.evidence];
    }
  }
  if (focus.length === 0 && !issues.some((i) => i.field === 'fromNeedsHelp')) {
    issues.push({ field: 'focus', message: 'choose at least one right to work on (thing, way or time)' });
  }
  const expectations = new Map(ctx.expectations.map((e) => [e.id, e]));
  const goals = (body.goals ?? []).map((g, i) => {
    const expectation = g.expectationId ? expectations.get(g.expectationId) : null;
    if (g.expectationId && !expectation)
      issues.push({ field: `goals.${i}.expectationId`, message: 'no such expectation' });
    return { expectationId: expectation?.id ?? null, expectationName: expectation?.name ?? null, text: g.text };
  });
  if (issues.length > 0) {
    throw new AppError({
      code: 'validation_failed',
      message: `The coaching plan cannot start: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}.`,
      issues,
    });
  }
  const active = await listCoachingPlans(deps.db, { orgId: ctx.org.id, repIds: [rep.id], status: 'active' });
  if (active.length > 0) {
    throw new AppError({
      code: 'conflict',
      message: `${rep.name} already has an active coaching plan (review on ${active[0]?.reviewOn}); close it first.`,
    });
  }
  const now = deps.now();
  const stored = await deps.db.transaction(async (tx) => {
    const created = await insertCoachingPlan(tx, {
      orgId: ctx.org.id,
      repId: rep.id,
      leaderId: viewer.userId,
      focus,
      evidence,
      goals,
      startedOn,
      reviewOn: body.reviewOn,
      createdAt: now,
    });
    await recordAudit(tx, ctx, {
      action: 'plan_started',
      subjectId: rep.id,
      at: now,
      summary: `Coaching plan started for ${rep.name}, focus ${focus.join(', ')}, review on ${body.reviewOn}`,
      details: {
        planId: created.id,
        focus,
        startedOn,
        reviewOn: body.reviewOn,
        fromNeedsHelp: body.fromNeedsHelp ?? false,
      },
    });
    return created;
  });
  return getCoachingPlan(deps, { viewer, id: stored.id });
}
