import { keyedDigest, sameSecret } from './keyed-digest';
import { parseSessionCookie, sessionId } from './session-token';

/**
 * The CSRF token of a session: an HMAC of the stored session id, so it needs no storage, changes
 * with every sign-in and cannot be derived from the cookie without the server's secret.
 */
export function csrfTokenFor(params: { secret: string; cookieValue: string | undefined }): string | null {
  const parsed = parseSessionCookie(params.cookieValue);
  if (!parsed) return null;
  const id = sessionId({ token: parsed.token, secret: params.secret });
  return keyedDigest({ secret: params.secret, purpose: 'csrf', value: id });
}

export function isValidCsrfToken(params: {
  secret: string;
  cookieValue: string | undefined;
  given: string | undefined;
}): boolean {
  const expected = csrfTokenFor(params);
  return expected !== null && typeof params.given === 'string' && sameSecret(expected, params.given);
}
