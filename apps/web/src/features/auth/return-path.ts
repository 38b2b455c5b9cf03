export const DEFAULT_SIGNED_IN_PATH = '/team';
export const SIGN_IN_PATH = '/sign-in';

/** `/sign-in?returnTo=…` for the page a signed-out visitor tried to open. */
export function signInPathFor(returnTo: string): string {
  const safe = safeReturnPath(returnTo);
  return safe === DEFAULT_SIGNED_IN_PATH ? SIGN_IN_PATH : `${SIGN_IN_PATH}?returnTo=${encodeURIComponent(safe)}`;
}

/**
 * Where to go after sign-in. Only paths inside this app are followed: a crafted link such as
 * `/sign-in?returnTo=https://evil.example` or `//evil.example` must not send a fresh session away.
 */
export function safeReturnPath(candidate: string | null | undefined): string {
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) {
    return DEFAULT_SIGNED_IN_PATH;
  }
  if (candidate === SIGN_IN_PATH || candidate.startsWith(`${SIGN_IN_PATH}?`)) return DEFAULT_SIGNED_IN_PATH;
  return candidate;
}
