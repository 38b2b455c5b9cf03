import { AppError, type DiscrepancyResolution, type SelfReportItem, type Viewer } from '@rightly/core';
import { findSelfReport, resolveSelfReport } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { buildReportItems } from './report-items';
import { loadReportingContext } from './reporting-context';

export interface ResolveDiscrepancyInput {
  viewer: Viewer;
  id: string;
  resolution: DiscrepancyResolution;
  note: string;
  correctedValue?: number;
}

/**
 * A leader settles a gap between a report and the CRM: the activity is missing in the CRM (the
 * rep should log it), the report is corrected (the corrected value stands, the first one is
 * kept), or it is noted. Only leaders above the rep and admins may.
 */
export async function resolveDiscrepancy(deps: ServiceDeps, input: ResolveDiscrepancyInput): Promise<SelfReportItem> {
  const { viewer } = input;
  const ctx = await loadReportingContext(deps, viewer);
  const stored = await findSelfReport(deps.db, { orgId: viewer.orgId, id: input.id });
  // Another team's report, or another org's id, is simply not found: nothing leaks.
  if (!stored || !ctx.visibleReps.some((r) => r.id === stored.repId)) {
    throw new AppError({ code: 'not_found', message: 'No such self-report among those you can see.' });
  }
  if (viewer.role === 'rep') {
    throw new AppError({ code: 'forbidden', message: 'Only a leader of the rep or an admin resolves a discrepancy.' });
  }
  if (input.resolution === 'report_corrected' && input.correctedValue === undefined) {
    throw new AppError({
      code: 'validation_failed',
      message: 'Give the corrected value when the report is corrected.',
      issues: [{ field: 'correctedValue', message: 'is required with report_corrected' }],
    });
  }
  await resolveSelfReport(deps.db, {
    orgId: viewer.orgId,
    id: stored.id,
    resolution: input.resolution,
    note: input.note,
    correctedValue: input.resolution === 'report_corrected' ? (input.correctedValue ?? null) : null,
    resolvedBy: viewer.userId,
    now: deps.now(),
  });
  const items = await buildReportItems(deps, {
    ctx,
    repIds: [stored.repId],
    range: { start: stored.windowStart, end: stored.windowStart },
  });
  const item = items.find((i) => i.id === stored.id);
  if (!item) throw new Error('a resolved report could not be read back');
  return item;
}
