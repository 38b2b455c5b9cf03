import { sql } from 'drizzle-orm';
import { bigint, boolean, check, char, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The tenant. Every other table carries its id first in its primary key. */
export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    slug: text('slug').notNull().unique(),
    timeZone: text('time_zone').notNull().default('UTC'),
    currency: char('currency', { length: 3 }).notNull().default('USD'),
    /** 0 = Sunday, 1 = Monday (ISO weeks) … as the org plans its weeks. */
    weekStartsOn: smallint('week_starts_on').notNull().default(1),
    /** Set only by the demo seed; the seed refuses to touch an org without it. */
    isDemo: boolean('is_demo').notNull().default(false),
    /**
     * Bumped whenever the org's activities or opportunities change (with the rollups), so caches
     * of derived data (forecast inputs) know when they are stale, on every server instance.
     */
    dataVersion: bigint('data_version', { mode: 'number' }).notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('organizations_week_starts_on_range', sql`${t.weekStartsOn} between 0 and 6`)],
);
