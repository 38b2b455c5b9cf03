import { createHmac, randomBytes } from 'node:crypto';

/**
 * A session cookie is `<org id>.<token>`. The org id lets the server find the session in its
 * tenant's partition without a cross-tenant lookup; the token is 256 random bits. The database
 * keeps only HMAC-SHA256(secret, token), so neither a database copy nor the secret alone yields a
 * usable cookie.
 */
export interface SessionToken {
  orgId: string;
  token: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function newSessionToken(orgId: string): SessionToken {
  return { orgId, token: randomBytes(32).toString('base64url') };
}

export function formatSessionCookie(session: SessionToken): string {
  return `${session.orgId}.${session.token}`;
}

/** Null for anything that is not exactly a cookie we issued: no lookup is made for garbage. */
export function parseSessionCookie(value: string | undefined): SessionToken | null {
  if (!value) return null;
  const dot = value.indexOf('.');
  const orgId = value.slice(0, dot);
  const token = value.slice(dot + 1);
  if (dot < 0 || !UUID.test(orgId) || !TOKEN.test(token)) return null;
  return { orgId, token };
}

export function sessionId(params: { token: string; secret: string }): string {
  return createHmac('sha256', params.secret).update(params.token).digest('hex');
}
