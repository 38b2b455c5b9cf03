import { AppError, reportingSettingsSchema, type ReportingSettings, type Viewer } from '@rightly/core';
import { getReportingSettings as load, saveReportingSettings } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { recordOrgAudit } from '../audit/record-audit';

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
  const orgId = input.viewer.orgId;
  // Only the settings themselves (not the row's org id or timestamp) are compared and recorded.
  const before = reportingSettingsSchema.parse(await load(deps.db, { orgId }));
  const after = await deps.db.transaction(async (tx) => {
    await saveReportingSettings(tx, { orgId, settings: input.settings });
    const saved = reportingSettingsSchema.parse(await load(tx, { orgId }));
    await recordOrgAudit(tx, {
      orgId,
      actorId: input.viewer.userId,
      action: 'reporting_settings_changed',
      subjectId: null,
      at: deps.now(),
      summary: `Reporting settings changed (${changedKeys(before, saved).join(', ') || 'nothing different'})`,
      details: { before, after: saved },
    });
    return saved;
  });
  return after;
}

/** The top-level settings whose value differs, for the one-line summary. */
function changedKeys(before: ReportingSettings, after: ReportingSettings): string[] {
  return (Object.keys(after) as (keyof ReportingSettings)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}
