import { eq } from 'drizzle-orm';
import type { Database } from '../../database';
import { reportingSettings } from '../../schema/index';

export interface ReportingSettingsRow {
  dueTime: string;
  reminderTime: string;
  overdueAfterHours: number;
  discrepancyTolerancePercent: number;
  shortenAfterPeriods: number;
  relaxAfterPeriods: number;
  digestWeekday: number;
  digestTime: string;
}

/** The defaults an org has until an admin changes them (the same as the column defaults). */
export const DEFAULT_REPORTING_SETTINGS: ReportingSettingsRow = {
  dueTime: '09:00',
  reminderTime: '15:00',
  overdueAfterHours: 2,
  discrepancyTolerancePercent: 10,
  shortenAfterPeriods: 2,
  relaxAfterPeriods: 3,
  digestWeekday: 1,
  digestTime: '08:00',
};

export async function getReportingSettings(db: Database, params: { orgId: string }): Promise<ReportingSettingsRow> {
  const [row] = await db.select().from(reportingSettings).where(eq(reportingSettings.orgId, params.orgId));
  if (!row) return DEFAULT_REPORTING_SETTINGS;
  return { ...row, discrepancyTolerancePercent: Number(row.discrepancyTolerancePercent) };
}

export async function saveReportingSettings(
  db: Database,
  params: { orgId: string; settings: Partial<ReportingSettingsRow> },
): Promise<void> {
  const values = {
    ...params.settings,
    discrepancyTolerancePercent:
      params.settings.discrepancyTolerancePercent === undefined
        ? undefined
        : String(params.settings.discrepancyTolerancePercent),
  };
  await db
    .insert(reportingSettings)
    .values({ orgId: params.orgId, ...values })
    .onConflictDoUpdate({ target: reportingSettings.orgId, set: { ...values, updatedAt: new Date() } });
}
