import { sql } from 'drizzle-orm';
import type { Database } from '../database';

/** A round trip to the database; throws when it cannot answer. */
export async function pingDatabase(db: Database): Promise<void> {
  await db.execute(sql`select 1`);
}
