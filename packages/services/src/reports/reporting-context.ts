import {
  cadenceSegments,
  isMeasurable,
  reportingWindows,
  type Expectation,
  type IsoDate,
  type MetricInfo,
  type ReportingCadence,
  type ReportingWindow,
  type Viewer,
} from '@rightly/core';
import { getReportingSettings, listCadences, type ReportingSettingsRow, type StoredCadence } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { loadAssessmentContext, type AssessmentContext } from '../assessment/assessment-context';

/** Without any setting stored, reps report weekly (the playbook's default rhythm). */
export const FALLBACK_CADENCE: ReportingCadence = 'weekly';

export interface ReportedExpectation {
  expectation: Expectation;
  metric: MetricInfo;
}

/** What every self-report and cadence use case needs: the assessment context plus reporting settings. */
export interface ReportingContext extends AssessmentContext {
  settings: ReportingSettingsRow;
  cadences: StoredCadence[];
  /** Expectations that ask for a self-report and whose metric the CRM measures. */
  reported: ReportedExpectation[];
}

export async function loadReportingContext(deps: ServiceDeps, viewer: Viewer): Promise<ReportingContext> {
  const [ctx, settings, cadences] = await Promise.all([
    loadAssessmentContext(deps, viewer),
    getReportingSettings(deps.db, { orgId: viewer.orgId }),
    listCadences(deps.db, { orgId: viewer.orgId }),
  ]);
  return withReporting(ctx, settings, cadences);
}

export function withReporting(
  ctx: AssessmentContext,
  settings: ReportingSettingsRow,
  cadences: StoredCadence[],
): ReportingContext {
  const reported = ctx.expectations.flatMap((expectation) => {
    const metric = ctx.registry.get(expectation.metric);
    // A self-report is compared with the CRM, so it needs a CRM-measured metric.
    if (!expectation.time.selfReport || !metric || !isMeasurable(metric) || metric.measuredFrom) return [];
    return [{ expectation, metric }];
  });
  return { ...ctx, settings, cadences, reported };
}

/** The rep's team first, then each team above it. */
export function teamChain(ctx: AssessmentContext, repId: string): string[] {
  const parents = new Map(ctx.structure.teams.map((t) => [t.id, t.parentId]));
  const chain: string[] = [];
  for (let team = ctx.teamOf.get(repId); team && !chain.includes(team); team = parents.get(team) ?? undefined) {
    chain.push(team);
  }
  return chain;
}

/** The rep's reporting windows that overlap the range, in order. */
export function windowsForRep(
  ctx: ReportingContext,
  repId: string,
  range: { start: IsoDate; end: IsoDate },
): ReportingWindow[] {
  // Windows are calendar-aligned: compute a month either side so the first and last windows are
  // whole (not cut at the range's edges), then keep those that overlap the range.
  const segments = cadenceSegments({
    settings: ctx.cadences,
    repId,
    teamChain: teamChain(ctx, repId),
    range: { start: shiftMonth(range.start, -1), end: shiftMonth(range.end, 2) },
    fallback: FALLBACK_CADENCE,
  });
  return reportingWindows(segments, {
    timeZone: ctx.org.timeZone,
    dueTime: ctx.settings.dueTime,
    reminderTime: ctx.settings.reminderTime,
  }).filter((w) => w.end >= range.start && w.start <= range.end);
}

/** The first day of the month `months` away (the day itself is not kept). */
function shiftMonth(date: IsoDate, months: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months, 1);
  return d.toISOString().slice(0, 10);
}
