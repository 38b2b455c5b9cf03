import { AppError, type SelfReportItem, type SubmitSelfReportBody, type Viewer } from '@rightly/core';
import { saveSelfReport } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { buildReportItems } from './report-items';
import { loadReportingContext, windowsForRep } from './reporting-context';

export interface SubmitSelfReportInput {
  viewer: Viewer;
  report: SubmitSelfReportBody;
}

/**
 * A rep files (or corrects) their own report for one expectation and window. Reports are the
 * rep's own word, so nobody files one on a rep's behalf. After the due date a report is still
 * accepted and stays marked late; a window that has not begun cannot be reported yet.
 */
export async function submitSelfReport(deps: ServiceDeps, input: SubmitSelfReportInput): Promise<SelfReportItem> {
  const { viewer, report } = input;
  if (viewer.role !== 'rep') {
    throw new AppError({
      code: 'forbidden',
      message: 'Self-reports are filed by the rep themselves; leaders resolve discrepancies instead.',
    });
  }
  const ctx = await loadReportingContext(deps, viewer);
  const reported = ctx.reported.find((r) => r.expectation.id === report.expectationId);
  const item = (
    await buildReportItems(deps, {
      ctx,
      repIds: [viewer.userId],
      range: { start: report.windowStart, end: report.windowStart },
    })
  ).find((i) => i.expectationId === report.expectationId && i.window.start === report.windowStart);
  if (!reported || !item) {
    const windows = windowsForRep(ctx, viewer.userId, { start: report.windowStart, end: report.windowStart });
    const starts = windows.map((w) => w.start).join(', ');
    throw new AppError({
      code: 'validation_failed',
      message: !reported
        ? 'That expectation does not ask you for a self-report.'
        : report.windowStart > ctx.today
          ? `The window starting ${report.windowStart} has not begun yet; report it once it has.`
          : `No reporting window of yours starts on ${report.windowStart}${starts ? ` (the one around it starts ${starts})` : ''}.`,
      issues: [{ field: !reported ? 'expectationId' : 'windowStart', message: 'no such report is due from you' }],
    });
  }
  await saveSelfReport(deps.db, {
    orgId: viewer.orgId,
    repId: viewer.userId,
    expectationId: report.expectationId,
    windowStart: item.window.start,
    windowEnd: item.window.end,
    cadence: item.window.cadence,
    dueAt: new Date(item.dueAt),
    value: report.value,
    comment: report.comment,
    measured: item.measured,
    submittedBy: viewer.userId,
    now: deps.now(),
  });
  const [saved] = (
    await buildReportItems(deps, {
      ctx,
      repIds: [viewer.userId],
      range: { start: item.window.start, end: item.window.start },
    })
  ).filter((i) => i.expectationId === report.expectationId && i.window.start === item.window.start);
  if (!saved) throw new Error('a filed report could not be read back');
  return saved;
}
