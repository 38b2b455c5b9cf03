import { escapeInvisible, localDate, toCsv, toSingleLine, type AuditEntry } from '@rightly/core';
import type { ServiceDeps } from '../deps';
import { listAuditEntries, type AuditLogInput } from './list-audit-log';
import { recordOrgAudit } from './record-audit';

/** One file holds at most this many entries; narrow the filters (from/to) for more. */
export const AUDIT_CSV_MAX_ENTRIES = 10_000;
const PAGE = 1000;

/**
 * The audit log (with the same filters and visibility as the list) as CSV, newest first. Every
 * text cell is one line (controls, Unicode line separators and bidi overrides become spaces) and
 * neutralised against formulas; `details` is JSON with those characters escaped, so no cell can
 * forge a row or a line in a spreadsheet or a log viewer. The export itself is audited.
 */
export async function exportAuditCsv(
  deps: ServiceDeps,
  input: Omit<AuditLogInput, 'before' | 'limit'>,
): Promise<{ fileName: string; csv: string; truncated: boolean }> {
  const entries: AuditEntry[] = [];
  let before: string | undefined;
  let truncated = false;
  for (;;) {
    const page = await listAuditEntries(deps, { ...input, limit: PAGE, ...(before ? { before } : {}) });
    entries.push(...page.entries);
    if (!page.nextCursor) break;
    if (entries.length >= AUDIT_CSV_MAX_ENTRIES) {
      truncated = true;
      break;
    }
    before = page.nextCursor;
  }
  const kept = entries.slice(0, AUDIT_CSV_MAX_ENTRIES);
  const line = (text: string | null) => (text === null ? null : toSingleLine(text, 10_000));
  const header = ['at', 'action', 'actor', 'actor id', 'subject', 'subject id', 'summary', 'details'];
  const rows = kept.map((e) => {
    const { summary, ...rest } = e.details;
    return [
      e.at,
      e.action,
      line(e.actorName),
      e.actorId,
      line(e.subjectName),
      e.subjectId,
      line(typeof summary === 'string' ? summary : ''),
      escapeInvisible(JSON.stringify(rest)),
    ];
  });
  const now = deps.now();
  await recordOrgAudit(deps.db, {
    orgId: input.viewer.orgId,
    actorId: input.viewer.userId,
    action: 'export_csv',
    subjectId: null,
    at: now,
    summary: `Audit log exported as CSV (${kept.length} entries)`,
    details: {
      export: 'audit_log',
      entries: kept.length,
      filters: {
        action: input.action ?? null,
        actor: input.actor ?? null,
        subject: input.subject ?? input.rep ?? null,
        from: input.from ?? null,
        to: input.to ?? null,
      },
    },
  });
  return { fileName: `audit-log-${localDate(now, 'UTC')}.csv`, csv: toCsv([header, ...rows]), truncated };
}
