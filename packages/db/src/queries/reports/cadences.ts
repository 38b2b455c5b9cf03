import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte, isNull } from 'drizzle-orm';
import type { CadenceLevel, ReportingCadence } from '@rightly/core';
import type { Database } from '../../database';
import { reportingCadences } from '../../schema/index';

export interface StoredCadence {
  id: string;
  level: CadenceLevel;
  /** Null for the org default. */
  subjectId: string | null;
  cadence: ReportingCadence;
  reason: string;
  reviewOn: string | null;
  setBy: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  createdAt: Date;
}

/** Every cadence setting of an org, current and past, oldest first. */
export async function listCadences(db: Database, params: { orgId: string }): Promise<StoredCadence[]> {
  const rows = await db
    .select()
    .from(reportingCadences)
    .where(eq(reportingCadences.orgId, params.orgId))
    .orderBy(asc(reportingCadences.effectiveFrom), asc(reportingCadences.createdAt));
  return rows.map((r) => ({
    id: r.id,
    level: r.level as CadenceLevel,
    subjectId: r.level === 'org' ? null : r.subject,
    cadence: r.cadence as ReportingCadence,
    reason: r.reason,
    reviewOn: r.reviewOn,
    setBy: r.setBy,
    effectiveFrom: r.effectiveFrom,
    effectiveTo: r.effectiveTo,
    createdAt: r.createdAt,
  }));
}

export interface SetCadenceParams {
  orgId: string;
  level: CadenceLevel;
  subjectId: string | null;
  /** Null ends the override (the level above applies again). */
  cadence: ReportingCadence | null;
  reason: string;
  reviewOn: string | null;
  setBy: string | null;
  /** The first day the change applies: always a day that has not begun yet. */
  effectiveFrom: string;
}

/**
 * Changes a cadence from a future day, keeping history: the current setting is ended the day
 * before; a setting that had not begun yet (changed twice before it took effect) is replaced,
 * since no window ever ran under it. Serialised per subject by the unique "current" index.
 */
export async function setCadence(db: Database, params: SetCadenceParams): Promise<void> {
  const subject = params.subjectId ?? 'org';
  await db.transaction(async (tx) => {
    const scope = and(
      eq(reportingCadences.orgId, params.orgId),
      eq(reportingCadences.level, params.level),
      eq(reportingCadences.subject, subject),
    );
    // Settings that would only have begun on or after the new start never took effect.
    await tx.delete(reportingCadences).where(and(scope, gte(reportingCadences.effectiveFrom, params.effectiveFrom)));
    await tx
      .update(reportingCadences)
      .set({ effectiveTo: params.effectiveFrom })
      .where(and(scope, isNull(reportingCadences.effectiveTo)));
    if (params.cadence === null) return;
    await tx.insert(reportingCadences).values({
      orgId: params.orgId,
      id: randomUUID(),
      level: params.level,
      subject,
      cadence: params.cadence,
      reason: params.reason,
      reviewOn: params.reviewOn,
      setBy: params.setBy,
      effectiveFrom: params.effectiveFrom,
    });
  });
}
