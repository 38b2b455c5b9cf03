import { addDays, AppError, isIsoDate, type IsoDate, type SelfReportItem, type Viewer } from '@rightly/core';
import type { ServiceDeps } from '../deps';
import { resolveReps } from '../assessment/resolve-scope';
import { buildReportItems } from './report-items';
import { judgedAt, loadReportingContext } from './reporting-context';

/**
 * What is due as of a date, for `rightly reports due`: reports still open whose due date is at
 * most a week ahead, and those overdue in the four weeks before.
 */
export async function reportsDue(
  deps: ServiceDeps,
  input: { viewer: Viewer; asOf?: IsoDate; team?: string },
): Promise<{ asOf: IsoDate; timeZone: string; items: SelfReportItem[] }> {
  const ctx = await loadReportingContext(deps, input.viewer);
  if (input.asOf !== undefined && !isIsoDate(input.asOf)) {
    throw new AppError({
      code: 'validation_failed',
      message: `--as-of must be a date like 2026-01-31, not "${input.asOf}".`,
      issues: [{ field: '--as-of', message: 'must be a date like 2026-01-31' }],
    });
  }
  const asOf = input.asOf ?? ctx.today;
  const now = judgedAt(deps.now(), { asOf, today: ctx.today, timeZone: ctx.org.timeZone });
  const repIds = resolveReps(ctx, { team: input.team ?? null });
  const items = await buildReportItems(deps, {
    ctx: { ...ctx, today: asOf },
    repIds,
    range: { start: addDays(asOf, -28), end: asOf },
    now,
  });
  const horizon = now.getTime() + 7 * 86_400_000;
  return {
    asOf,
    timeZone: ctx.org.timeZone,
    items: items.filter(
      (i) => i.status === 'overdue' || (i.status === 'open' && new Date(i.dueAt).getTime() <= horizon),
    ),
  };
}
