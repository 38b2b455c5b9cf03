import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts, contacts, offerings } from './crm';
import { activityChannel, activityOutcome, activityType, opportunityStatus } from './enums';
import { organizations } from './organizations';
import { users } from './users';

export const opportunities = pgTable(
  'opportunities',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    repId: uuid('rep_id').notNull(),
    accountId: uuid('account_id'),
    offeringId: uuid('offering_id'),
    name: text('name').notNull(),
    /** Exact decimal: money is never a float. */
    amount: numeric('amount', { precision: 14, scale: 2 }).notNull().default('0'),
    currency: char('currency', { length: 3 }).notNull(),
    stage: text('stage').notNull(),
    status: opportunityStatus('status').notNull().default('open'),
    /** The engage date: when the opportunity was opened in the CRM. */
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** Expected close date while open; the actual one once won or lost. */
    closeDate: date('close_date', { mode: 'string' }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    source: text('source').notNull(),
    externalId: text('external_id').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.repId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }),
    foreignKey({ columns: [t.orgId, t.offeringId], foreignColumns: [offerings.orgId, offerings.id] }),
    uniqueIndex('opportunities_external_unique').on(t.orgId, t.source, t.externalId),
    index('opportunities_rep_created').on(t.orgId, t.repId, t.createdAt),
    index('opportunities_account_created').on(t.orgId, t.accountId, t.createdAt),
    index('opportunities_offering').on(t.orgId, t.offeringId),
    check('opportunities_amount_not_negative', sql`${t.amount} >= 0`),
    check('opportunities_closed_has_date', sql`${t.status} = 'open' or ${t.closedAt} is not null`),
  ],
);

/** Every stage an opportunity entered, in order; stage conversion and cycle lengths come from here. */
export const opportunityStageChanges = pgTable(
  'opportunity_stage_changes',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    opportunityId: uuid('opportunity_id').notNull(),
    stage: text('stage').notNull(),
    status: opportunityStatus('status').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }).onDelete('cascade'),
    foreignKey({
      columns: [t.orgId, t.opportunityId],
      foreignColumns: [opportunities.orgId, opportunities.id],
    }).onDelete('cascade'),
    index('opportunity_stage_changes_opportunity').on(t.orgId, t.opportunityId, t.changedAt),
  ],
);

export const activities = pgTable(
  'activities',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    repId: uuid('rep_id').notNull(),
    accountId: uuid('account_id'),
    contactId: uuid('contact_id'),
    opportunityId: uuid('opportunity_id'),
    type: activityType('type').notNull(),
    channel: activityChannel('channel'),
    outcome: activityOutcome('outcome'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    subject: text('subject'),
    durationSeconds: integer('duration_seconds'),
    source: text('source').notNull(),
    externalId: text('external_id').notNull(),
    /** Derived on ingest: a touch on an account before any opportunity with it exists. */
    prospecting: boolean('prospecting').notNull().default(false),
    /** Derived on ingest: 1 for the rep's first held meeting with the account, 2 for the second … */
    meetingNumber: integer('meeting_number'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.repId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }),
    foreignKey({ columns: [t.orgId, t.contactId], foreignColumns: [contacts.orgId, contacts.id] }),
    foreignKey({
      columns: [t.orgId, t.opportunityId],
      foreignColumns: [opportunities.orgId, opportunities.id],
    }),
    uniqueIndex('activities_external_unique').on(t.orgId, t.source, t.externalId),
    index('activities_rep_occurred').on(t.orgId, t.repId, t.occurredAt),
    index('activities_account_occurred').on(t.orgId, t.accountId, t.occurredAt),
    // Backs the foreign key: deleting or merging an opportunity must not scan every activity.
    index('activities_opportunity').on(t.orgId, t.opportunityId),
    // The forecast reads every first meeting; they are a small share of all activities.
    index('activities_first_meetings')
      .on(t.orgId, t.repId, t.occurredAt)
      .where(sql`${t.meetingNumber} = 1`),
    check('activities_duration_not_negative', sql`${t.durationSeconds} is null or ${t.durationSeconds} >= 0`),
    check('activities_meeting_number_positive', sql`${t.meetingNumber} is null or ${t.meetingNumber} > 0`),
  ],
);
