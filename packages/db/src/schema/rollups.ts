import { date, foreignKey, integer, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations';
import { users } from './users';

/**
 * Per rep and local day, maintained whenever activities are written. Dashboards and assessments
 * read these instead of scanning raw activities on every request.
 */
export const repDayRollups = pgTable(
  'rep_day_rollups',
  {
    orgId: uuid('org_id').notNull(),
    repId: uuid('rep_id').notNull(),
    /** The day on the org's wall clock. */
    day: date('day', { mode: 'string' }).notNull(),
    activities: integer('activities').notNull().default(0),
    calls: integer('calls').notNull().default(0),
    emails: integer('emails').notNull().default(0),
    meetingsHeld: integer('meetings_held').notNull().default(0),
    firstMeetingsHeld: integer('first_meetings_held').notNull().default(0),
    secondMeetingsHeld: integer('second_meetings_held').notNull().default(0),
    meetingsBooked: integer('meetings_booked').notNull().default(0),
    prospectingTouches: integer('prospecting_touches').notNull().default(0),
    prospectingPhone: integer('prospecting_phone').notNull().default(0),
    prospectingEmail: integer('prospecting_email').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.repId, t.day] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.repId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
  ],
);
