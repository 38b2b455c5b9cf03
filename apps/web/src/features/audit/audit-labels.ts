import type { AuditEntry } from '@rightly/core';

type AuditAction = AuditEntry['action'];

/**
 * Names of the actions in the audit log. An action without a label here (one added on the server
 * later) is still shown, as its name in words, so a new action never breaks the page.
 */
const LABELS: Partial<Record<AuditAction, string>> = {
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
};

export function auditActionLabel(action: AuditAction): string {
  const label = LABELS[action];
  if (label) return label;
  const words = action.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
