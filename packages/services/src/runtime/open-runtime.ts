import { openDatabase, type DatabaseHandle } from '@rightly/db';
import type { SessionDeps } from '../auth/session-deps';
import type { Config } from '../config/load-config';
import { resolveSessionSecret } from '../config/session-secret';

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
    const { applied } = await database.migrate();
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
