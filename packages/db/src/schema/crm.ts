import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations } from './organizations';

/**
 * Records as they come from a CRM. `source` + `external_id` is the idempotency key: importing
 * the same export twice finds the same row instead of adding another.
 */
export const accounts = pgTable(
  'accounts',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    industry: text('industry'),
    source: text('source').notNull(),
    externalId: text('external_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }).onDelete('cascade'),
    uniqueIndex('accounts_external_unique').on(t.orgId, t.source, t.externalId),
    index('accounts_name').on(t.orgId, sql`lower(${t.name})`),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    accountId: uuid('account_id'),
    name: text('name').notNull(),
    email: text('email'),
    title: text('title'),
    source: text('source').notNull(),
    externalId: text('external_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }),
    uniqueIndex('contacts_external_unique').on(t.orgId, t.source, t.externalId),
    index('contacts_account').on(t.orgId, t.accountId),
  ],
);

/** A product or service line. The leader's strategic weight says how much the strategy needs it sold. */
export const offerings = pgTable(
  'offerings',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    /** 0 = not strategic, 1 = fully strategic; weights new pipeline in the "right thing" mix. */
    strategicWeight: doublePrecision('strategic_weight').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }).onDelete('cascade'),
    uniqueIndex('offerings_name_unique').on(t.orgId, t.name),
    check('offerings_strategic_weight_range', sql`${t.strategicWeight} between 0 and 1`),
  ],
);
