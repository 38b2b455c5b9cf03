import type { Database, ImportRow } from '@rightly/db';
import { recordOrgAudit } from '../audit/record-audit';

/** The facts of an import worth keeping in the audit log: never the file's contents. */
function facts(row: ImportRow): Record<string, unknown> {
  return {
    importId: row.id,
    fileName: row.fileName,
    fileBytes: row.fileBytes,
    via: row.via,
    source: row.source ?? row.requestedSource,
    kind: row.kind ?? row.requestedKind,
    dryRun: row.dryRun,
  };
}

/** An import was started (an upload from the web, or `rightly import`; the operator has no user id). */
export async function auditImportStarted(db: Database, row: ImportRow, at: Date): Promise<void> {
  await recordOrgAudit(db, {
    orgId: row.orgId,
    actorId: row.requestedBy,
    action: 'import_started',
    subjectId: null,
    at,
    summary: `Import of ${row.fileName} started${row.dryRun ? ' (dry run)' : ''}`,
    details: facts(row),
  });
}

/**
 * An import came to its end: finished (with its counts) or failed (with the reason's code). Rows
 * still queued or running are not an outcome, and record nothing.
 */
export async function auditImportOutcome(db: Database, row: ImportRow, at: Date): Promise<void> {
  if (row.status !== 'succeeded' && row.status !== 'failed') return;
  const failed = row.status === 'failed';
  const failure = row.failure as { code?: string; message?: string } | null;
  await recordOrgAudit(db, {
    orgId: row.orgId,
    actorId: row.requestedBy,
    action: failed ? 'import_failed' : 'import_finished',
    subjectId: null,
    at,
    summary: failed
      ? `Import of ${row.fileName} failed: ${failure?.message ?? 'no reason recorded'}`
      : `Import of ${row.fileName} finished: ${row.newRows} new, ${row.updatedRows} updated, ${row.rejectedRows} rejected${row.dryRun ? ' (dry run, nothing written)' : ''}`,
    details: {
      ...facts(row),
      status: row.status,
      newRows: row.newRows,
      updatedRows: row.updatedRows,
      unchangedRows: row.unchangedRows,
      rejectedRows: row.rejectedRows,
      ignoredRows: row.ignoredRows,
      errorCount: row.errorCount,
      failureCode: failure?.code ?? null,
    },
  });
}
