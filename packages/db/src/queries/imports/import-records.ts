import { and, desc, eq, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Database } from '../../database';
import { queryRows } from '../../query-rows';
import { importFileChunks, imports } from '../../schema/index';

export type ImportRow = typeof imports.$inferSelect;
export type NewImportRow = typeof imports.$inferInsert;

export async function insertImport(db: Database, row: NewImportRow): Promise<void> {
  await db.insert(imports).values(row);
}

export async function findImport(db: Database, params: { orgId: string; importId: string }): Promise<ImportRow | null> {
  const [row] = await db
    .select()
    .from(imports)
    .where(and(eq(imports.orgId, params.orgId), eq(imports.id, params.importId)));
  return row ?? null;
}

/** The org's imports, newest first; `before` pages back by creation time. */
export async function listImports(
  db: Database,
  params: { orgId: string; limit: number; before?: Date | undefined },
): Promise<ImportRow[]> {
  return db
    .select()
    .from(imports)
    .where(and(eq(imports.orgId, params.orgId), params.before ? lt(imports.createdAt, params.before) : undefined))
    .orderBy(desc(imports.createdAt), desc(imports.id))
    .limit(params.limit);
}

export type ImportUpdate = Partial<
  Pick<
    ImportRow,
    | 'status'
    | 'phase'
    | 'source'
    | 'kind'
    | 'bytesRead'
    | 'rowsRead'
    | 'newRows'
    | 'updatedRows'
    | 'unchangedRows'
    | 'rejectedRows'
    | 'ignoredRows'
    | 'errorCount'
    | 'report'
    | 'failure'
    | 'startedAt'
    | 'finishedAt'
    | 'fileBytes'
  >
>;

export async function updateImport(
  db: Database,
  params: { orgId: string; importId: string; set: ImportUpdate },
): Promise<void> {
  await db
    .update(imports)
    .set(params.set)
    .where(and(eq(imports.orgId, params.orgId), eq(imports.id, params.importId)));
}

/**
 * Moves a queued import to running. Only one caller wins: a second delivery of the same job (or
 * a job for an import already finished) finds nothing to claim.
 */
export async function claimImport(
  db: Database,
  params: { orgId: string; importId: string; now: Date },
): Promise<boolean> {
  const claimed = await db
    .update(imports)
    .set({ status: 'running', phase: 'reading', startedAt: params.now })
    .where(
      and(
        eq(imports.orgId, params.orgId),
        eq(imports.id, params.importId),
        eq(imports.status, 'queued'),
        or(isNull(imports.phase), ne(imports.phase, 'uploading')),
      ),
    )
    .returning({ id: imports.id });
  return claimed.length === 1;
}

/** Key of the advisory lock a running import holds for as long as its transaction lives. */
function importLockKey(importId: string) {
  return sql`hashtextextended(${`rightly-import:${importId}`}, 0)`;
}

/**
 * Held by a running import on PostgreSQL for its whole transaction: when the process dies, the
 * server drops the connection and the lock with it, which is how others tell it is gone.
 */
export async function lockRunningImport(tx: Database, params: { importId: string }): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${importLockKey(params.importId)})`);
}

/**
 * Imports left `running` by a process that is gone. On PostgreSQL: those whose lock nobody holds.
 * On the embedded database only one process ever opens the folder, so at start-up (`atStartup`)
 * every running import is an orphan — and at any other time none is.
 */
export async function findOrphanedImports(
  db: Database,
  params: { orgId: string; embedded: boolean; atStartup: boolean; uploadsStartedBefore: Date },
): Promise<{ orgId: string; id: string; uploading: boolean }[]> {
  if (params.embedded) {
    if (!params.atStartup) return [];
    const rows = await db
      .select({ orgId: imports.orgId, id: imports.id, phase: imports.phase })
      .from(imports)
      .where(
        and(
          eq(imports.orgId, params.orgId),
          or(eq(imports.status, 'running'), and(eq(imports.status, 'queued'), eq(imports.phase, 'uploading'))),
        ),
      );
    return rows.map((r) => ({ orgId: r.orgId, id: r.id, uploading: r.phase === 'uploading' }));
  }
  return db.transaction(async (tx) => {
    // An upload has no lock to test; one that has not finished in an hour was abandoned.
    const rows = await queryRows<{ org_id: string; id: string; uploading: boolean }>(
      tx,
      sql`select org_id, id, false as uploading from imports
           where org_id = ${params.orgId}::uuid and status = 'running' and pg_try_advisory_xact_lock(hashtextextended('rightly-import:' || id::text, 0))
          union all
          select org_id, id, true from imports
           where org_id = ${params.orgId}::uuid and status = 'queued' and phase = 'uploading'
             and created_at < ${params.uploadsStartedBefore.toISOString()}::timestamptz`,
    );
    return rows.map((r) => ({ orgId: r.org_id, id: r.id, uploading: r.uploading }));
  });
}

/** An org's imports waiting for a worker (for re-sending their jobs after a restart). */
export async function findQueuedImports(
  db: Database,
  params: { orgId: string },
): Promise<{ orgId: string; id: string }[]> {
  return db
    .select({ orgId: imports.orgId, id: imports.id })
    .from(imports)
    .where(
      and(
        eq(imports.orgId, params.orgId),
        eq(imports.status, 'queued'),
        or(isNull(imports.phase), ne(imports.phase, 'uploading')),
      ),
    );
}

export async function deleteImportFile(db: Database, params: { orgId: string; importId: string }): Promise<void> {
  await db
    .delete(importFileChunks)
    .where(and(eq(importFileChunks.orgId, params.orgId), eq(importFileChunks.importId, params.importId)));
}

export async function deleteImportFiles(db: Database, params: { orgId: string; importIds: string[] }): Promise<void> {
  if (params.importIds.length === 0) return;
  await db
    .delete(importFileChunks)
    .where(and(eq(importFileChunks.orgId, params.orgId), inArray(importFileChunks.importId, params.importIds)));
}
