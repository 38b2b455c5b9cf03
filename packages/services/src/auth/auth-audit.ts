import { firstLineSummary, type AuditAction } from '@rightly/core';
import { withOrgScope, type Database } from '@rightly/db';
import { recordOrgAudit } from '../audit/record-audit';

/**
 * Appends a sign-in security entry. Never give it a password or a token: `details` is shown to
 * admins. Free text (an e-mail someone typed, a user agent) goes through `safeText` first.
 * The entry is org-wide (no `subject_id`): the per-rep audit view is about coaching, and a
 * leader has no business reading a rep's sign-ins there. The user concerned is `details.userId`.
 */
export async function recordAuthAudit(
  db: Database,
  entry: {
    orgId: string;
    at: Date;
    action: AuditAction;
    actorId: string | null;
    /** The user the entry is about. */
    userId: string;
    summary: string;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  const { userId, details, ...rest } = entry;
  // Sign-in failures are written before any org scope is set for the request (row-level security).
  await withOrgScope({ orgId: entry.orgId }, () =>
    recordOrgAudit(db, { ...rest, subjectId: null, details: { ...details, userId } }),
  );
}

/** One line, no control characters, at most `max` characters: safe to show in a log view. */
export function safeText(text: string | undefined | null, max = 120): string | null {
  if (!text) return null;
  return firstLineSummary(text, max);
}
