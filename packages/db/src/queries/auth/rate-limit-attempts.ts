import { randomUUID } from 'node:crypto';
import { and, count, eq, gt, inArray, lt, min } from 'drizzle-orm';
import type { Database } from '../../database';
import { rateLimitAttempts } from '../../schema/index';

export interface AttemptKey {
  bucket: string;
  key: string;
}

export interface WindowCount {
  count: number;
  /** The oldest attempt still inside the window; null when there is none. */
  oldestAt: Date | null;
}

/** Records one attempt per key at `at` and returns their ids, so the caller can withdraw them. */
export async function recordAttempts(
  db: Database,
  params: { keys: readonly AttemptKey[]; at: Date },
): Promise<string[]> {
  const rows = params.keys.map((k) => ({ id: randomUUID(), bucket: k.bucket, key: k.key, at: params.at }));
  if (rows.length === 0) return [];
  await db.insert(rateLimitAttempts).values(rows);
  return rows.map((r) => r.id);
}

/** Attempts for one key after `since` (the start of the sliding window). */
export async function countAttempts(db: Database, params: AttemptKey & { since: Date }): Promise<WindowCount> {
  const [row] = await db
    .select({ count: count(), oldestAt: min(rateLimitAttempts.at) })
    .from(rateLimitAttempts)
    .where(
      and(
        eq(rateLimitAttempts.bucket, params.bucket),
        eq(rateLimitAttempts.key, params.key),
        gt(rateLimitAttempts.at, params.since),
      ),
    );
  return { count: Number(row?.count ?? 0), oldestAt: row?.oldestAt ?? null };
}

/** Withdraws exactly the given attempts (never others of the same key). */
export async function deleteAttempts(db: Database, params: { ids: readonly string[] }): Promise<void> {
  if (params.ids.length === 0) return;
  await db.delete(rateLimitAttempts).where(inArray(rateLimitAttempts.id, [...params.ids]));
}

/** Drops attempts that left every window, so the table stays small. */
export async function deleteAttemptsBefore(db: Database, params: { before: Date }): Promise<void> {
  await db.delete(rateLimitAttempts).where(lt(rateLimitAttempts.at, params.before));
}

/** Clears one key's count (e.g. an account's failures once a reset link proved the owner). */
export async function deleteAttemptsForKey(db: Database, params: AttemptKey): Promise<void> {
  await db
    .delete(rateLimitAttempts)
    .where(and(eq(rateLimitAttempts.bucket, params.bucket), eq(rateLimitAttempts.key, params.key)));
}
