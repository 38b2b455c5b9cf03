import type { SQL } from 'drizzle-orm';
import type { Database } from './database';

/**
 * Runs raw SQL and returns its rows. Both drivers answer `execute()` with an object holding
 * `rows`, but the shared `Database` type cannot know which; this is the one place that says so.
 */
export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
