import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { AppError } from '@rightly/core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock';
import type { Database, DatabaseKind } from './database';
import { OrgScopedPool } from './org-scope';
import { countAppliedMigrations, MIGRATIONS_FOLDER, MIGRATION_LOCK_KEY } from './migrations';
import * as schema from './schema/index';

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /** Where the data lives, for logs and messages (password removed from URLs). */
  location: string;
  /** Applies the committed migrations that are not applied yet; returns how many ran. */
  migrate(): Promise<{ applied: number }>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; when absent the embedded database in `dataDir` is used. */
  databaseUrl?: string | undefined;
  /** Rightly's data folder; the embedded database lives in its `pgdata` subfolder. */
  dataDir: string;
  /** Named in the lock so a second process can say who holds the folder. */
  command: string;
  /** Pool size for PostgreSQL. */
  maxConnections?: number;
}

const PGDATA = 'pgdata';

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.maxConnections ?? 10);
  return openEmbedded(resolve(options.dataDir), options.command);
}

export function openPostgres(databaseUrl: string, maxConnections = 10): DatabaseHandle {
  // Every connection taken from this pool carries the caller's org scope (row-level security).
  const pool = new OrgScopedPool({ connectionString: databaseUrl, max: maxConnections });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const db: Database = drizzlePg({ client: pool, schema, casing: 'snake_case' });
  return {
    db,
    kind: 'postgres',
    location: redactUrl(databaseUrl),
    migrate: () => migratePostgres(pool),
    close: () => pool.end(),
  };
}

/** Several server instances may start at once: an advisory lock lets one migrate while the others wait. */
async function migratePostgres(pool: pg.Pool): Promise<{ applied: number }> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    // A migration that reads or writes tenant rows without an org scope would, as the app role,
    // silently see none of them (row-level security). With row_security off such a statement
    // fails instead, naming the policy; a superuser is unaffected.
    await client.query('set row_security = off');
    const db = drizzlePg({ client, schema, casing: 'snake_case' });
    const before = await countAppliedMigrations(db);
    await migratePg(db, { migrationsFolder: MIGRATIONS_FOLDER });
    const after = await countAppliedMigrations(db);
    return { applied: after - before };
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.query('reset row_security').catch(() => undefined);
    client.release();
  }
}

async function openEmbedded(dataDir: string, command: string): Promise<DatabaseHandle> {
  const lock = acquireDataDirLock({ dataDir, command });
  try {
    const pgdata = join(dataDir, PGDATA);
    if (!existsSync(pgdata)) await initializeAtomically(dataDir, pgdata);
    const client = new PGlite(pgdata);
    await client.waitReady;
    return embeddedHandle(client, dataDir, lock);
  } catch (error) {
    lock.release();
    throw error instanceof AppError
      ? error
      : new AppError({
          code: 'database_unavailable',
          message: `Could not open the embedded database in ${dataDir}: ${(error as Error).message}`,
          cause: error,
        });
  }
}

/**
 * A kill during PostgreSQL's initdb leaves a folder that can never open. So the first start builds
 * the database in a scratch folder and renames it into place only when it is complete.
 */
async function initializeAtomically(dataDir: string, pgdata: string): Promise<void> {
  // We hold the lock, so leftovers from an interrupted first start are ours to remove.
  for (const entry of readdirSync(dataDir)) {
    if (entry.startsWith(`${PGDATA}.init-`)) rmSync(join(dataDir, entry), { recursive: true, force: true });
  }
  const scratch = join(dataDir, `${PGDATA}.init-${process.pid}`);
  mkdirSync(scratch, { recursive: true });
  const client = new PGlite(scratch);
  await client.waitReady;
  await client.close();
  renameSync(scratch, pgdata);
}

function embeddedHandle(client: PGlite, dataDir: string, lock: DataDirLock): DatabaseHandle {
  const db = drizzlePglite({ client, schema, casing: 'snake_case' });
  return {
    db: db,
    kind: 'pglite',
    location: dataDir,
    migrate: () => migrateEmbedded(db),
    close: async () => {
      try {
        await client.close();
      } finally {
        lock.release();
      }
    },
  };
}

/** An in-memory embedded database (tests), optionally restored from a dump of a migrated one. */
export async function openMemoryDatabase(
  options: { loadDataDir?: Blob } = {},
): Promise<DatabaseHandle & { client: PGlite }> {
  const client = options.loadDataDir ? new PGlite({ loadDataDir: options.loadDataDir }) : new PGlite();
  await client.waitReady;
  const db = drizzlePglite({ client, schema, casing: 'snake_case' });
  return {
    db: db,
    client,
    kind: 'pglite',
    location: 'memory',
    migrate: () => migrateEmbedded(db),
    close: () => client.close(),
  };
}

async function migrateEmbedded(db: ReturnType<typeof drizzlePglite<typeof schema>>): Promise<{ applied: number }> {
  // One process owns an embedded database, so no lock is needed here.
  const before = await countAppliedMigrations(db);
  await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
  const after = await countAppliedMigrations(db);
  return { applied: after - before };
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
