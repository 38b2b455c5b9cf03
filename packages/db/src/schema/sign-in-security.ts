import { foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations';
import { users } from './users';

/**
 * Attempts counted against a limit (failed sign-ins, password-reset requests), one row each, so
 * every server instance on the database sees the same count over a sliding window. Not a tenant
 * table on purpose: a failed sign-in for an unknown e-mail, or from an address, belongs to no
 * organization. `key` is an HMAC of the e-mail or the client address, never the value itself.
 */
export const rateLimitAttempts = pgTable(
  'rate_limit_attempts',
  {
    id: uuid('id').primaryKey(),
    /** What is counted, e.g. `sign_in_account`, `sign_in_address`, `reset_account`, `reset_address`. */
    bucket: text('bucket').notNull(),
    /** HMAC-SHA256 (hex) of the normalised e-mail or the client address. */
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rate_limit_attempts_window').on(t.bucket, t.key, t.at)],
);

/**
 * Password-reset links. The link carries `<org id>.<token>`; only an HMAC of the token is kept.
 * A token works once (`used_at`) and until `expires_at`.
 */
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    orgId: uuid('org_id').notNull(),
    /** HMAC-SHA256 (hex) of the token in the link. */
    id: text('id').notNull(),
    userId: uuid('user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
    index('password_reset_tokens_user').on(t.orgId, t.userId),
  ],
);
