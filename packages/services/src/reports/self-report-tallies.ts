import {
  addDays,
  startOfLocalDay,
  tallyReports,
  type IsoDate,
  type Period,
  type ReportStatus,
  type ReportTally,
} from '@rightly/core';
import { getReportingSettings, listCadences } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import type { AssessmentContext } from '../assessment/assessment-context';
import { buildReportItems } from './report-items';
import { withReporting } from './reporting-context';

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
  // Judged at the end of the as-of day (or now, if that is earlier): an assessment of the past
  // does not count a report that was filed later as missing, nor one still open as due.
  const endOfAsOf = startOfLocalDay(addDays(params.asOf, 1), ctx.org.timeZone);
  const now = deps.now() < endOfAsOf ? deps.now() : endOfAsOf;
  const items =
    reporting.reported.length === 0 || params.repIds.length === 0
      ? []
      : await buildReportItems(deps, {
          ctx: { ...reporting, today: params.asOf < ctx.today ? params.asOf : ctx.today },
          repIds: params.repIds,
          range: { start, end },
          measure: false,
          now,
        });
  // statuses[rep][periodIndex] → list of (expectation, status)
  const byRep = new Map<string, { k: number; expectationId: string; status: ReportStatus }[]>();
  for (const item of items) {
    const k = periods.findIndex((p) => p.start <= item.window.end && item.window.end <= p.end);
    if (k < 0) continue;
    const list = byRep.get(item.repId) ?? [];
    list.push({ k, expectationId: item.expectationId, status: item.status });
    byRep.set(item.repId, list);
  }
  return (repId, k, span, expectationId) =>
    tallyReports(
      (byRep.get(repId) ?? [])
        .filter((e) => e.k >= k && e.k < k + span && (expectationId === null || e.expectationId === expectationId))
        .map((e) => e.status),
    );
}
