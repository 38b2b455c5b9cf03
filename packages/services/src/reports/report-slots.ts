import { isActiveDuring, selfReportsOwedFrom, usersInScope, type IsoDate, type ReportingWindow } from '@rightly/core';
import type { StoredSelfReport } from '@rightly/db';
import { windowsForRep, type ReportedExpectation, type ReportingContext } from './reporting-context';

/** One report a rep owes or filed: an expectation in one of the rep's windows. */
export interface Slot {
  repId: string;
  reported: ReportedExpectation;
  window: Pick<ReportingWindow, 'start' | 'end' | 'cadence' | 'dueAt'>;
  stored: StoredSelfReport | null;
}

/**
 * Every report the reps owe in the range, in windows that have begun (up to `ctx.today`), joined
 * with what was filed. Filed reports whose slot no longer exists (the expectation stopped asking)
 * are kept, so nothing a rep submitted disappears.
 */
export function collectSlots(ctx: ReportingContext, params: SlotParams): Slot[] {
  const slots: Slot[] = [];
  visitSlots(ctx, params, (repId, reported, window, stored) => slots.push({ repId, reported, window, stored }));
  return slots;
}

export interface SlotParams {
  repIds: readonly string[];
  range: { start: IsoDate; end: IsoDate };
  stored: readonly StoredSelfReport[];
}

/**
 * The slots of `collectSlots`, handed to `visit` one by one instead of gathered: counting the
 * slots of a thousand reps over months need not build tens of thousands of objects.
 */
export function visitSlots(
  ctx: ReportingContext,
  params: SlotParams,
  visit: (
    repId: string,
    reported: ReportedExpectation,
    window: Slot['window'],
    stored: StoredSelfReport | null,
  ) => void,
): void {
  const filed = new FiledReports(params.stored);
  const covered = ctx.reported.map((r) => ({
    reported: r,
    reps: usersInScope(r.expectation.scope, ctx.structure),
    owedFrom: selfReportsOwedFrom(r.expectation),
  }));
  for (const repId of params.repIds) {
    const mine = covered.filter((c) => c.reps.has(repId));
    if (mine.length === 0) continue;
    for (const window of windowsForRep(ctx, repId, params.range)) {
      if (window.start > ctx.today) break;
      for (const { reported, owedFrom } of mine) {
        if (window.start < owedFrom || !isActiveDuring(reported.expectation, window)) continue;
        visit(repId, reported, window, filed.take(repId, reported.expectation.id, window.start));
      }
    }
  }
  const byId = new Map(ctx.expectations.map((e) => [e.id, e]));
  for (const orphan of filed.rest()) {
    const expectation = byId.get(orphan.expectationId);
    const metric = expectation && ctx.registry.get(expectation.metric);
    if (!expectation || !metric) continue;
    visit(
      orphan.repId,
      { expectation, metric },
      { start: orphan.windowStart, end: orphan.windowEnd, cadence: orphan.cadence, dueAt: orphan.dueAt },
      orphan,
    );
  }
}

/**
 * Filed reports by rep, expectation and window start. Nested maps rather than one map with a
 * joined text key: a thousand reps owe tens of thousands of slots, and most have nothing filed.
 */
class FiledReports {
  private readonly byRep = new Map<string, Map<string, Map<IsoDate, StoredSelfReport>>>();

  constructor(stored: readonly StoredSelfReport[]) {
    for (const report of stored) {
      let byExpectation = this.byRep.get(report.repId);
      if (!byExpectation) {
        byExpectation = new Map();
        this.byRep.set(report.repId, byExpectation);
      }
      let byWindow = byExpectation.get(report.expectationId);
      if (!byWindow) {
        byWindow = new Map();
        byExpectation.set(report.expectationId, byWindow);
      }
      byWindow.set(report.windowStart, report);
    }
  }

  /** The report filed for this slot, if any; taken, so what is left are the orphans. */
  take(repId: string, expectationId: string, windowStart: IsoDate): StoredSelfReport | null {
    const byWindow = this.byRep.get(repId)?.get(expectationId);
    const report = byWindow?.get(windowStart);
    if (!report) return null;
    byWindow?.delete(windowStart);
    return report;
  }

  *rest(): Iterable<StoredSelfReport> {
    for (const byExpectation of this.byRep.values()) {
      for (const byWindow of byExpectation.values()) yield* byWindow.values();
    }
  }
}
