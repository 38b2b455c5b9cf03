import { toSingleLine, type AuditAction } from '@rightly/core';
import { appendAudit, type Database } from '@rightly/db';

export interface OrgAuditEntry {
  orgId: string;
  /** Who acted; null for the command line (the operator) or the system. */
  actorId: string | null;
  action: AuditAction;
  /** The rep concerned; null for an org-wide entry. */
  subjectId: string | null;
  /** A one-line description; made a single safe line here whatever it holds. */
  summary: string;
  /** Structured facts (ids, before/after): stored as JSON data, never secrets or tokens. */
  details?: Record<string, unknown>;
  at: Date;
}

/**
 * Appends an org-wide audit entry (imports, expectations, settings). Pass the transaction of the
 * change itself where there is one, so the change and its record commit together or not at all.
 */
export async function recordOrgAudit(db: Database, entry: OrgAuditEntry): Promise<void> {
  await appendAudit(db, {
    orgId: entry.orgId,
    at: entry.at,
    actorId: entry.actorId,
    action: entry.action,
    subjectId: entry.subjectId,
    details: { ...entry.details, summary: toSingleLine(entry.summary, 300) },
  });
}
