import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../database';
import { notificationPreferences } from '../../schema/index';

export interface PreferencesRow {
  email: boolean;
  slack: boolean;
  slackWebhookUrl: string | null;
  reminders: boolean;
  overdue: boolean;
  digest: boolean;
}

/** What a user gets until they choose: e-mail for everything, no Slack. */
export const DEFAULT_PREFERENCES: PreferencesRow = {
  email: true,
  slack: false,
  slackWebhookUrl: null,
  reminders: true,
  overdue: true,
  digest: true,
};

export async function loadPreferences(
  db: Database,
  params: { orgId: string; userIds: readonly string[] },
): Promise<Map<string, PreferencesRow>> {
  const found = new Map<string, PreferencesRow>();
  if (params.userIds.length === 0) return found;
  const rows = await db
    .select()
    .from(notificationPreferences)
    .where(
      and(
        eq(notificationPreferences.orgId, params.orgId),
        inArray(notificationPreferences.userId, [...params.userIds]),
      ),
    );
  for (const r of rows) {
    found.set(r.userId, {
      email: r.email,
      slack: r.slack,
      slackWebhookUrl: r.slackWebhookUrl,
      reminders: r.reminders,
      overdue: r.overdue,
      digest: r.digest,
    });
  }
  return found;
}

export async function savePreferences(
  db: Database,
  params: { orgId: string; userId: string; preferences: Partial<PreferencesRow>; now: Date },
): Promise<void> {
  await db
    .insert(notificationPreferences)
    .values({ orgId: params.orgId, userId: params.userId, ...DEFAULT_PREFERENCES, ...params.preferences })
    .onConflictDoUpdate({
      target: [notificationPreferences.orgId, notificationPreferences.userId],
      set: { ...params.preferences, updatedAt: params.now },
    });
}
