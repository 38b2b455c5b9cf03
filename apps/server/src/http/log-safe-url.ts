/**
 * Links in e-mails carry secrets in their query (an invitation, a password reset, an unsubscribe
 * token; the SSO callback's code and state). Access logs keep URLs for months, so these values
 * are replaced before a URL is logged; the rest of the URL stays for debugging.
 */
const SECRET_PARAMS = /([?&](?:token|code|state|session_state)=)[^&#]*/gi;

export function logSafeUrl(url: string): string {
  return url.replace(SECRET_PARAMS, '$1[redacted]');
}
