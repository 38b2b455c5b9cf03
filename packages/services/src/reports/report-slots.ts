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
export function collectSlots(
  ctx: ReportingContext,
  params: { repIds: readonly string[]; range: { start: IsoDate; end: IsoDate }; stored: readonly StoredSelfReport[] },
): Slot[] {
  const filed = new Map(params.stored.map((r) => [`${r.repId}|${r.expectationId}|${r.windowStart}`, r]));
  const covered = ctx.reported.map((r) => ({
    reported: r,
    reps: usersInScope(r.expectation.scope, ctx.structure),
    owedFrom: selfReportsOwedFrom(r.expectation),
  }));
  const slots: Slot[] = [];
  for (const repId of params.repIds) {
    const mine = covered.filter((c) => c.reps.has(repId));
    if (mine.length === 0) continue;
    for (const window of windowsForRep(ctx, repId, params.range)) {
      if (window.start > ctx.today) break;
      for (const { reported, owedFrom } of mine) {
        if (window.start < owedFrom || !isActiveDuring(reported.expectation, window)) continue;
        const key = `${repId}|${reported.expectation.id}|${window.start}`;
        const stored = filed.get(key) ?? null;
        if (stored) filed.delete(key);
        slots.push({ repId, reported, window, stored });
      }
    }
  }
  const byId = new Map(ctx.expectations.map((e) => [e.id, e]));
  for (const orphan of filed.values()) {
    const expectation = byId.get(orphan.expectationId);
    const metric = expectation && ctx.registry.get(expectation.metric);
    if (!expectation || !metric) continue;
    slots.push({
      repId: orphan.repId,
      reported: { expectation, metric },
      window: { start: orphan.windowStart, end: orphan.windowEnd, cadence: orphan.cadence, dueAt: orphan.dueAt },
      stored: orphan,
    });
  }
  return slots;
}
