/**
 * Why an SSO sign-in did not complete. The server redirects to the sign-in page with
 * `?sso_error=<code>`; the page shows the sentence below. Codes, not free text, so nothing the
 * identity provider sent ends up in a URL or on the page.
 */
export const SSO_ERROR_CODES = [
  'not_configured',
  'provider_unavailable',
  'provider_refused',
  'bad_state',
  'email_missing',
  'email_unverified',
  'domain_not_allowed',
  'account_deactivated',
  'account_elsewhere',
] as const;
export type SsoErrorCode = (typeof SSO_ERROR_CODES)[number];

export const SSO_ERROR_MESSAGES: Record<SsoErrorCode, string> = {
  not_configured:
    'Single sign-on is not set up for this e-mail address. Sign in with your password, or ask your admin.',
  provider_unavailable: 'Your identity provider could not be reached. Try again in a moment, or ask your admin.',
  provider_refused: 'Your identity provider did not sign you in. Try again.',
  bad_state: 'That sign-in link has expired or was already used. Start the sign-in again.',
  email_missing: 'Your identity provider did not send an e-mail address. Ask your admin to release the email claim.',
  email_unverified: 'Your identity provider says your e-mail address is not verified.',
  domain_not_allowed: 'Your e-mail domain is not allowed to sign in to this organization through SSO.',
  account_deactivated: 'Your account is deactivated. Ask your admin.',
  account_elsewhere: 'This e-mail address belongs to another organization in Rightly.',
};

export function isSsoErrorCode(value: unknown): value is SsoErrorCode {
  return typeof value === 'string' && (SSO_ERROR_CODES as readonly string[]).includes(value);
}
