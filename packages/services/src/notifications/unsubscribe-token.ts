import { createHmac, timingSafeEqual } from 'node:crypto';

/** Who stops getting what. Lives in a link, so it holds ids only: no names, no addresses. */
export interface UnsubscribeClaim {
  orgId: string;
  userId: string;
  channel: 'email' | 'slack' | 'all';
}

const CHANNELS: readonly string[] = ['email', 'slack', 'all'] satisfies UnsubscribeClaim['channel'][];
// Signing with a purpose prefix keeps a token from doubling as any other value signed with the
// same secret (e.g. if the session secret is reused here).
const PURPOSE = 'rightly.unsubscribe.v1.';
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * `base64url(JSON claim) + '.' + base64url(HMAC-SHA256)`. The link must work from a mail client
 * without signing in (RFC 8058 one-click), so the signature is the only authority; it does not
 * expire because an old e-mail's unsubscribe link must still work.
 */
export function signUnsubscribeToken(secret: string, claim: UnsubscribeClaim): string {
  const payload = Buffer.from(
    JSON.stringify({ orgId: claim.orgId, userId: claim.userId, channel: claim.channel }),
    'utf8',
  ).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

/** The claim, or null for anything not signed by `secret` exactly as issued. */
export function verifyUnsubscribeToken(secret: string, token: string): UnsubscribeClaim | null {
  const parts = token.split('.');
  if (parts.length !== 2) return null;
  const [payload = '', signature = ''] = parts;
  if (!BASE64URL.test(payload) || !BASE64URL.test(signature)) return null;
  // Compare the encoded text, not decoded bytes: Node's base64 decoder ignores stray trailing
  // bits, so two different strings can decode to the same signature.
  const expected = Buffer.from(sign(secret, payload), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return parseClaim(Buffer.from(payload, 'base64url').toString('utf8'));
}

function sign(secret: string, payload: string): string {
  // A short or empty secret would let anyone mint tokens; that is a wiring bug, not bad input.
  if (secret.length < 16) throw new Error('The unsubscribe secret must be at least 16 characters.');
  return createHmac('sha256', secret)
    .update(PURPOSE + payload)
    .digest('base64url');
}

function parseClaim(json: string): UnsubscribeClaim | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { orgId, userId, channel } = value as Record<string, unknown>;
  if (typeof orgId !== 'string' || orgId === '' || typeof userId !== 'string' || userId === '') return null;
  if (typeof channel !== 'string' || !CHANNELS.includes(channel)) return null;
  return { orgId, userId, channel: channel as UnsubscribeClaim['channel'] };
}
