import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Database } from './database';
import { queryRows } from './query-rows';

/** The SQL migrations drizzle-kit generated from the schema; committed, never edited by hand. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url));

/** Arbitrary but fixed: the key of the advisory lock held while migrating PostgreSQL. */
export const MIGRATION_LOCK_KEY = 7_420_310_115;

interface Journal {
  entries: { tag: string }[];
}

/** How many migrations the code ships; a database with fewer applied is behind. */
let shipped: number | undefined;
export function shippedMigrationCount(): number {
  shipped ??= (JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as Journal).entries.length;
  return shipped;
}

export async function countAppliedMigrations(db: Database): Promise<number> {
  const [exists] = await queryRows<{ present: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!exists?.present) return 0;
  const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return count?.n ?? 0;
}
