import { sql } from 'drizzle-orm';
import { check, foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { userRole } from './enums';
import { organizations } from './organizations';
import { teams } from './teams';
import { users } from './users';

/**
 * An e-mail invitation to join an org. The link carries `<org id>.<token>`; only
 * HMAC-SHA256(session secret, token) is kept, so a copy of this table cannot be used to accept.
 * Single use: accepting sets `accepted_at` in the same statement that checks it is still open.
 */
export const invitations = pgTable(
  'invitations',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    /** Lower-cased, like users.email. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: userRole('role').notNull(),
    teamId: uuid('team_id'),
    /** HMAC of the link's token, hex. */
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    /** The user the acceptance created. */
    acceptedUserId: uuid('accepted_user_id'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }).onDelete('cascade'),
    // Composite keys keep the team and the people inside the same org.
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }),
    foreignKey({ columns: [t.orgId, t.invitedBy], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.revokedBy], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.acceptedUserId], foreignColumns: [users.orgId, users.id] }),
    uniqueIndex('invitations_token').on(t.orgId, t.tokenHash),
    // One open invitation per address: inviting again replaces the earlier one.
    uniqueIndex('invitations_one_open')
      .on(t.orgId, t.email)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
    index('invitations_by_time').on(t.orgId, t.createdAt),
    check('invitations_email_lowercase', sql`${t.email} = lower(${t.email})`),
    check('invitations_closed_once', sql`${t.acceptedAt} is null or ${t.revokedAt} is null`),
  ],
);
