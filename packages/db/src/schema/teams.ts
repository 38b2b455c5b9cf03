import { sql } from 'drizzle-orm';
import { check, foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations';
import { users } from './users';

/** Teams nest (region → team); a team's leader sees it and everything below it. */
export const teams = pgTable(
  'teams',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    parentId: uuid('parent_id'),
    leaderId: uuid('leader_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }).onDelete('cascade'),
    // Composite keys keep a parent or leader inside the same org: no reference can cross tenants.
    foreignKey({ columns: [t.orgId, t.parentId], foreignColumns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.leaderId], foreignColumns: [users.orgId, users.id] }),
    uniqueIndex('teams_name_unique').on(t.orgId, t.name),
    check('teams_not_own_parent', sql`${t.parentId} is distinct from ${t.id}`),
  ],
);

/** Which team a user belongs to and since when; closed rows are the history. */
export const teamMemberships = pgTable(
  'team_memberships',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    teamId: uuid('team_id').notNull(),
    userId: uuid('user_id').notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validTo: timestamp('valid_to', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }),
    // A user belongs to one team at a time.
    uniqueIndex('team_memberships_one_open')
      .on(t.orgId, t.userId)
      .where(sql`${t.validTo} is null`),
    index('team_memberships_team').on(t.orgId, t.teamId),
    check('team_memberships_valid_range', sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
  ],
);
