import { randomBytes } from 'node:crypto';

/**
 * An API token is `rly_<org id>_<secret>`: the org id lets the server look the token up inside its
 * tenant only; the secret is 256 random bits, of which the database keeps only an HMAC (keyed by
 * the session secret, as for sessions).
 */
const TOKEN = /^rly_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export interface ApiTokenParts {
  orgId: string;
  secret: string;
}

export function newApiToken(orgId: string): ApiTokenParts & { token: string } {
  const secret = randomBytes(32).toString('base64url');
  return { orgId, secret, token: `rly_${orgId}_${secret}` };
}

/** Null for anything that is not exactly a token we issue: no lookup is made for garbage. */
export function parseApiToken(value: string): ApiTokenParts | null {
  const match = TOKEN.exec(value);
  return match?.[1] && match[2] ? { orgId: match[1], secret: match[2] } : null;
}

/** Enough to tell tokens apart in a list (the org part is the same for all), never enough to use one. */
export function apiTokenPrefix(parts: ApiTokenParts): string {
  return `rly_…_${parts.secret.slice(0, 6)}`;
}
