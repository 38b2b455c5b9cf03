import { sql } from 'drizzle-orm';
import type { Database } from '../../database';
import { isEmbeddedDatabase } from '../../database-kind';
import { lockRunningImport } from './import-records';

/**
 * The frame of one import's writes. Rows are staged in a temporary table as the file is read,
 * then merged into the real tables by set-based SQL in one transaction: the import commits all of
 * its rows or none, whatever happens to the process.
 *
 * - PostgreSQL: everything, staging included, runs in one transaction on one connection, which
 *   also holds the import's advisory lock (so a crash is visible to others at once). Other
 *   connections keep serving requests meanwhile; the staging table never leaves the transaction.
 * - Embedded (PGlite): there is one connection, and an open transaction would hold up every other
 *   query of the server for the whole file. So staging runs outside a transaction (the temporary
 *   table dies with the process, and nothing outside it is touched) and only the merge is one
 *   transaction.
 */
export interface ImportSession {
  /** Name of this import's staging table (temporary, private to the session). */
  readonly stagingTable: string;
  /** Writes through the staging connection (inside the transaction on PostgreSQL). */
  readonly staging: Database;
  /**
   * Runs the merge in the import's transaction. Throwing rolls back everything the import wrote.
   * Do not use any other database handle inside `fn` on the embedded database: it would wait for
   * this transaction to end.
   */
  write<T>(fn: (tx: Database) => Promise<T>): Promise<T>;
}

/** Thrown inside `write` to undo it while keeping its result (dry runs). */
export class RollbackWith<T> extends Error {
  constructor(readonly value: T) {
    super('rolled back on purpose');
  }
}

export async function withImportSession<T>(
  db: Database,
  params: { orgId: string; importId: string },
  work: (session: ImportSession) => Promise<T>,
): Promise<T> {
  const stagingTable = `import_stage_${params.importId.replaceAll('-', '').slice(0, 16)}`;
  if (isEmbeddedDatabase(db)) {
    try {
      return await work({
        stagingTable,
        staging: db,
        write: (fn) => db.transaction(async (tx) => fn(tx)),
      });
    } finally {
      await db.execute(sql`drop table if exists ${sql.identifier(stagingTable)}`).catch(() => undefined);
    }
  }
  return db.transaction(async (tx) => {
    await lockRunningImport(tx, { importId: params.importId });
    // Imports of one org merge one at a time: each decides "new or existing" on a stable picture.
    await lockOrgImports(tx, params.orgId);
    return work({
      stagingTable,
      staging: tx,
      write: async (fn) => {
        // A savepoint, so a dry run can undo the merge and still commit nothing else of note.
        return tx.transaction(async (inner) => fn(inner));
      },
    });
  });
}

export async function lockOrgImports(tx: Database, orgId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`rightly-import-org:${orgId}`}, 0))`);
}

/** Runs `fn` in the import's transaction and undoes all of it, returning what it computed. */
export async function dryRunWrite<T>(session: ImportSession, fn: (tx: Database) => Promise<T>): Promise<T> {
  try {
    await session.write(async (tx) => {
      throw new RollbackWith(await fn(tx));
    });
  } catch (error) {
    if (error instanceof RollbackWith) return error.value as T;
    throw error;
  }
  throw new Error('unreachable: a dry run always rolls back');
}
