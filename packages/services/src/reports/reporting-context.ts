import {
  addDays,
  cadenceSegments,
  isMeasurable,
  reportingWindows,
  startOfLocalDay,
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
  /**
   * Windows by the cadence settings that reach a rep and the range: most reps share the org's
   * or their team's, so a thousand reps need a handful of window computations, not a thousand.
   */
  windowCache: Map<string, ReportingWindow[]>;
}

export async function loadReportingContext(deps: ServiceDeps, viewer: Viewer): Promise<ReportingContext> {
  const [ctx, settings, cadences] = await Promise.all([
    loadAssessmentContext(deps, viewer),
    getReportingSettings(deps.db, { orgId: viewer.orgId }),
    listCadences(deps.db, { orgId: viewer.orgId }),
  ]);
  return withReporting(ctx, settings, cadences);
}

/**
 * The reporting context of a whole org, for work done on the org's behalf rather than a signed-in
 * user's (the reminder rounds, the demo seed): everyone is visible, as to an admin.
 */
export function loadOrgReportingContext(deps: ServiceDeps, params: { orgId: string }): Promise<ReportingContext> {
  return loadReportingContext(deps, { orgId: params.orgId, userId: SYSTEM_USER_ID, role: 'admin' });
}

/** Stands for "the system" where a viewer is needed; it matches no user row. */
const SYSTEM_USER_ID = '00000000-0000-0000-0000-000000000000';

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
  return { ...ctx, settings, cadences, reported, windowCache: new Map() };
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
  const chain = teamChain(ctx, repId);
  const reaching = ctx.cadences.filter(
    (c) =>
      c.level === 'org' ||
      (c.level === 'team' && chain.includes(c.subjectId ?? '')) ||
      (c.level === 'rep' && c.subjectId === repId),
  );
  // Which team a setting came from matters only for precedence, which the chain order decides.
  const key = `${reaching.map((c) => `${c.id}@${c.level === 'team' ? chain.indexOf(c.subjectId ?? '') : c.level}`).join(',')}|${range.start}|${range.end}`;
  const cached = ctx.windowCache.get(key);
  if (cached) return cached;
  // Windows are calendar-aligned: compute a month either side so the first and last windows are
  // whole (not cut at the range's edges), then keep those that overlap the range.
  const segments = cadenceSegments({
    settings: reaching,
    repId,
    teamChain: chain,
    range: { start: shiftMonth(range.start, -1), end: shiftMonth(range.end, 2) },
    fallback: FALLBACK_CADENCE,
  });
  const windows = reportingWindows(segments, {
    timeZone: ctx.org.timeZone,
    dueTime: ctx.settings.dueTime,
    reminderTime: ctx.settings.reminderTime,
  }).filter((w) => w.end >= range.start && w.start <= range.end);
  ctx.windowCache.set(key, windows);
  return windows;
}

/** The first day of the month `months` away (the day itself is not kept). */
function shiftMonth(date: IsoDate, months: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months, 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The moment report statuses are judged at for an as-of date: now for today, else the end of
 * that day on the org's clock (a report filed later is not counted, one still open is due).
 */
export function judgedAt(now: Date, params: { asOf: IsoDate; today: IsoDate; timeZone: string }): Date {
  return params.asOf === params.today ? now : startOfLocalDay(addDays(params.asOf, 1), params.timeZone);
}
