import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../database';
import { assessmentSnapshots } from '../schema/index';

export interface StoredSnapshot {
  expectationId: string;
  repId: string;
  periodKey: string;
  revision: number;
  assessment: unknown;
  takenAt: Date;
}

/**
 * Every revision of the snapshots for the given expectations and period, newest revision first;
 * with `repIds`, only those reps' (one rep's page need not read the whole org's).
 */
export async function loadSnapshots(
  db: Database,
  params: { orgId: string; periodKey: string; expectationIds: readonly string[]; repIds?: readonly string[] },
): Promise<StoredSnapshot[]> {
  if (params.expectationIds.length === 0 || params.repIds?.length === 0) return [];
  return db
    .select({
      expectationId: assessmentSnapshots.expectationId,
      repId: assessmentSnapshots.repId,
      periodKey: assessmentSnapshots.periodKey,
      revision: assessmentSnapshots.revision,
      assessment: assessmentSnapshots.assessment,
      takenAt: assessmentSnapshots.takenAt,
    })
    .from(assessmentSnapshots)
    .where(
      and(
        eq(assessmentSnapshots.orgId, params.orgId),
        eq(assessmentSnapshots.periodKey, params.periodKey),
        inArray(assessmentSnapshots.expectationId, [...params.expectationIds]),
        params.repIds ? inArray(assessmentSnapshots.repId, [...params.repIds]) : undefined,
      ),
    )
    .orderBy(desc(assessmentSnapshots.revision));
}

/** Appends snapshots; a revision number already taken (another instance got there first) is skipped. */
export async function insertSnapshots(
  db: Database,
  rows: readonly (StoredSnapshot & { orgId: string; id: string })[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(assessmentSnapshots)
    .values([...rows])
    .onConflictDoNothing();
}
