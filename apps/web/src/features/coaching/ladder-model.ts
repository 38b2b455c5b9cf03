/** The consequence ladder: what a step still requires, and its audit trail. */
import type { AuditEntry, LadderResponse } from './coaching-api';

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
