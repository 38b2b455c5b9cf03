import { randomUUID } from 'node:crypto';
import { findImport, insertImport } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { auditImportStarted } from './audit-import';
import { assertMayImport, orgOf, type ImportActor } from './import-actor';
import { parseImportOptions } from './import-options';
import { toImportView, type ImportView } from './import-view';

export interface StartImportInput {
  actor: ImportActor;
  fileName: string;
  fileBytes: number;
  /** Unchecked options (from flags or a form); see `ImportOptions`. */
  options: unknown;
  via: 'web' | 'cli';
}

/**
 * Records a new import, queued. The caller then provides the file (`storeImportFile` for an
 * upload) and runs it (`runImport`, directly or through the job queue).
 */
export async function startImport(deps: ServiceDeps, input: StartImportInput): Promise<ImportView> {
  assertMayImport(input.actor);
  const options = parseImportOptions(input.options);
  const row = {
    orgId: orgOf(input.actor),
    id: randomUUID(),
    requestedBy: input.actor.kind === 'user' ? input.actor.viewer.userId : null,
    via: input.via,
    // Only the name is kept: a path would say where the file sat on someone's disk.
    fileName: input.fileName.split(/[\\/]/).pop()?.slice(0, 255) || 'upload.csv',
    fileBytes: input.fileBytes,
    requestedSource: options.source,
    requestedKind: options.mapping?.kind ?? options.kind,
    options,
    dryRun: options.dryRun,
    status: 'queued' as const,
    // An upload is queued while it arrives; the worker and recovery leave it alone until it has.
    phase: input.via === 'web' ? 'uploading' : null,
    createdAt: deps.now(),
  };
  await deps.db.transaction(async (tx) => {
    await insertImport(tx, row);
    const stored = await findImport(tx, { orgId: row.orgId, importId: row.id });
    if (stored) await auditImportStarted(tx, stored, row.createdAt);
  });
  return toImportView({
    ...row,
    source: null,
    kind: null,
    bytesRead: 0,
    rowsRead: 0,
    newRows: 0,
    updatedRows: 0,
    unchangedRows: 0,
    rejectedRows: 0,
    ignoredRows: 0,
    errorCount: 0,
    report: null,
    failure: null,
    startedAt: null,
    finishedAt: null,
  });
}
