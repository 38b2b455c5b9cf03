/** What the coaching screens call outcomes and ladder steps. */
import type { CoachingOutcome, LadderStep } from '@rightly/core';

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
