/** Coaching plans, their sessions and commitments: grouping, defaults, and the checks on a draft. */
import {
  addDays,
  formatValue,
  type AssessmentStatus,
  type CommitmentOwner,
  type MetricUnit,
  type Right,
} from '@rightly/core';
import { formatDate } from '../../lib/format/format';
import type { CoachingPlan, CoachingPlanSummary, CoachingSession, Commitment } from './coaching-api';
import { inSentence } from './effect-model';

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
