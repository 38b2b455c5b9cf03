import { describe, expect, it } from 'vitest';
import { renderInvitationEmail } from '../../src/people/invitation-email';
import {
  parseInvitationToken,
  formatInvitationToken,
  newInvitationToken,
  invitationTokenHash,
} from '../../src/people/invitation-token';

const ORG = '3f2b8c1e-1d2a-4c3b-9e8f-0a1b2c3d4e5f';

describe('invitation e-mail', () => {
  it('escapes names in the HTML and states the link, its single use and its end', () => {
    const mail = renderInvitationEmail({
      inviteeName: '<img src=x onerror=alert(1)>',
      inviterName: 'Avery "Ops" Quinn',
      organizationName: 'Demo & Co',
      role: 'rep',
      acceptUrl: `https://rightly.example.com/accept-invitation?token=${ORG}.abc`,
      expiresAt: new Date('2026-12-04T20:00:00Z'),
    });
    expect(mail.subject).toBe('Avery "Ops" Quinn invited you to Demo & Co on Rightly');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.html).toContain('Demo &amp; Co');
    expect(mail.text).toContain(`https://rightly.example.com/accept-invitation?token=${ORG}.abc`);
    expect(mail.text).toContain('works once and until 2026-12-04');
  });

  it('refuses to render a link that is not absolute http(s)', () => {
    expect(() =>
      renderInvitationEmail({
        inviteeName: 'A',
        inviterName: 'B',
        organizationName: 'C',
        role: 'rep',
        acceptUrl: 'javascript:alert(1)',
        expiresAt: new Date(),
      }),
    ).toThrow(/absolute http/);
  });
});

describe('invitation token', () => {
  it('carries the org id and 256 random bits, and hashes with the secret', () => {
    const token = newInvitationToken(ORG);
    const text = formatInvitationToken(token);
    expect(parseInvitationToken(text)).toEqual(token);
    expect(Buffer.from(token.token, 'base64url')).toHaveLength(32);
    const a = invitationTokenHash({ token: token.token, secret: 'one secret' });
    expect(a).not.toBe(invitationTokenHash({ token: token.token, secret: 'another secret' }));
    expect(a).not.toContain(token.token);
  });

  it('parses nothing but a token it issued', () => {
    for (const bad of [
      '',
      'x',
      `${ORG}.`,
      `${ORG}.short`,
      `not-a-uuid.${'a'.repeat(43)}`,
      `${ORG}.${'a'.repeat(43)}.x`,
    ]) {
      expect(parseInvitationToken(bad), bad).toBeNull();
    }
  });
});
