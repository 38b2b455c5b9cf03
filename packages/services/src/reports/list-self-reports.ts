import {
  addDays,
  AppError,
  isIsoDate,
  type IsoDate,
  type SelfReportItem,
  type SelfReportsResponse,
  type Viewer,
} from '@rightly/core';
import type { ServiceDeps } from '../deps';
import { resolveReps } from '../assessment/resolve-scope';
import { buildReportItems } from './report-items';
import { loadReportingContext } from './reporting-context';

export interface ListSelfReportsInput {
  viewer: Viewer;
  repId?: string;
  team?: string;
  from?: IsoDate;
  to?: IsoDate;
  status?: SelfReportItem['status'] | 'discrepancy';
}

/** How far back the list reaches by default: two months of weekly reports. */
const DEFAULT_WEEKS = 8;

/**
 * Self-reports the viewer may see: a rep their own, a leader their teams', an admin everyone's.
 * `discrepancy` narrows to filed reports the CRM contradicts and no leader has resolved yet.
 */
export async function listSelfReports(deps: ServiceDeps, input: ListSelfReportsInput): Promise<SelfReportsResponse> {
  const ctx = await loadReportingContext(deps, input.viewer);
  const to = input.to ?? ctx.today;
  const from = input.from ?? addDays(ctx.today, -7 * DEFAULT_WEEKS);
  for (const [field, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!isIsoDate(value))
      throw new AppError({
        code: 'validation_failed',
        message: `${field} must be a real date like 2026-01-31.`,
        issues: [{ field, message: 'no such date' }],
      });
  }
  if (from > to)
    throw new AppError({
      code: 'validation_failed',
      message: 'from must not be after to.',
      issues: [{ field: 'from', message: 'must not be after to' }],
    });
  if (to > addDays(from, 400))
    throw new AppError({
      code: 'validation_failed',
      message: 'Ask for at most about a year (400 days) of reports at a time.',
      issues: [{ field: 'from', message: 'at most 400 days before to' }],
    });
  const repIds = resolveReps(ctx, { team: input.team ?? null, repId: input.repId ?? null });
  const all = await buildReportItems(deps, { ctx, repIds, range: { start: from, end: to } });
  const items = all.filter((item) =>
    input.status === undefined
      ? true
      : input.status === 'discrepancy'
        ? item.discrepancy !== null && item.resolution === null
        : item.status === input.status,
  );
  return { asOf: deps.now().toISOString(), timeZone: ctx.org.timeZone, items, summary: summarize(all) };
}

function summarize(items: readonly SelfReportItem[]): SelfReportsResponse['summary'] {
  const count = (status: SelfReportItem['status']) => items.filter((i) => i.status === status).length;
  const onTime = count('submitted');
  const late = count('late');
  const overdue = count('overdue');
  return {
    due: onTime + late + overdue,
    onTime,
    late,
    overdue,
    open: count('open'),
    discrepancies: items.filter((i) => i.discrepancy !== null && i.resolution === null).length,
  };
}
