import {
  AppError,
  currentLadderStep,
  DEFAULT_LADDER_RULES,
  firstLineSummary,
  ladderRequirements,
  ladderStepLabel,
  nextLadderStep,
  shortenedCadenceTried,
  type LadderResponse,
  type LadderRules,
  type LadderStepBody,
  type Viewer,
} from '@rightly/core';
import { insertLadderStep, listCadences, listCoachingPlans, listCoachingSessions, listLadderSteps } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { FALLBACK_CADENCE, teamChain } from '../reports/reporting-context';
import {
  loadCoachingContext,
  recordAudit,
  requireCoach,
  requireVisibleRep,
  type CoachingContext,
} from './coaching-context';

async function loadRecord(deps: ServiceDeps, ctx: CoachingContext, repId: string) {
  const [steps, plans, cadences] = await Promise.all([
    listLadderSteps(deps.db, { orgId: ctx.org.id, repIds: [repId] }),
    listCoachingPlans(deps.db, { orgId: ctx.org.id, repIds: [repId] }),
    listCadences(deps.db, { orgId: ctx.org.id }),
  ]);
  const sessions = await listCoachingSessions(deps.db, { orgId: ctx.org.id, planIds: plans.map((p) => p.id) });
  return {
    steps,
    plans,
    record: {
      steps,
      plans: plans.map((p) => ({
        startedOn: p.startedOn,
        sessionsHeld: sessions.filter((s) => s.planId === p.id && s.heldOn <= ctx.today).length,
      })),
      shortenedCadenceTried: shortenedCadenceTried({
        settings: cadences,
        repId,
        teamChain: teamChain(ctx, repId),
        fallback: FALLBACK_CADENCE,
        today: ctx.today,
      }),
      today: ctx.today,
    },
  };
}

/**
 * A rep's place on the consequence ladder, the steps on record and what the next step would
 * need. Visible to the rep, the leaders above the rep and admins.
 */
export async function getLadder(
  deps: ServiceDeps,
  input: { viewer: Viewer; repId: string; rules?: LadderRules },
): Promise<LadderResponse> {
  const ctx = await loadCoachingContext(deps, input.viewer);
  return describeLadder(deps, ctx, input.repId, input.rules ?? DEFAULT_LADDER_RULES);
}

async function describeLadder(
  deps: ServiceDeps,
  ctx: CoachingContext,
  repId: string,
  rules: LadderRules,
): Promise<LadderResponse> {
  const rep = requireVisibleRep(ctx, repId);
  const { steps, record } = await loadRecord(deps, ctx, rep.id);
  const current = currentLadderStep(steps);
  const next = nextLadderStep(current);
  return {
    repId: rep.id,
    repName: rep.name,
    current,
    next,
    steps: steps.map((s) => ({
      id: s.id,
      step: s.step,
      reason: s.reason,
      takenAt: s.takenAt.toISOString(),
      takenBy: s.takenBy,
      takenByName: ctx.nameOf(s.takenBy),
      planId: s.planId,
    })),
    requirements: next ? ladderRequirements({ step: next, record, reason: null, rules }) : [],
    rules,
  };
}

/**
 * Takes a step on the ladder. A step up is refused (409) unless the step below is on record, a
 * coaching plan has run long enough with enough sessions held, a shortened reporting cadence was
 * tried and a reason is written; the refusal names every missing requirement. Accepted steps are
 * stored and go into the audit log with who, when and why.
 */
export async function takeLadderStep(
  deps: ServiceDeps,
  input: { viewer: Viewer; repId: string; step: LadderStepBody; rules?: LadderRules },
): Promise<{ step: LadderResponse['steps'][number]; ladder: LadderResponse }> {
  const rules = input.rules ?? DEFAULT_LADDER_RULES;
  const ctx = await loadCoachingContext(deps, input.viewer);
  const rep = requireVisibleRep(ctx, input.repId);
  requireCoach(ctx, 'takes a step on the consequence ladder');
  const reason = input.step.reason ?? '';
  const { record, plans } = await loadRecord(deps, ctx, rep.id);
  const missing = ladderRequirements({ step: input.step.step, record, reason, rules }).filter((c) => !c.met);
  if (missing.length > 0) {
    throw new AppError({
      code: 'conflict',
      message: `“${ladderStepLabel(input.step.step)}” for ${rep.name} needs first: ${missing.map((m) => m.text).join(' ')}`,
      issues: missing.map((m) => ({ field: m.code === 'reason' ? 'reason' : m.code, message: m.text })),
    });
  }
  const now = deps.now();
  const plan = plans[0] ?? null;
  const stored = await deps.db.transaction(async (tx) => {
    const step = await insertLadderStep(tx, {
      orgId: ctx.org.id,
      repId: rep.id,
      step: input.step.step,
      reason,
      planId: plan?.id ?? null,
      takenBy: input.viewer.userId,
      takenAt: now,
    });
    await recordAudit(tx, ctx, {
      action: 'ladder_step_taken',
      subjectId: rep.id,
      at: now,
      summary: `Ladder step “${ladderStepLabel(step.step)}”: ${firstLineSummary(reason)}`,
      details: { step: step.step, stepId: step.id, reason, planId: plan?.id ?? null },
    });
    return step;
  });
  const ladder = await describeLadder(deps, ctx, rep.id, rules);
  const step = ladder.steps.find((s) => s.id === stored.id);
  if (!step) throw new Error('a ladder step could not be read back');
  return { step, ladder };
}
