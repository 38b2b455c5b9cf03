import { describe, expect, it } from 'vitest';
import {
  signUnsubscribeToken,
  type UnsubscribeClaim,
  verifyUnsubscribeToken,
} from '../../src/notifications/unsubscribe-token';

const SECRET = 's'.repeat(32);
const claim: UnsubscribeClaim = { orgId: 'org-1', userId: 'user-7', channel: 'email' };

describe('unsubscribe tokens', () => {
  it('round-trips every channel and is URL-safe', () => {
    for (const channel of ['email', 'slack', 'all'] as const) {
      const token = signUnsubscribeToken(SECRET, { ...claim, channel });
      expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
      expect(verifyUnsubscribeToken(SECRET, token)).toEqual({ ...claim, channel });
    }
  });

  it('rejects a payload changed to name someone else', () => {
    const [, signature] = signUnsubscribeToken(SECRET, claim).split('.');
    const forged = Buffer.from(JSON.stringify({ ...claim, userId: 'user-8' })).toString('base64url');
    expect(verifyUnsubscribeToken(SECRET, `${forged}.${signature}`)).toBeNull();
  });

  it('rejects any change to the signature, even one that decodes to the same bytes', () => {
    const token = signUnsubscribeToken(SECRET, claim);
    const [payload, signature] = token.split('.') as [string, string];
    // 32 bytes take 43 base64url characters, whose last 2 bits are padding: flipping the lowest
    // bit yields a different string that a lenient decoder reads as the very same signature.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = signature.slice(0, -1) + alphabet[alphabet.indexOf(signature.at(-1)!) ^ 1];
    expect(Buffer.from(sibling, 'base64url')).toEqual(Buffer.from(signature, 'base64url'));
    expect(verifyUnsubscribeToken(SECRET, `${payload}.${sibling}`)).toBeNull();
    const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
    expect(verifyUnsubscribeToken(SECRET, `${payload}.${flipped}`)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, `${token}A`)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, `${token}=`)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, token.slice(0, -1))).toBeNull();
  });

  it('rejects a token signed with another secret', () => {
    const token = signUnsubscribeToken('t'.repeat(32), claim);
    expect(verifyUnsubscribeToken(SECRET, token)).toBeNull();
  });

  it('rejects garbage without throwing', () => {
    const token = signUnsubscribeToken(SECRET, claim);
    for (const garbage of ['', '.', 'abc', 'a.b', 'a.b.c', `${token}.x`, '!!!.###', `.${token}`, ' '.repeat(5)]) {
      expect(verifyUnsubscribeToken(SECRET, garbage)).toBeNull();
    }
  });

  it('rejects a correctly signed claim of the wrong shape', () => {
    const odd = (value: unknown) => signUnsubscribeToken(SECRET, value as UnsubscribeClaim);
    expect(verifyUnsubscribeToken(SECRET, odd({ ...claim, channel: 'sms' }))).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, odd({ ...claim, userId: '' }))).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, odd({ orgId: 'org-1', channel: 'all' }))).toBeNull();
  });

  it('refuses to sign with a secret too short to protect anything', () => {
    expect(() => signUnsubscribeToken('', claim)).toThrow(/at least 16/);
  });
});
