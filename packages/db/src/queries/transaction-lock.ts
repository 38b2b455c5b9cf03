import { sql } from 'drizzle-orm';
import type { Database } from '../database';

/** Keys of the advisory locks Rightly takes; fixed numbers so every instance agrees on them. */
export const LOCK_KEYS = {
  demoSeed: 7_420_310_116,
} as const;

/**
 * Serialises a transaction against others taking the same key, on every instance sharing the
 * database; released when the transaction ends. Call it first thing inside `db.transaction`.
 */
export async function takeTransactionLock(tx: Database, key: keyof typeof LOCK_KEYS): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEYS[key]})`);
}
