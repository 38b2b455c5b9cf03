import { eq, sql } from 'drizzle-orm';
import type { Database } from '../database';
import { scopeTransactionToOrg } from '../org-scope';
import {
  accounts,
  assessmentSnapshots,
  auditLog,
  coachingCommitments,
  coachingPlans,
  coachingSessions,
  ladderSteps,
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
  apiTokens,
  contacts,
  importFileChunks,
  importRowErrors,
  imports,
  offerings,
  opportunities,
  opportunityStageChanges,
  organizations,
  passwordResetTokens,
  repDayRollups,
  repMonthPipelineRollups,
  repMonthRollups,
  sessions,
  ssoLoginStates,
  ssoSettings,
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
  // A savepoint when the caller already runs a transaction; the audit-log setting below must not
  // outlive the deletion, so it is transaction-local and this needs a transaction of its own.
  await db.transaction(async (tx) => deleteOrganizationRows(tx as unknown as Database, params));
}

async function deleteOrganizationRows(db: Database, params: { orgId: string }): Promise<void> {
  const { orgId } = params;
  // The audit log is append-only (a trigger refuses UPDATE and DELETE). Removing the whole org is
  // the one exception: the trigger lets this org's rows go while `rightly.deleting_org` names it,
  // and `set_config(..., true)` keeps the setting to this transaction only.
  await db.execute(sql`select set_config('rightly.deleting_org', ${orgId}, true)`);
  // Row-level security admits only the scoped org's rows: scope this transaction to the org being
  // removed (a caller may be replacing it with another, as the demo seed does), then scope back.
  const previous = await scopeTransactionToOrg(db, { orgId });
  await db.delete(auditLog).where(eq(auditLog.orgId, orgId));
  await db.delete(ladderSteps).where(eq(ladderSteps.orgId, orgId));
  await db.delete(coachingCommitments).where(eq(coachingCommitments.orgId, orgId));
  await db.delete(coachingSessions).where(eq(coachingSessions.orgId, orgId));
  await db.delete(coachingPlans).where(eq(coachingPlans.orgId, orgId));
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
  await db.delete(repMonthRollups).where(eq(repMonthRollups.orgId, orgId));
  await db.delete(repMonthPipelineRollups).where(eq(repMonthPipelineRollups.orgId, orgId));
  await db.delete(activities).where(eq(activities.orgId, orgId));
  await db.delete(opportunityStageChanges).where(eq(opportunityStageChanges.orgId, orgId));
  await db.delete(opportunities).where(eq(opportunities.orgId, orgId));
  await db.delete(contacts).where(eq(contacts.orgId, orgId));
  await db.delete(accounts).where(eq(accounts.orgId, orgId));
  await db.delete(offerings).where(eq(offerings.orgId, orgId));
  await db.delete(sessions).where(eq(sessions.orgId, orgId));
  await db.delete(passwordResetTokens).where(eq(passwordResetTokens.orgId, orgId));
  await db.delete(apiTokens).where(eq(apiTokens.orgId, orgId));
  await db.delete(ssoLoginStates).where(eq(ssoLoginStates.orgId, orgId));
  await db.delete(ssoSettings).where(eq(ssoSettings.orgId, orgId));
  await db.delete(teamMemberships).where(eq(teamMemberships.orgId, orgId));
  // Teams point at their parents and leaders: clear those links before deleting rows.
  await db.update(teams).set({ parentId: null, leaderId: null }).where(eq(teams.orgId, orgId));
  await db.delete(teams).where(eq(teams.orgId, orgId));
  await db.delete(users).where(eq(users.orgId, orgId));
  await db.delete(organizations).where(eq(organizations.id, orgId));
  await scopeTransactionToOrg(db, { orgId: previous || null });
}
