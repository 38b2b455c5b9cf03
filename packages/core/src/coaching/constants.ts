/** The consequence ladder, lowest step first: coach and develop → role outside sales → remove and replace. */
export const LADDER_STEPS = ['coach', 'role_outside_sales', 'replace'] as const;
export type LadderStep = (typeof LADDER_STEPS)[number];

export const COACHING_PLAN_STATUSES = ['active', 'closed'] as const;
export type CoachingPlanStatus = (typeof COACHING_PLAN_STATUSES)[number];

export const COACHING_OUTCOMES = ['improved', 'extended', 'escalated', 'closed'] as const;
export type CoachingOutcome = (typeof COACHING_OUTCOMES)[number];

export const COMMITMENT_OWNERS = ['rep', 'leader'] as const;
export type CommitmentOwner = (typeof COMMITMENT_OWNERS)[number];

export const LADDER_REQUIREMENT_CODES = [
  'step_order',
  'plan_length',
  'sessions_held',
  'cadence_shortened',
  'reason',
] as const;
export type LadderRequirementCode = (typeof LADDER_REQUIREMENT_CODES)[number];

export const AUDIT_ACTIONS = [
  'plan_started',
  'plan_closed',
  'session_held',
  'commitment_added',
  'commitment_checked_off',
  'commitment_reopened',
  'ladder_step_taken',
  'export_pdf',
  'export_csv',
  // People management (docs/identity/people.md).
  'invitation_sent',
  'invitation_revoked',
  'invitation_accepted',
  'user_changed',
  'user_deactivated',
  'user_reactivated',
  'team_created',
  'team_changed',
  'membership_changed',
  // Sign-in security (docs/identity/sessions.md).
  'sign_in_succeeded',
  'sign_in_failed',
  'sign_in_rate_limited',
  'login_session_ended',
  'signed_out_everywhere',
  'password_reset_requested',
  'password_reset_completed',
  'password_changed',
  'sso_sign_in',
  'sso_sign_in_failed',
  'sso_settings_changed',
  'api_token_created',
  'api_token_revoked',
  // Org-wide entries (packages/services/src/audit): imports, expectations, reporting settings.
  'import_started',
  'import_finished',
  'import_failed',
  'expectation_created',
  'expectation_updated',
  'expectation_ended',
  'expectation_template_adopted',
  'reporting_settings_changed',
  'reporting_cadence_changed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
