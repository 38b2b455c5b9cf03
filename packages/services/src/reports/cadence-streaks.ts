import { periodContaining, shiftPeriod, type AssessmentStatus, type Right, rightStatuses } from '@rightly/core';
import type { ServiceDeps } from '../deps';
import type { AssessmentContext } from '../assessment/assessment-context';
import { computeAssessments } from '../assessment/compute-assessments';
import { forecastInputs } from '../forecast/forecast-cache';

export interface Streaks {
  /** Closed weeks in a row, latest first, with a right off track. */
  offTrack: number;
  /** Closed weeks in a row, latest first, with no right off track or at risk. */
  onTrack: number;
}

/** Weeks looked back over; more than any sensible "N periods in a row" rule. */
const WEEKS = 8;

/**
 * How long each rep has been off track, or on track, in the closed weeks up to last week: the
 * input of the cadence advice. Weeks, because the usual cadence is weekly.
 */
export async function weeklyStreaks(
  deps: ServiceDeps,
  params: { ctx: AssessmentContext; repIds: readonly string[] },
): Promise<Map<string, Streaks>> {
  const { ctx } = params;
  const result = new Map<string, Streaks>();
  if (params.repIds.length === 0) return result;
  const lastClosed = shiftPeriod(periodContaining('week', ctx.today), -1);
  const { provider } = await forecastInputs(deps.db, ctx.org);
  const assessed = await computeAssessments(deps, {
    ctx,
    repIds: params.repIds,
    period: lastClosed,
    asOf: lastClosed.end,
    previous: WEEKS - 1,
    forecasts: provider,
  });
  const weeks = [assessed.current, ...assessed.previous];
  for (const repId of params.repIds) {
    const rights = weeks.map((w) => rightStatuses(w.byRep.get(repId) ?? []));
    result.set(repId, {
      offTrack: countWhile(rights, (r) => some(r, (s) => s === 'off_track')),
      onTrack: countWhile(
        rights,
        (r) => !some(r, (s) => s === 'off_track' || s === 'at_risk') && some(r, (s) => s === 'on_track'),
      ),
    });
  }
  return result;
}

function some(rights: Record<Right, AssessmentStatus>, test: (s: AssessmentStatus) => boolean): boolean {
  return test(rights.thing) || test(rights.way) || test(rights.time);
}

function countWhile<T>(items: readonly T[], test: (item: T) => boolean): number {
  let n = 0;
  while (n < items.length && test(items[n] as T)) n += 1;
  return n;
}
