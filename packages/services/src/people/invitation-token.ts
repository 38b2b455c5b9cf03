import { formatSessionCookie, newSessionToken, parseSessionCookie, sessionId } from '../auth/session-token';

/**
 * An invitation link carries `<org id>.<token>`, the same shape as the session cookie: the org id
 * lets acceptance look the invitation up inside that org only (no cross-tenant lookup), the token
 * is 256 random bits, and only HMAC-SHA256(session secret, token) is stored.
 */
export interface InvitationToken {
  orgId: string;
  token: string;
}

export function newInvitationToken(orgId: string): InvitationToken {
  return newSessionToken(orgId);
}

export function formatInvitationToken(token: InvitationToken): string {
  return formatSessionCookie(token);
}

/** Null for anything that is not exactly a token we issued: no lookup is made for garbage. */
export function parseInvitationToken(value: string): InvitationToken | null {
  return parseSessionCookie(value);
}

/**
 * The org a link names, for scoping its lookup (row-level security); null for anything that is not
 * a token we issued, which then finds nothing.
 */
export function invitationOrgId(value: string): string | null {
  return parseInvitationToken(value.trim())?.orgId ?? null;
}

export function invitationTokenHash(params: { token: string; secret: string }): string {
  return sessionId(params);
}

export function acceptInvitationPath(token: InvitationToken): string {
  return `/accept-invitation?token=${encodeURIComponent(formatInvitationToken(token))}`;
}
