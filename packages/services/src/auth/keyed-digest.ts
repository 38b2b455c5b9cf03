import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * HMAC-SHA256 under the session secret, separated by purpose, so one value never serves two
 * uses (a session's CSRF token cannot be replayed as its public id, and so on).
 */
export function keyedDigest(params: { secret: string; purpose: string; value: string }): string {
  return createHmac('sha256', params.secret).update(`${params.purpose}\u0000${params.value}`).digest('base64url');
}

/** Constant-time comparison of two strings (false when the lengths differ). */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
