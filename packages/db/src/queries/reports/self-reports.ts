import { randomUUID } from 'node:crypto';
import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { DiscrepancyResolution, ReportingCadence } from '@rightly/core';
import type { Database } from '../../database';
import { selfReports } from '../../schema/index';

export interface StoredSelfReport {
  id: string;
  repId: string;
  expectationId: string;
  windowStart: string;
  windowEnd: string;
  cadence: ReportingCadence;
  dueAt: Date;
  reportedValue: number;
  comment: string;
  measuredAtSubmit: number | null;
  submittedAt: Date;
  submittedBy: string | null;
  updatedAt: Date;
  resolution: DiscrepancyResolution | null;
  resolutionNote: string;
  originalValue: number | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
}

type Row = typeof selfReports.$inferSelect;

function fromRow(r: Row): StoredSelfReport {
  const num = (v: string | null) => (v === null ? null : Number(v));
  return {
    id: r.id,
    repId: r.repId,
    expectationId: r.expectationId,
    windowStart: r.windowStart,
    windowEnd: r.windowEnd,
    cadence: r.cadence as ReportingCadence,
    dueAt: r.dueAt,
    reportedValue: Number(r.reportedValue),
    comment: r.comment,
    measuredAtSubmit: num(r.measuredAtSubmit),
    submittedAt: r.submittedAt,
    submittedBy: r.submittedBy,
    updatedAt: r.updatedAt,
    resolution: r.resolution as DiscrepancyResolution | null,
    resolutionNote: r.resolutionNote,
    originalValue: num(r.originalValue),
    resolvedBy: r.resolvedBy,
    resolvedAt: r.resolvedAt,
  };
}

/** Reports whose window overlaps the range, for the given reps (or all). */
export async function listSelfReports(
  db: Database,
  params: { orgId: string; repIds: readonly string[] | 'all'; from: string; to: string },
): Promise<StoredSelfReport[]> {
  if (params.repIds !== 'all' && params.repIds.length === 0) return [];
  const rows = await db
    .select()
    .from(selfReports)
    .where(
      and(
        eq(selfReports.orgId, params.orgId),
        gte(selfReports.windowEnd, params.from),
        lte(selfReports.windowStart, params.to),
        params.repIds === 'all' ? undefined : inArray(selfReports.repId, [...params.repIds]),
      ),
    );
  return rows.map(fromRow);
}

export async function findSelfReport(
  db: Database,
  params: { orgId: string; id: string },
): Promise<StoredSelfReport | null> {
  const [row] = await db
    .select()
    .from(selfReports)
    .where(and(eq(selfReports.orgId, params.orgId), eq(selfReports.id, params.id)));
  return row ? fromRow(row) : null;
}

export interface SaveSelfReportParams {
  orgId: string;
  repId: string;
  expectationId: string;
  windowStart: string;
  windowEnd: string;
  cadence: ReportingCadence;
  dueAt: Date;
  value: number;
  comment: string;
  measured: number | null;
  submittedBy: string;
  now: Date;
}

/**
 * Files a report, or edits the one already filed for the same window: one row per rep,
 * expectation and window, whatever the race. The first submission time stays, so an edit after
 * the due date does not make an on-time report late, nor a late one on time.
 */
export async function saveSelfReport(db: Database, params: SaveSelfReportParams): Promise<StoredSelfReport> {
  const [row] = await db
    .insert(selfReports)
    .values({
      orgId: params.orgId,
      id: randomUUID(),
      repId: params.repId,
      expectationId: params.expectationId,
      windowStart: params.windowStart,
      windowEnd: params.windowEnd,
      cadence: params.cadence,
      dueAt: params.dueAt,
      reportedValue: String(params.value),
      comment: params.comment,
      measuredAtSubmit: params.measured === null ? null : String(params.measured),
      submittedAt: params.now,
      submittedBy: params.submittedBy,
      updatedAt: params.now,
    })
    .onConflictDoUpdate({
      target: [selfReports.orgId, selfReports.repId, selfReports.expectationId, selfReports.windowStart],
      set: {
        reportedValue: String(params.value),
        comment: params.comment,
        measuredAtSubmit: params.measured === null ? null : String(params.measured),
        updatedAt: params.now,
        // The window may have been cut short by a cadence change since the first submission; the
        // due time it was first filed against stays.
        windowEnd: params.windowEnd,
      },
    })
    .returning();
  if (!row) throw new Error('saving a self-report returned no row');
  return fromRow(row);
}

export async function resolveSelfReport(
  db: Database,
  params: {
    orgId: string;
    id: string;
    resolution: DiscrepancyResolution;
    note: string;
    correctedValue: number | null;
    resolvedBy: string;
    now: Date;
  },
): Promise<StoredSelfReport | null> {
  const corrected = params.correctedValue;
  const [row] = await db
    .update(selfReports)
    .set({
      resolution: params.resolution,
      resolutionNote: params.note,
      resolvedBy: params.resolvedBy,
      resolvedAt: params.now,
      ...(corrected === null
        ? {}
        : {
            // Keep what the rep first said; a second correction does not overwrite it.
            originalValue: sql`coalesce(${selfReports.originalValue}, ${selfReports.reportedValue})`,
            reportedValue: String(corrected),
          }),
    })
    .where(and(eq(selfReports.orgId, params.orgId), eq(selfReports.id, params.id)))
    .returning();
  return row ? fromRow(row) : null;
}

export async function insertSelfReports(
  db: Database,
  rows: readonly (Omit<SaveSelfReportParams, 'now' | 'value' | 'measured'> & {
    value: number;
    measured: number | null;
    submittedAt: Date;
  })[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    await db.insert(selfReports).values(
      rows.slice(i, i + 2000).map((r) => ({
        orgId: r.orgId,
        id: randomUUID(),
        repId: r.repId,
        expectationId: r.expectationId,
        windowStart: r.windowStart,
        windowEnd: r.windowEnd,
        cadence: r.cadence,
        dueAt: r.dueAt,
        reportedValue: String(r.value),
        comment: r.comment,
        measuredAtSubmit: r.measured === null ? null : String(r.measured),
        submittedAt: r.submittedAt,
        submittedBy: r.submittedBy,
        updatedAt: r.submittedAt,
      })),
    );
  }
}
