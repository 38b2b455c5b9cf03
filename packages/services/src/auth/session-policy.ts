/**
 * Session lifetimes after OWASP ASVS level 2: a session ends after 30 minutes without use and,
 * however busy, 12 hours after sign-in.
 */
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;
/** `last_seen_at` is written at most this often, so reads do not each turn into a write. */
export const SESSION_TOUCH_MS = 60_000;
