import {
  reportStatus,
  sumTallies,
  tallyReports,
  type IsoDate,
  type Period,
  type ReportStatus,
  type ReportTally,
} from '@rightly/core';
import { getReportingSettings, listCadences, listSelfReports } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import type { AssessmentContext } from '../assessment/assessment-context';
import { visitSlots } from './report-slots';
import { judgedAt, withReporting } from './reporting-context';

/** Self-reports of a rep over `span` periods from period k back; `expectationId` null = all of them. */
export type ReportTallyReader = (repId: string, k: number, span: number, expectationId: string | null) => ReportTally;

/**
 * How the reps' self-reports stood in each period, as of the assessment's date: a report counts
 * in the period its window ends in, and only once its due date has passed by then.
 */
export async function loadReportTallies(
  deps: ServiceDeps,
  params: { ctx: AssessmentContext; repIds: readonly string[]; periods: readonly Period[]; asOf: IsoDate },
): Promise<ReportTallyReader> {
  const { ctx, periods } = params;
  const [settings, cadences] = await Promise.all([
    getReportingSettings(deps.db, { orgId: ctx.org.id }),
    listCadences(deps.db, { orgId: ctx.org.id }),
  ]);
  const reporting = withReporting(ctx, settings, cadences);
  const start = periods.at(-1)?.start ?? params.asOf;
  const end = periods[0]?.end ?? params.asOf;
  const now = judgedAt(deps.now(), { asOf: params.asOf, today: ctx.today, timeZone: ctx.org.timeZone });
  const wantedReps = new Set(params.repIds);
  const repIds = reporting.reported.length === 0 ? [] : params.repIds;
  const stored =
    repIds.length === 0
      ? []
      : await listSelfReports(deps.db, {
          orgId: ctx.org.id,
          // Every rep's reports when most reps are wanted: one scan instead of a long id list.
          repIds: repIds.length > 200 ? 'all' : repIds,
          from: start,
          to: end,
        });
  // Period of a window, by its last day (periods are newest first and few).
  const periodOf = new Map<string, number>();
  // The statuses per rep, period and expectation ('*' for all of them), tallied once at the end:
  // assessments ask for the same tallies thousands of times.
  const byRep = new Map<string, Map<string, ReportStatus[]>[]>();
  visitSlots(
    { ...reporting, today: params.asOf < ctx.today ? params.asOf : ctx.today },
    { repIds, range: { start, end }, stored: stored.filter((r) => wantedReps.has(r.repId)) },
    (repId, reported, window, filed) => {
      let k = periodOf.get(window.end);
      if (k === undefined) {
        k = periods.findIndex((p) => p.start <= window.end && window.end <= p.end);
        periodOf.set(window.end, k);
      }
      if (k < 0) return;
      const status = reportStatus({
        dueAt: filed?.dueAt ?? window.dueAt,
        submittedAt: filed?.submittedAt ?? null,
        now,
      });
      let perPeriod = byRep.get(repId);
      if (!perPeriod) {
        perPeriod = periods.map(() => new Map<string, ReportStatus[]>());
        byRep.set(repId, perPeriod);
      }
      const buckets = perPeriod[k] as Map<string, ReportStatus[]>;
      for (const key of [reported.expectation.id, ALL]) {
        const bucket = buckets.get(key);
        if (bucket) bucket.push(status);
        else buckets.set(key, [status]);
      }
    },
  );
  const tallies = new Map(
    [...byRep].map(([repId, perPeriod]) => [
      repId,
      perPeriod.map((buckets) => new Map([...buckets].map(([key, statuses]) => [key, tallyReports(statuses)]))),
    ]),
  );
  return (repId, k, span, expectationId) => {
    const perPeriod = tallies.get(repId) ?? [];
    const parts: ReportTally[] = [];
    for (let i = k; i < k + span && i < perPeriod.length; i++) {
      const tally = perPeriod[i]?.get(expectationId ?? ALL);
      if (tally) parts.push(tally);
    }
    return sumTallies(parts);
  };
}

const ALL = '*';
