import { eq } from 'drizzle-orm';
import type { Database } from '../database';
import {
  accounts,
  assessmentSnapshots,
  notificationDeliveries,
  notificationPreferences,
  notifications,
  reportingCadences,
  reportingSettings,
  selfReports,
  customMeasureRollups,
  customMetrics,
  expectations,
  repDayPipelineRollups,
  activities,
  contacts,
  importFileChunks,
  importRowErrors,
  imports,
  offerings,
  opportunities,
  opportunityStageChanges,
  organizations,
  repDayRollups,
  sessions,
  teamMemberships,
  teams,
  users,
} from '../schema/index';

/**
 * Removes an organization and everything it owns. Children go first, table by table, so each
 * step is one set-based delete; a single cascading delete would check every foreign key row by
 * row. Run it inside a transaction.
 */
export async function deleteOrganization(db: Database, params: { orgId: string }): Promise<void> {
  const { orgId } = params;
  await db.delete(notificationDeliveries).where(eq(notificationDeliveries.orgId, orgId));
  await db.delete(notifications).where(eq(notifications.orgId, orgId));
  await db.delete(notificationPreferences).where(eq(notificationPreferences.orgId, orgId));
  await db.delete(selfReports).where(eq(selfReports.orgId, orgId));
  await db.delete(reportingCadences).where(eq(reportingCadences.orgId, orgId));
  await db.delete(reportingSettings).where(eq(reportingSettings.orgId, orgId));
  await db.delete(assessmentSnapshots).where(eq(assessmentSnapshots.orgId, orgId));
  await db.delete(expectations).where(eq(expectations.orgId, orgId));
  await db.delete(customMeasureRollups).where(eq(customMeasureRollups.orgId, orgId));
  await db.delete(customMetrics).where(eq(customMetrics.orgId, orgId));
  await db.delete(repDayPipelineRollups).where(eq(repDayPipelineRollups.orgId, orgId));
  await db.delete(importFileChunks).where(eq(importFileChunks.orgId, orgId));
  await db.delete(importRowErrors).where(eq(importRowErrors.orgId, orgId));
  await db.delete(imports).where(eq(imports.orgId, orgId));
  await db.delete(repDayRollups).where(eq(repDayRollups.orgId, orgId));
  await db.delete(activities).where(eq(activities.orgId, orgId));
  await db.delete(opportunityStageChanges).where(eq(opportunityStageChanges.orgId, orgId));
  await db.delete(opportunities).where(eq(opportunities.orgId, orgId));
  await db.delete(contacts).where(eq(contacts.orgId, orgId));
  await db.delete(accounts).where(eq(accounts.orgId, orgId));
  await db.delete(offerings).where(eq(offerings.orgId, orgId));
  await db.delete(sessions).where(eq(sessions.orgId, orgId));
  await db.delete(teamMemberships).where(eq(teamMemberships.orgId, orgId));
  // Teams point at their parents and leaders: clear those links before deleting rows.
  await db.update(teams).set({ parentId: null, leaderId: null }).where(eq(teams.orgId, orgId));
  await db.delete(teams).where(eq(teams.orgId, orgId));
  await db.delete(users).where(eq(users.orgId, orgId));
  await db.delete(organizations).where(eq(organizations.id, orgId));
}
