import { firstLineSummary, type AuditAction } from '@rightly/core';
import { appendAudit, type Database } from '@rightly/db';

/**
 * Appends a sign-in security entry. Never give it a password or a token: `details` is shown to
 * admins. Free text (an e-mail someone typed, a user agent) goes through `safeText` first.
 */
export async function recordAuthAudit(
  db: Database,
  entry: {
    orgId: string;
    at: Date;
    action: AuditAction;
    actorId: string | null;
    subjectId: string | null;
    summary: string;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await appendAudit(db, {
    orgId: entry.orgId,
    at: entry.at,
    actorId: entry.actorId,
    action: entry.action,
    subjectId: entry.subjectId,
    details: { ...entry.details, summary: firstLineSummary(entry.summary) },
  });
}

/** One line, no control characters, at most `max` characters: safe to show in a log view. */
export function safeText(text: string | undefined | null, max = 120): string | null {
  if (!text) return null;
  return firstLineSummary(text, max);
}
