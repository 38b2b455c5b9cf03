import { AppError } from '@rightly/core';
import { openDatabase, type DatabaseHandle } from '@rightly/db';
import type { SessionDeps } from '../auth/session-deps';
import type { Config } from '../config/load-config';
import { resolveSessionSecret } from '../config/session-secret';
import { requireConfinedDatabaseRole } from './database-role';

export interface Runtime {
  database: DatabaseHandle;
  deps: SessionDeps;
  /** Migrations applied while opening (0 when the schema was current). */
  migrationsApplied: number;
  close(): Promise<void>;
}

export interface OpenRuntimeInput {
  config: Config;
  /** Named in the embedded database's lock, e.g. `rightly serve`. */
  command: string;
  now?: () => Date;
  /**
   * Refuse a PostgreSQL role that row-level security does not bind (superuser, BYPASSRLS), before
   * anything is migrated or served. The server sets it; one-off CLI commands may run as an admin.
   */
  requireConfinedRole?: boolean;
}

async function migrateOrExplain(database: DatabaseHandle): Promise<{ applied: number }> {
  try {
    return await database.migrate();
  } catch (error) {
    // Shown at start-up to whoever runs Rightly, so the database's own words help them most.
    const reason =
      error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    throw new AppError({
      code: 'database_unavailable',
      message:
        `Could not bring the database ${database.location} up to this version of Rightly: ${reason}. ` +
        'Nothing was changed (each migration runs in a transaction). If this database was written by a newer ' +
        'or a development build of Rightly, run that build or start from a fresh data folder.',
      cause: error,
    });
  }
}

/** Opens the configured database, brings its schema up to date, and wires the service deps. */
export async function openRuntime(input: OpenRuntimeInput): Promise<Runtime> {
  const { config } = input;
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    command: input.command,
  });
  try {
    if (input.requireConfinedRole) await requireConfinedDatabaseRole(database);
    const { applied } = await migrateOrExplain(database);
    const sessionSecret = resolveSessionSecret({ configured: config.sessionSecret, dataDir: config.dataDir });
    return {
      database,
      deps: { db: database.db, now: input.now ?? (() => new Date()), sessionSecret },
      migrationsApplied: applied,
      close: () => database.close(),
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
