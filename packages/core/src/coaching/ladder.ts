import { daysBetween, type IsoDate } from '../time/calendar';
import type { LadderRequirementCode, LadderStep } from './constants';
import { LADDER_STEPS } from './constants';

/** How much coaching must be on record before a step up the ladder. Configurable per call. */
export interface LadderRules {
  /** Days from a plan's start to today. */
  minPlanDays: number;
  /** Sessions held (on or before today) in that plan. */
  minSessions: number;
  /** Characters of written reason. */
  minReasonLength: number;
}

export const DEFAULT_LADDER_RULES: LadderRules = { minPlanDays: 42, minSessions: 3, minReasonLength: 20 };

export interface LadderRecord {
  /** Steps taken for the rep, in any order. */
  steps: readonly { step: LadderStep; takenAt: Date | string }[];
  /** The rep's coaching plans with the number of sessions held so far. */
  plans: readonly { startedOn: IsoDate; sessionsHeld: number }[];
  /** Whether a rep-level reporting cadence tighter than the rep's usual one has been in force. */
  shortenedCadenceTried: boolean;
  today: IsoDate;
}

export interface LadderCheck {
  code: LadderRequirementCode;
  met: boolean;
  text: string;
}

const STEP_LABELS: Record<LadderStep, string> = {
  coach: 'coach and develop',
  role_outside_sales: 'a role outside sales',
  replace: 'remove and replace',
};

export function ladderStepLabel(step: LadderStep): string {
  return STEP_LABELS[step];
}

/** The rep's step now: the last one taken, `coach` when none was. */
export function currentLadderStep(steps: LadderRecord['steps']): LadderStep {
  const last = [...steps].sort((a, b) => +new Date(a.takenAt) - +new Date(b.takenAt)).at(-1);
  return last?.step ?? 'coach';
}

/** The step above, or null at the top. */
export function nextLadderStep(step: LadderStep): LadderStep | null {
  return LADDER_STEPS[LADDER_STEPS.indexOf(step) + 1] ?? null;
}

/**
 * What must be on record to take `step` now, each with whether it is. `coach` (back to coaching)
 * needs only a reason. A step up needs the step right below it as the current one, a coaching
 * plan that has run at least `minPlanDays` with at least `minSessions` sessions held, a shortened
 * reporting cadence tried, and a written reason. Pass `reason: null` to list the documentary
 * requirements only (for showing what is missing before anyone writes a reason).
 */
export function ladderRequirements(params: {
  step: LadderStep;
  record: LadderRecord;
  reason: string | null;
  rules?: LadderRules;
}): LadderCheck[] {
  const rules = params.rules ?? DEFAULT_LADDER_RULES;
  const { record, step } = params;
  const checks: LadderCheck[] = [];
  if (step !== 'coach') {
    const index = LADDER_STEPS.indexOf(step);
    const below = LADDER_STEPS[index - 1] as LadderStep;
    const current = currentLadderStep(record.steps);
    checks.push({
      code: 'step_order',
      met: current === below,
      text:
        current === below
          ? `The step below (${STEP_LABELS[below]}) is the rep's current step.`
          : current === step
            ? `The rep is already at this step (${STEP_LABELS[step]}).`
            : `The step below (${STEP_LABELS[below]}) must be on record first; the rep's current step is ${STEP_LABELS[current]}.`,
    });
    const plans = record.plans.map((p) => ({ ...p, days: Math.max(0, daysBetween(p.startedOn, record.today)) }));
    const longest = Math.max(0, ...plans.map((p) => p.days));
    const long = plans.filter((p) => p.days >= rules.minPlanDays);
    checks.push({
      code: 'plan_length',
      met: long.length > 0,
      text:
        plans.length === 0
          ? `A coaching plan running at least ${rules.minPlanDays} days: there is no coaching plan on record.`
          : long.length > 0
            ? `A coaching plan has run at least ${rules.minPlanDays} days.`
            : `A coaching plan running at least ${rules.minPlanDays} days: the longest has run ${longest} ${longest === 1 ? 'day' : 'days'}.`,
    });
    // The sessions must be in a plan long enough, when there is one.
    const sessions = Math.max(0, ...(long.length > 0 ? long : plans).map((p) => p.sessionsHeld));
    checks.push({
      code: 'sessions_held',
      met: sessions >= rules.minSessions && long.length > 0,
      text:
        sessions >= rules.minSessions
          ? long.length > 0
            ? `At least ${rules.minSessions} coaching sessions held in that plan.`
            : `At least ${rules.minSessions} coaching sessions held in a plan of at least ${rules.minPlanDays} days.`
          : `At least ${rules.minSessions} coaching sessions held in the plan: ${sessions} held so far.`,
    });
    checks.push({
      code: 'cadence_shortened',
      met: record.shortenedCadenceTried,
      text: record.shortenedCadenceTried
        ? 'A shortened reporting cadence has been tried.'
        : 'A shortened reporting cadence tried: set a rep cadence tighter than the team’s first.',
    });
  }
  if (params.reason !== null) {
    const length = params.reason.trim().length;
    checks.push({
      code: 'reason',
      met: length >= rules.minReasonLength,
      text:
        length >= rules.minReasonLength
          ? 'A written reason.'
          : length === 0
            ? `A written reason of at least ${rules.minReasonLength} characters: none was given.`
            : `A written reason of at least ${rules.minReasonLength} characters: ${length} given.`,
    });
  }
  return checks;
}
