import type { AuditEntry } from '@rightly/core';

type AuditAction = AuditEntry['action'];

/**
 * Names of the actions in the audit log; the type makes every action the server knows need one.
 * An action unknown to this build (a newer server) is still shown, as its name in words.
 */
const LABELS: Record<AuditAction, string> = {
  plan_started: 'Coaching plan started',
  plan_closed: 'Coaching plan closed',
  session_held: '1:1 session held',
  commitment_added: 'Commitment added',
  commitment_checked_off: 'Commitment checked off',
  commitment_reopened: 'Commitment reopened',
  ladder_step_taken: 'Ladder step taken',
  export_pdf: 'Plan exported as PDF',
  export_csv: 'Exported as CSV',
  import_started: 'Import started',
  import_finished: 'Import finished',
  import_failed: 'Import failed',
  expectation_created: 'Expectation created',
  expectation_updated: 'Expectation changed',
  expectation_ended: 'Expectation ended',
  expectation_template_adopted: 'Playbook template adopted',
  reporting_settings_changed: 'Reporting settings changed',
  reporting_cadence_changed: 'Reporting cadence changed',
  invitation_sent: 'Invitation sent',
  invitation_revoked: 'Invitation revoked',
  invitation_accepted: 'Invitation accepted',
  user_changed: 'User changed',
  user_deactivated: 'User deactivated',
  user_reactivated: 'User reactivated',
  team_created: 'Team created',
  team_changed: 'Team changed',
  membership_changed: 'Team membership changed',
  sign_in_succeeded: 'Signed in',
  sign_in_failed: 'Sign-in failed',
  sign_in_rate_limited: 'Sign-in refused: too many failed attempts',
  login_session_ended: 'Session ended',
  signed_out_everywhere: 'Signed out everywhere',
  password_reset_requested: 'Password reset requested',
  password_reset_completed: 'Password reset',
  password_changed: 'Password changed',
  sso_sign_in: 'Signed in with SSO',
  sso_sign_in_failed: 'SSO sign-in refused',
  sso_settings_changed: 'SSO settings changed',
  api_token_created: 'API token created',
  api_token_revoked: 'API token revoked',
};

export function auditActionLabel(action: AuditAction): string {
  const label = (LABELS as Partial<Record<string, string>>)[action];
  if (label) return label;
  const words = action.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
