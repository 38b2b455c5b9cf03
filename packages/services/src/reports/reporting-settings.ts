import { AppError, type ReportingSettings, type Viewer } from '@rightly/core';
import { getReportingSettings as load, saveReportingSettings } from '@rightly/db';
import type { ServiceDeps } from '../deps';

/** The org's self-reporting settings; everyone signed in may read them (they set due dates). */
export async function getReportingSettings(deps: ServiceDeps, input: { viewer: Viewer }): Promise<ReportingSettings> {
  return load(deps.db, { orgId: input.viewer.orgId });
}

/**
 * Admins set when reports fall due, when reminders and digests go out, how far a report may
 * differ from the CRM, and after how many periods Rightly suggests a shorter or usual cadence.
 */
export async function updateReportingSettings(
  deps: ServiceDeps,
  input: { viewer: Viewer; settings: ReportingSettings },
): Promise<ReportingSettings> {
  if (input.viewer.role !== 'admin') {
    throw new AppError({ code: 'forbidden', message: 'Only an admin changes the reporting settings.' });
  }
  await saveReportingSettings(deps.db, { orgId: input.viewer.orgId, settings: input.settings });
  return load(deps.db, { orgId: input.viewer.orgId });
}
