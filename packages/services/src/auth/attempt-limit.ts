import { AppError } from '@rightly/core';
import { countAttempts, deleteAttempts, deleteAttemptsBefore, recordAttempts, type AttemptKey } from '@rightly/db';
import { keyedDigest } from './keyed-digest';
import type { SessionDeps } from './session-deps';

export const ATTEMPT_WINDOW_MS = 60 * 60_000;

export interface AttemptLimit {
  /** What is counted, e.g. `sign_in_account`; also the HMAC purpose. */
  bucket: string;
  /** The e-mail (normalised) or client address being counted; stored only as an HMAC. */
  value: string;
  /** At most this many attempts per sliding hour. */
  max: number;
}

export type Reservation =
  { limited: false; ids: string[] } | { limited: true; bucket: string; retryAfterSeconds: number };

/**
 * Counts this attempt against each limit before any expensive or revealing work is done. The
 * attempt is written first and counted after, so concurrent requests on any number of server
 * instances see each other and the limit can never be overshot (at worst both are refused).
 * A refused attempt is withdrawn, so hammering at the limit does not extend it.
 */
export async function reserveAttempt(
  deps: SessionDeps,
  input: { limits: readonly AttemptLimit[] },
): Promise<Reservation> {
  const now = deps.now();
  const since = new Date(now.getTime() - ATTEMPT_WINDOW_MS);
  const keys = input.limits.map((l) => keyOf(deps.sessionSecret, l));
  const ids = await recordAttempts(deps.db, { keys, at: now });
  for (const [index, limit] of input.limits.entries()) {
    const key = keys[index] as AttemptKey;
    const window = await countAttempts(deps.db, { ...key, since });
    if (window.count > limit.max) {
      await deleteAttempts(deps.db, { ids });
      // The oldest counted attempt leaves the window first; that is the earliest a retry can pass.
      const oldest = window.oldestAt?.getTime() ?? now.getTime();
      return {
        limited: true,
        bucket: limit.bucket,
        retryAfterSeconds: (oldest + ATTEMPT_WINDOW_MS - now.getTime()) / 1000,
      };
    }
  }
  // Rows that left every window are of no use; sweep now and then rather than on every request.
  if (Math.random() < 0.02) await deleteAttemptsBefore(deps.db, { before: since });
  return { limited: false, ids };
}

/** Withdraws this one attempt (it turned out not to be a failure); earlier failures still count. */
export async function releaseAttempt(deps: SessionDeps, reservation: { ids: string[] }): Promise<void> {
  await deleteAttempts(deps.db, { ids: reservation.ids });
}

export function keyOf(secret: string, limit: Pick<AttemptLimit, 'bucket' | 'value'>): AttemptKey {
  return { bucket: limit.bucket, key: keyedDigest({ secret, purpose: limit.bucket, value: limit.value }) };
}

export function rateLimitedError(params: { retryAfterSeconds: number; what: string }): AppError {
  const minutes = Math.max(1, Math.ceil(params.retryAfterSeconds / 60));
  return new AppError({
    code: 'rate_limited',
    message: `${params.what} Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    retryAfterSeconds: Math.max(1, Math.ceil(params.retryAfterSeconds)),
  });
}

/**
 * The address an attempt is counted under. An IPv6 client usually controls a whole /64, so it is
 * counted as one address; IPv4 (and IPv4-mapped IPv6) as is.
 */
export function clientAddressKey(ip: string | undefined): string | null {
  if (!ip) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1] ?? ip;
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('%')[0]?.split('::') ?? [];
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => (g || '0').replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
