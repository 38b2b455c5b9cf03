import type { ApiTokenScope, UserRole } from '@rightly/core';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { userRole } from './enums';
import { organizations } from './organizations';
import { users } from './users';

/** One OpenID Connect identity provider per org. */
export const ssoSettings = pgTable(
  'sso_settings',
  {
    orgId: uuid('org_id').notNull(),
    enabled: boolean('enabled').notNull().default(false),
    issuer: text('issuer').notNull().default(''),
    clientId: text('client_id').notNull().default(''),
    /** AES-256-GCM under a key derived from the session secret; never returned by the API. */
    clientSecretEncrypted: text('client_secret_encrypted'),
    roleClaim: text('role_claim'),
    roleMapping: jsonb('role_mapping').$type<Record<string, UserRole>>().notNull().default({}),
    defaultRole: userRole('default_role').notNull().default('rep'),
    /** Lower-case domains; an SSO e-mail must be in one, and sign-in finds the org by them. */
    allowedDomains: text('allowed_domains')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }).onDelete('cascade'),
  ],
);

/**
 * An SSO sign-in under way: created at start, deleted when the provider calls back (single use).
 * The browser holds `<org id>.<state>` in a short-lived HttpOnly cookie; only an HMAC of the state
 * is stored, keyed by it.
 */
export const ssoLoginStates = pgTable(
  'sso_login_states',
  {
    orgId: uuid('org_id').notNull(),
    /** HMAC-SHA256 of the state, hex. */
    id: text('id').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    nonce: text('nonce').notNull(),
    redirectUri: text('redirect_uri').notNull(),
    returnTo: text('return_to').notNull().default('/'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }).onDelete('cascade'),
  ],
);

/** Tokens for integrations. Only an HMAC of the secret is kept; the token is shown once. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    /** The token acts as this user, limited by its scopes. */
    userId: uuid('user_id').notNull(),
    name: text('name').notNull(),
    /** HMAC-SHA256 of the secret part, hex. */
    secretHash: text('secret_hash').notNull(),
    /** The token's first characters, for telling tokens apart in a list. */
    prefix: text('prefix').notNull(),
    scopes: text('scopes').array().$type<ApiTokenScope[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
    uniqueIndex('api_tokens_secret').on(t.orgId, t.secretHash),
    index('api_tokens_user').on(t.orgId, t.userId),
    check('api_tokens_scopes_known', sql`${t.scopes} <@ array['read','write','import']::text[]`),
  ],
);
