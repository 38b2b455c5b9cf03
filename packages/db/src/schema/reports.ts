import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { expectations } from './expectations';
import { organizations } from './organizations';
import { users } from './users';

/** How an org runs self-reporting: when reports fall due, when reminders go out, when to flag. */
export const reportingSettings = pgTable(
  'reporting_settings',
  {
    orgId: uuid('org_id').notNull(),
    /** `HH:MM` on the org's clock, on the next working day after a window closes. */
    dueTime: text('due_time').notNull().default('09:00'),
    /** `HH:MM` on the window's last working day. */
    reminderTime: text('reminder_time').notNull().default('15:00'),
    /** Hours after the due time before the rep gets an overdue notice. */
    overdueAfterHours: smallint('overdue_after_hours').notNull().default(2),
    discrepancyTolerancePercent: numeric('discrepancy_tolerance_percent', { precision: 6, scale: 2 })
      .notNull()
      .default('10'),
    shortenAfterPeriods: smallint('shorten_after_periods').notNull().default(2),
    relaxAfterPeriods: smallint('relax_after_periods').notNull().default(3),
    /** ISO weekday (1 = Monday) and `HH:MM` of the leaders' weekly digest. */
    digestWeekday: smallint('digest_weekday').notNull().default(1),
    digestTime: text('digest_time').notNull().default('08:00'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }).onDelete('cascade'),
    check(
      'reporting_settings_times',
      sql`${t.dueTime} ~ '^[0-2][0-9]:[0-5][0-9]$' and ${t.reminderTime} ~ '^[0-2][0-9]:[0-5][0-9]$' and ${t.digestTime} ~ '^[0-2][0-9]:[0-5][0-9]$'`,
    ),
    check('reporting_settings_digest_weekday', sql`${t.digestWeekday} between 1 and 7`),
  ],
);

/**
 * Reporting cadences with their history: the org default, team overrides and rep overrides.
 * A change ends the current row (`effective_to`) and starts a new one from the next day, so
 * windows that have begun never change their start, and nothing is rewritten.
 */
export const reportingCadences = pgTable(
  'reporting_cadences',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    level: text('level').notNull(),
    /** `org`, or the team's or rep's id: one current row per subject. */
    subject: text('subject').notNull(),
    cadence: text('cadence').notNull(),
    reason: text('reason').notNull().default(''),
    reviewOn: date('review_on', { mode: 'string' }),
    setBy: uuid('set_by'),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveTo: date('effective_to', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }).onDelete('cascade'),
    uniqueIndex('reporting_cadences_current')
      .on(t.orgId, t.level, t.subject)
      .where(sql`${t.effectiveTo} is null`),
    check('reporting_cadences_level', sql`${t.level} in ('org', 'team', 'rep')`),
    check('reporting_cadences_cadence', sql`${t.cadence} in ('daily', 'twice_weekly', 'weekly', 'monthly')`),
    check('reporting_cadences_dates', sql`${t.effectiveTo} is null or ${t.effectiveTo} > ${t.effectiveFrom}`),
  ],
);

/**
 * A rep's own result for an expectation and a reporting window. `submitted_at` is the first
 * submission and decides lateness; edits move `updated_at` only. A leader's resolution of a
 * discrepancy is kept beside it, with the value first reported when the report was corrected.
 */
export const selfReports = pgTable(
  'self_reports',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    repId: uuid('rep_id').notNull(),
    expectationId: uuid('expectation_id').notNull(),
    windowStart: date('window_start', { mode: 'string' }).notNull(),
    windowEnd: date('window_end', { mode: 'string' }).notNull(),
    cadence: text('cadence').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    reportedValue: numeric('reported_value', { precision: 18, scale: 4 }).notNull(),
    comment: text('comment').notNull().default(''),
    /** What the CRM showed when the rep submitted. */
    measuredAtSubmit: numeric('measured_at_submit', { precision: 18, scale: 4 }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    submittedBy: uuid('submitted_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    resolution: text('resolution'),
    resolutionNote: text('resolution_note').notNull().default(''),
    originalValue: numeric('original_value', { precision: 18, scale: 4 }),
    resolvedBy: uuid('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.repId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
    foreignKey({
      columns: [t.orgId, t.expectationId],
      foreignColumns: [expectations.orgId, expectations.id],
    }).onDelete('cascade'),
    uniqueIndex('self_reports_window_unique').on(t.orgId, t.repId, t.expectationId, t.windowStart),
    index('self_reports_by_window').on(t.orgId, t.windowEnd),
    check('self_reports_window', sql`${t.windowEnd} >= ${t.windowStart}`),
    check(
      'self_reports_resolution',
      sql`${t.resolution} is null or ${t.resolution} in ('missing_in_crm', 'report_corrected', 'noted')`,
    ),
  ],
);

/**
 * Every message Rightly sends, as the in-app list shows it. `dedupe_key` names what it is about
 * (`reminder:<rep>:<window>`); the unique index is what makes two server instances create a
 * message once, and a restart never create it again.
 */
export const notifications = pgTable(
  'notifications',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    bodyHtml: text('body_html').notNull(),
    bodySlack: text('body_slack').notNull(),
    link: text('link').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
    uniqueIndex('notifications_dedupe').on(t.orgId, t.dedupeKey),
    index('notifications_by_user').on(t.orgId, t.userId, t.createdAt),
  ],
);

/**
 * The durable job of sending one notification over one channel. Workers claim pending rows
 * with `for update skip locked`, so each is sent by exactly one instance; a claim that is never
 * finished (a crash) is taken up again after it expires.
 */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    notificationId: uuid('notification_id').notNull(),
    channel: text('channel').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    claimedBy: text('claimed_by'),
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastError: text('last_error'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.notificationId],
      foreignColumns: [notifications.orgId, notifications.id],
    }).onDelete('cascade'),
    uniqueIndex('notification_deliveries_once').on(t.orgId, t.notificationId, t.channel),
    index('notification_deliveries_due').on(t.status, t.nextAttemptAt),
    check('notification_deliveries_channel', sql`${t.channel} in ('email', 'slack')`),
    check('notification_deliveries_status', sql`${t.status} in ('pending', 'sending', 'sent', 'failed')`),
  ],
);

/** Per user: which channels and which kinds of message. In-app notifications are always kept. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    orgId: uuid('org_id').notNull(),
    userId: uuid('user_id').notNull(),
    email: boolean('email').notNull().default(true),
    slack: boolean('slack').notNull().default(false),
    slackWebhookUrl: text('slack_webhook_url'),
    reminders: boolean('reminders').notNull().default(true),
    overdue: boolean('overdue').notNull().default(true),
    digest: boolean('digest').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId] }),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
  ],
);
