import { combineMeasures, findDiscrepancy, reportStatus, type IsoDate, type SelfReportItem } from '@rightly/core';
import { listSelfReports, loadMeasureTotals } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { collectSlots, type Slot } from './report-slots';
import type { ReportingContext } from './reporting-context';

export interface ReportItemsInput {
  ctx: ReportingContext;
  repIds: readonly string[];
  range: { start: IsoDate; end: IsoDate };
  /** Read the CRM's figures too (default); tallies of on-time reports do not need them. */
  measure?: boolean;
  /** The moment statuses are judged at (default: now). */
  now?: Date;
}

/**
 * Every report the reps owe or filed in the range: one per rep, expectation asking for a
 * self-report, and window of the rep's cadence that has begun, joined with what was filed and
 * with the CRM's figure for the same days. Filed reports whose slot no longer exists (the
 * expectation stopped asking) are kept, so nothing a rep submitted disappears.
 */
export async function buildReportItems(deps: ServiceDeps, input: ReportItemsInput): Promise<SelfReportItem[]> {
  const { ctx, range } = input;
  const now = input.now ?? deps.now();
  const stored = await listSelfReports(deps.db, {
    orgId: ctx.org.id,
    repIds: input.repIds,
    from: range.start,
    to: range.end,
  });
  const slots = collectSlots(ctx, { repIds: input.repIds, range, stored });
  const measured = input.measure === false ? [] : await measureSlots(deps, ctx, slots);
  const names = new Map(ctx.structure.users.map((u) => [u.id, u.name]));
  return slots
    .map((slot, i): SelfReportItem => {
      const { stored: s, reported, window } = slot;
      const value = measured[i] ?? null;
      const discrepancy =
        s === null
          ? null
          : findDiscrepancy({
              reported: s.reportedValue,
              measured: value,
              metric: reported.metric,
              tolerancePercent: ctx.settings.discrepancyTolerancePercent,
              currency: ctx.org.currency,
            });
      return {
        id: s?.id ?? null,
        repId: slot.repId,
        repName: names.get(slot.repId) ?? 'Unknown rep',
        expectationId: reported.expectation.id,
        expectationName: reported.expectation.name,
        metric: { key: reported.metric.key, name: reported.metric.name, unit: reported.metric.unit },
        window: { start: window.start, end: window.end, cadence: window.cadence },
        // A filed report is judged against the due time it was filed under, even if the org's
        // due time has changed since; an open one against today's.
        dueAt: (s?.dueAt ?? window.dueAt).toISOString(),
        status: reportStatus({ dueAt: s?.dueAt ?? window.dueAt, submittedAt: s?.submittedAt ?? null, now }),
        reported: s?.reportedValue ?? null,
        comment: s?.comment ?? '',
        measured: value,
        submittedAt: s?.submittedAt.toISOString() ?? null,
        discrepancy: discrepancy?.sentence ?? null,
        resolution:
          s?.resolution && s.resolvedAt
            ? {
                kind: s.resolution,
                note: s.resolutionNote,
                originalValue: s.originalValue,
                resolvedAt: s.resolvedAt.toISOString(),
                resolvedBy: s.resolvedBy ? (names.get(s.resolvedBy) ?? null) : null,
              }
            : null,
      };
    })
    .sort(
      (a, b) =>
        b.window.start.localeCompare(a.window.start) ||
        a.repName.localeCompare(b.repName) ||
        a.expectationName.localeCompare(b.expectationName),
    );
}

/** The CRM's figure for each slot's days (up to today), read from the rollups in one pass. */
async function measureSlots(
  deps: ServiceDeps,
  ctx: ReportingContext,
  slots: readonly Slot[],
): Promise<(number | null)[]> {
  if (slots.length === 0) return [];
  const rangeIndex = new Map<string, number>();
  const ranges: { start: IsoDate; end: IsoDate }[] = [];
  const indexOf = slots.map((slot) => {
    const end = slot.window.end < ctx.today ? slot.window.end : ctx.today;
    const key = `${slot.window.start}|${end}`;
    let index = rangeIndex.get(key);
    if (index === undefined) {
      index = ranges.length;
      rangeIndex.set(key, index);
      ranges.push({ start: slot.window.start, end });
    }
    return index;
  });
  const metricKeys = new Set(slots.map((s) => s.reported.metric.key));
  const totals = await loadMeasureTotals(deps.db, {
    orgId: ctx.org.id,
    repIds: [...new Set(slots.map((s) => s.repId))],
    ranges,
    measures: ctx.registry.baseMeasures(metricKeys),
  });
  return slots.map((slot, i) => {
    const definition = slot.reported.metric.definition;
    if (!definition) return null;
    const index = indexOf[i] ?? 0;
    return combineMeasures({
      definition,
      lookup: ctx.registry.lookup,
      total: (key) => totals.get(slot.repId, index, key),
    });
  });
}
