import {
  addDays,
  formatValue,
  type AssessmentStatus,
  type CoachingOutcome,
  type CommitmentOwner,
  type LadderStep,
  type MetricUnit,
  type Right,
} from '@rightly/core';
import { formatDate, formatShortDate } from '../../lib/format/format';
import type {
  AuditEntry,
  CoachingPlan,
  CoachingPlanSummary,
  CoachingSession,
  Commitment,
  LadderResponse,
  PlanEffectMetric,
  TeamHealth,
} from './coaching-api';

/* ------------------------------------------------------------------ labels */

export const LADDER_STEP_LABELS: Record<LadderStep, string> = {
  coach: 'Coach and develop',
  role_outside_sales: 'Role outside sales',
  replace: 'Remove and replace',
};

export const OUTCOME_LABELS: Record<CoachingOutcome, string> = {
  improved: 'Improved',
  extended: 'Extended',
  escalated: 'Escalated',
  closed: 'Closed',
};

export const OUTCOME_DESCRIPTIONS: Record<CoachingOutcome, string> = {
  improved: 'The rights in focus are back on track',
  extended: 'Progress, but not there yet: a new plan follows',
  escalated: 'Coaching did not turn it: the next ladder step is considered',
  closed: 'Ended for another reason (a move, a leave)',
};

export const OUTCOME_COLORS: Record<CoachingOutcome, string> = {
  improved: 'teal',
  extended: 'blue',
  escalated: 'orange',
  closed: 'gray',
};

/** The names of audit actions live with the audit log (features/audit); coaching shows the same. */
export { auditActionLabel } from '../audit/audit-labels';

/* ------------------------------------------------------------------ numbers */

/** One decimal at most, without a trailing `.0`: 1.25 → `1.3`, 2 → `2`. */
function oneDecimal(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/** A change with its sign, as a reader says it: `+1.2`, `−0.3`, `±0`; points for percentages. */
export function formatChange(value: number, unit: MetricUnit, currency = 'USD'): string {
  const rounded = Math.round(value * 10) / 10;
  if (rounded === 0) return unit === 'percent' ? '±0 points' : '±0';
  const sign = rounded > 0 ? '+' : '−';
  const magnitude = Math.abs(rounded);
  switch (unit) {
    case 'percent':
      return `${sign}${oneDecimal(magnitude)} ${magnitude === 1 ? 'point' : 'points'}`;
    case 'currency':
      return `${sign}${formatValue(magnitude, 'currency', currency)}`;
    case 'days':
      return `${sign}${oneDecimal(magnitude)} ${magnitude === 1 ? 'day' : 'days'}`;
    case 'count':
      return `${sign}${oneDecimal(magnitude)}`;
  }
}

/** `First meetings` → `first meetings`, but `CRM hygiene` stays as it is. */
export function inSentence(name: string): string {
  const [first = '', second = ''] = name;
  if (second && second === second.toUpperCase() && second !== second.toLowerCase()) return name;
  return first.toLowerCase() + name.slice(1);
}

/**
 * The plain sentence under a plan's chart: how the rep's weekly figure moved since the plan started,
 * against the team over the same weeks, and the difference between the two (the effect).
 * e.g. `first meetings +1.2 a week against the team's +0.3: +0.9 beyond the team`.
 */
export function effectSentence(
  metric: Pick<PlanEffectMetric, 'name' | 'unit' | 'repChange' | 'teamChange' | 'effect'>,
  currency = 'USD',
): string {
  const name = inSentence(metric.name);
  const perWeek = metric.unit === 'count' || metric.unit === 'currency' ? ' a week' : '';
  const change = (value: number) => formatChange(value, metric.unit, currency);
  if (metric.repChange === null) {
    return `${name}: not enough weeks before and since the start to measure a change yet`;
  }
  if (metric.teamChange === null || metric.effect === null) {
    return `${name} ${change(metric.repChange)}${perWeek}; no team figures for the same weeks to compare with`;
  }
  const lead = `${name} ${change(metric.repChange)}${perWeek} against the team’s ${change(metric.teamChange)}`;
  const rounded = Math.round(metric.effect * 10) / 10;
  if (rounded === 0) return `${lead}: in step with the team`;
  if (rounded > 0) return `${lead}: ${change(metric.effect)} beyond the team`;
  return `${lead}: ${change(-metric.effect).replace(/^\+/, '')} behind the team`;
}

export interface EffectPoint {
  label: string;
  weekStart: string;
  rep: number | null;
  team: number | null;
}

/** The chart rows, oldest week first, with the label of the week the plan started in. */
export function effectChartData(
  metric: Pick<PlanEffectMetric, 'weekly'>,
  planStart: string,
): { points: EffectPoint[]; startLabel: string | null; measured: boolean } {
  const weekly = [...metric.weekly].sort((a, b) => a.weekStart.localeCompare(b.weekStart));
  const points = weekly.map((week) => ({
    label: formatShortDate(week.weekStart),
    weekStart: week.weekStart,
    rep: week.rep,
    team: week.team,
  }));
  const startWeek = points.filter((point) => point.weekStart <= planStart).at(-1) ?? points[0];
  return {
    points,
    startLabel: startWeek ? startWeek.label : null,
    measured: points.some((point) => point.rep !== null || point.team !== null),
  };
}

/* ------------------------------------------------------------------ plans */

export interface GroupedPlans {
  /** The rep's one active plan (the newest, should the server ever hold two). */
  active: CoachingPlanSummary | null;
  /** Closed plans, the most recently closed first. */
  closed: CoachingPlanSummary[];
}

export function groupPlans(plans: readonly CoachingPlanSummary[]): GroupedPlans {
  const active =
    plans
      .filter((plan) => plan.status === 'active')
      .sort((a, b) => b.startedOn.localeCompare(a.startedOn) || b.createdAt.localeCompare(a.createdAt))[0] ?? null;
  const closed = plans
    .filter((plan) => plan.status === 'closed')
    .sort((a, b) => (b.closedAt ?? b.createdAt).localeCompare(a.closedAt ?? a.createdAt));
  return { active, closed };
}

export interface SessionWithCommitments {
  session: CoachingSession;
  commitments: Commitment[];
}

/**
 * Sessions newest first, each with the commitments agreed in it; commitments added outside a
 * session come separately. Commitments read open first, then by due date.
 */
export function groupSessions(plan: Pick<CoachingPlan, 'sessions' | 'commitments'>): {
  sessions: SessionWithCommitments[];
  unattached: Commitment[];
} {
  const order = (a: Commitment, b: Commitment) =>
    Number(a.doneAt !== null) - Number(b.doneAt !== null) || a.dueOn.localeCompare(b.dueOn);
  const ids = new Set(plan.sessions.map((session) => session.id));
  const sessions = [...plan.sessions]
    .sort((a, b) => b.heldOn.localeCompare(a.heldOn) || b.createdAt.localeCompare(a.createdAt))
    .map((session) => ({
      session,
      commitments: plan.commitments.filter((commitment) => commitment.sessionId === session.id).sort(order),
    }));
  const unattached = plan.commitments
    .filter((commitment) => commitment.sessionId === null || !ids.has(commitment.sessionId))
    .sort(order);
  return { sessions, unattached };
}

/** `Due Dec 3, 2026`, `Overdue since Dec 3, 2026`, `Done`; `today` is the org's calendar day. */
export function commitmentDueText(commitment: Pick<Commitment, 'dueOn' | 'doneAt'>, today: string): string {
  if (commitment.doneAt !== null) return `Done · was due ${formatDate(commitment.dueOn)}`;
  if (commitment.dueOn < today) return `Overdue since ${formatDate(commitment.dueOn)}`;
  if (commitment.dueOn === today) return 'Due today';
  return `Due ${formatDate(commitment.dueOn)}`;
}

/** The owner ticks their own item; leaders and admins may tick any on a plan they can see. */
export function canTickCommitment(
  commitment: Pick<Commitment, 'ownerId'>,
  me: { id: string; role: 'admin' | 'leader' | 'rep' },
  planActive: boolean,
): boolean {
  if (!planActive) return false;
  return commitment.ownerId === me.id || me.role !== 'rep';
}

export interface OverviewRow {
  plan: CoachingPlanSummary;
  reviewText: string;
  overdue: boolean;
}

/** Active plans for the overview: overdue reviews first, then the nearest review date. */
export function overviewRows(plans: readonly CoachingPlanSummary[], today: string): OverviewRow[] {
  return plans
    .filter((plan) => plan.status === 'active')
    .map((plan) => {
      const overdue = plan.reviewDue || plan.reviewOn < today;
      return {
        plan,
        overdue,
        reviewText: overdue
          ? `Review overdue since ${formatDate(plan.reviewOn)}`
          : `Review ${formatDate(plan.reviewOn)}`,
      };
    })
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        a.plan.reviewOn.localeCompare(b.plan.reviewOn) ||
        a.plan.repName.localeCompare(b.plan.repName),
    );
}

/* ------------------------------------------------------------------ starting a plan */

/** Six weeks: long enough for a change to show in weekly figures, short enough to stay urgent. */
export const DEFAULT_PLAN_WEEKS = 6;

export function defaultReviewOn(today: string): string {
  return addDays(today, DEFAULT_PLAN_WEEKS * 7);
}

type RightStatuses = Record<Right, { status: AssessmentStatus }>;

/** The rights off track, else those at risk: what a plan should focus on. */
export function focusFromRights(rights: RightStatuses): Right[] {
  const order: Right[] = ['thing', 'way', 'time'];
  const off = order.filter((right) => rights[right].status === 'off_track');
  if (off.length > 0) return off;
  return order.filter((right) => rights[right].status === 'at_risk');
}

export interface GoalDraft {
  key: number;
  expectationId: string | null;
  text: string;
}

export interface PlanDraft {
  focus: Right[];
  reviewOn: string;
  goals: GoalDraft[];
}

interface ExpectationForGoal {
  expectationId: string;
  expectationName: string;
  target: number;
  metric: { unit: MetricUnit; name: string };
  rights: RightStatuses;
}

/** A goal per expectation that is behind on a right in focus, worded as the target to reach. */
export function goalsFromAssessments(
  assessments: readonly ExpectationForGoal[],
  focus: readonly Right[],
  currency = 'USD',
): GoalDraft[] {
  const seen = new Set<string>();
  const goals: GoalDraft[] = [];
  for (const assessment of assessments) {
    if (seen.has(assessment.expectationId)) continue;
    const behind = focus.some((right) => {
      const status = assessment.rights[right].status;
      return status === 'off_track' || status === 'at_risk';
    });
    if (!behind) continue;
    seen.add(assessment.expectationId);
    goals.push({
      key: goals.length + 1,
      expectationId: assessment.expectationId,
      text: `Reach ${formatValue(assessment.target, assessment.metric.unit, currency)} on ${inSentence(assessment.metric.name)} (${assessment.expectationName})`,
    });
  }
  return goals;
}

export function validatePlanDraft(
  draft: PlanDraft,
  today: string,
): Partial<Record<'focus' | 'reviewOn' | 'goals', string>> {
  const errors: Partial<Record<'focus' | 'reviewOn' | 'goals', string>> = {};
  if (draft.focus.length === 0) errors.focus = 'Choose at least one right to work on.';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.reviewOn)) errors.reviewOn = 'Choose the day to review the plan.';
  else if (draft.reviewOn <= today) errors.reviewOn = 'The review is after today.';
  if (draft.goals.some((goal) => goal.text.trim() === '')) errors.goals = 'Write each goal, or remove the empty row.';
  return errors;
}

/* ------------------------------------------------------------------ sessions */

export interface CommitmentDraft {
  key: number;
  text: string;
  owner: CommitmentOwner;
  dueOn: string;
}

export interface SessionDraft {
  heldOn: string;
  notes: string;
  privateToLeaders: boolean;
  commitments: CommitmentDraft[];
}

export function emptySessionDraft(today: string): SessionDraft {
  return { heldOn: today, notes: '', privateToLeaders: false, commitments: [] };
}

export type SessionErrors = Partial<Record<'heldOn' | 'notes', string>> & {
  commitments?: Record<number, Partial<Record<'text' | 'dueOn', string>>>;
};

export function validateSessionDraft(draft: SessionDraft, today: string): SessionErrors {
  const errors: SessionErrors = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.heldOn)) errors.heldOn = 'Choose the day of the session.';
  else if (draft.heldOn > today) errors.heldOn = 'A session is recorded once it was held: not in the future.';
  if (draft.notes.trim() === '' && draft.commitments.length === 0) {
    errors.notes = 'Write what was discussed, or agree at least one commitment.';
  }
  const rows: Record<number, Partial<Record<'text' | 'dueOn', string>>> = {};
  for (const commitment of draft.commitments) {
    const row: Partial<Record<'text' | 'dueOn', string>> = {};
    if (commitment.text.trim() === '') row.text = 'Say what will be done.';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(commitment.dueOn)) row.dueOn = 'Choose a due date.';
    else if (commitment.dueOn < draft.heldOn) row.dueOn = 'Due on or after the session.';
    if (Object.keys(row).length > 0) rows[commitment.key] = row;
  }
  if (Object.keys(rows).length > 0) errors.commitments = rows;
  return errors;
}

export function hasErrors(errors: object): boolean {
  return Object.keys(errors).length > 0;
}

/* ------------------------------------------------------------------ ladder */

export interface RequirementItem {
  code: LadderResponse['requirements'][number]['code'];
  met: boolean;
  text: string;
}

/**
 * The checklist for the next step: the server's requirements, and the written reason judged from
 * what the leader has typed so far (the server checks it again when the step is requested).
 */
export function requirementList(
  ladder: Pick<LadderResponse, 'requirements' | 'rules' | 'next'>,
  reasonDraft: string,
): RequirementItem[] {
  if (ladder.next === null) return [];
  const reasonMet = reasonDraft.trim().length >= Math.max(1, ladder.rules.minReasonLength);
  const reasonText = `A written reason of at least ${ladder.rules.minReasonLength} characters`;
  const items: RequirementItem[] = ladder.requirements.map((requirement) =>
    requirement.code === 'reason' ? { ...requirement, met: reasonMet } : { ...requirement },
  );
  if (!items.some((item) => item.code === 'reason')) items.push({ code: 'reason', met: reasonMet, text: reasonText });
  return items;
}

/** The audit entries of the rep's ladder steps and plan outcomes, newest first. */
export function ladderAuditEntries(entries: readonly AuditEntry[]): AuditEntry[] {
  return entries
    .filter((entry) => entry.action === 'ladder_step_taken' || entry.action === 'plan_closed')
    .sort((a, b) => b.at.localeCompare(a.at));
}

/** The one-line summary the server wrote, when there is one. */
export function auditSummary(entry: AuditEntry): string | null {
  const summary = entry.details.summary;
  return typeof summary === 'string' && summary.trim() !== '' ? summary : null;
}

/* ------------------------------------------------------------------ health */

export function formatShare(value: number | null): string {
  if (value === null) return '—';
  return `${Math.round(value * 100)}%`;
}

export interface HealthFigure {
  key: string;
  label: string;
  value: string;
  hint: string;
  /** `warn` draws attention; nothing here is ever red on its own. */
  tone: 'good' | 'neutral' | 'warn';
}

/** Above this, escalations are no longer rare: one rep in ten in a year. */
export const ESCALATION_RATE_WARNING = 0.1;

export function healthFigures(health: TeamHealth): HealthFigure[] {
  const share = (value: number | null, goodAt: number): HealthFigure['tone'] =>
    value === null ? 'neutral' : value >= goodAt ? 'good' : 'warn';
  return [
    {
      key: 'owner-target-date',
      label: 'Expectations with an owner, a target and a date',
      value: formatShare(health.expectationsWithOwnerTargetDate),
      hint:
        health.expectationsWithOwnerTargetDate === null
          ? 'No active expectation to count'
          : `of ${health.expectationsCount} active ${health.expectationsCount === 1 ? 'expectation' : 'expectations'}`,
      tone: share(health.expectationsWithOwnerTargetDate, 0.9),
    },
    {
      key: 'outcome-share',
      label: 'Outcome metrics',
      value: formatShare(health.outcomeMetricShare),
      hint:
        health.outcomeMetricShare === null
          ? 'No active expectation to count'
          : `outcome · ${formatShare(1 - health.outcomeMetricShare)} activity`,
      tone: 'neutral',
    },
    {
      key: 'self-reports',
      label: 'Self-reports on time',
      value: formatShare(health.selfReportsOnTime),
      hint: health.selfReportsOnTime === null ? 'No self-report was due' : 'of the reports due',
      tone: share(health.selfReportsOnTime, 0.8),
    },
    {
      key: 'plans',
      label: 'Coaching plans active',
      value: String(health.activePlans),
      hint: `for ${health.repsInScope} ${health.repsInScope === 1 ? 'rep' : 'reps'}`,
      tone: 'neutral',
    },
    {
      key: 'escalations',
      label: 'Escalations, last 12 months',
      value: String(health.escalationsLast12Months),
      hint:
        health.escalationRate === null
          ? 'Should stay rare'
          : `${formatShare(health.escalationRate)} of reps · should stay rare`,
      tone:
        health.escalationRate !== null && health.escalationRate > ESCALATION_RATE_WARNING
          ? 'warn'
          : health.escalationsLast12Months === 0
            ? 'good'
            : 'neutral',
    },
  ];
}

export interface HealthTrendPoint {
  label: string;
  results: number | null;
  thing: number | null;
  way: number | null;
  time: number | null;
}

/** The 13 periods as percentages (0–100) for the chart, oldest first. */
export function healthTrendData(trend: TeamHealth['trend']): HealthTrendPoint[] {
  const percent = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);
  return [...trend]
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((entry) => ({
      label: formatShortDate(entry.start),
      results: percent(entry.results),
      thing: percent(entry.onTrack.thing),
      way: percent(entry.onTrack.way),
      time: percent(entry.onTrack.time),
    }));
}
