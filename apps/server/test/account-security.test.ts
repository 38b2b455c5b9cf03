import { auditLog, recordAttempts } from '@rightly/db';
import { DEMO_PASSWORD, keyOf, type PasswordResetMessage } from '@rightly/services';
import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/support/clock';
import { buildTestApp, sessionCookieOnly, signInAs, type TestApp } from './helper';

let t: TestApp;
let clock = TEST_NOW.getTime();
const mails: PasswordResetMessage[] = [];
beforeAll(async () => {
  t = await buildTestApp({
    now: () => new Date(clock),
    passwordReset: { appUrl: () => 'http://rightly.test', deliver: async (m) => void mails.push(m) },
  });
});
afterAll(() => t.close());

function csrfOf(cookie: string): string {
  return /rightly_csrf=([^;]+)/.exec(cookie)?.[1] ?? '';
}

async function lastAuditActions(count: number): Promise<string[]> {
  const rows = await t.database.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(count);
  return rows.map((r) => r.action);
}

describe('session cookies', () => {
  it('issues a new session id at every sign-in, so an id known before sign-in is never promoted', async () => {
    const first = await signInAs(t.app, 'rep@demo.test');
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { cookie: first },
      payload: { email: 'rep@demo.test', password: DEMO_PASSWORD },
    });
    const renewed = second.cookies.find((c) => c.name === 'rightly_session')?.value;
    expect(renewed).toBeTruthy();
    expect(`rightly_session=${renewed}`).not.toBe(sessionCookieOnly(first));
  });

  it('uses Secure __Host- cookies over HTTPS, the CSRF one readable by the page', async () => {
    const https = await buildTestApp({ database: t.database, trustProxy: true });
    try {
      const response = await https.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { email: 'rep@demo.test', password: DEMO_PASSWORD },
      });
      const session = response.cookies.find((c) => c.name === '__Host-rightly_session');
      const csrf = response.cookies.find((c) => c.name === '__Host-rightly_csrf');
      expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(session?.domain).toBeUndefined();
      expect(csrf).toMatchObject({ secure: true, sameSite: 'Strict', path: '/' });
      expect(csrf?.httpOnly).toBeFalsy();
    } finally {
      await https.close();
    }
  });
});

describe('my sessions', () => {
  it('lists my live sessions with the current one marked, and another user cannot see or end them', async () => {
    clock = TEST_NOW.getTime();
    const laptop = await signInAs(t.app, 'leader@demo.test');
    const phone = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'user-agent': 'Phone Browser 1.0' },
      remoteAddress: '203.0.113.9',
      payload: { email: 'leader@demo.test', password: DEMO_PASSWORD },
    });
    expect(phone.statusCode).toBe(200);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/auth/sessions', headers: { cookie: laptop } });
    expect(list.statusCode).toBe(200);
    const sessions = list.json().sessions as { id: string; current: boolean; userAgent: string; ipAddress: string }[];
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const other = sessions.find((s) => s.userAgent === 'Phone Browser 1.0');
    expect(other).toMatchObject({ current: false, ipAddress: '203.0.113.9' });
    // The public id is not the stored HMAC (64 hex characters).
    expect(other?.id).not.toMatch(/^[0-9a-f]{64}$/);

    const rep = await signInAs(t.app, 'rep@demo.test');
    const foreign = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/sessions/${other?.id}`,
      headers: { cookie: rep },
    });
    expect(foreign.statusCode).toBe(404);
    const repList = await t.app.inject({ method: 'GET', url: '/api/v1/auth/sessions', headers: { cookie: rep } });
    expect(repList.json().sessions.map((s: { id: string }) => s.id)).not.toContain(other?.id);

    const ended = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/sessions/${other?.id}`,
      headers: { cookie: laptop },
    });
    expect(ended.statusCode).toBe(204);
    const phoneCookie = `rightly_session=${phone.cookies.find((c) => c.name === 'rightly_session')?.value}`;
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: phoneCookie } })).statusCode,
    ).toBe(401);
    expect(await lastAuditActions(1)).toEqual(['login_session_ended']);

    const current = sessions.find((s) => s.current);
    const self = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/sessions/${current?.id}`,
      headers: { cookie: laptop },
    });
    expect(self.statusCode).toBe(409);
    expect(self.json().detail).toContain('sign-out');
  });

  it('signs out everywhere, this browser too unless keepCurrent is set', async () => {
    clock = TEST_NOW.getTime();
    const a = await signInAs(t.app, 'admin@demo.test');
    const b = await signInAs(t.app, 'admin@demo.test');
    const c = await signInAs(t.app, 'admin@demo.test');
    const kept = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out-everywhere',
      headers: { cookie: a },
      payload: { keepCurrent: true },
    });
    expect(kept.statusCode).toBe(200);
    expect(kept.json().ended).toBeGreaterThanOrEqual(2);
    const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect((await me(a)).statusCode).toBe(200);
    expect((await me(b)).statusCode).toBe(401);
    expect((await me(c)).statusCode).toBe(401);

    const all = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out-everywhere', headers: { cookie: a } });
    expect(all.json()).toEqual({ ended: 1 });
    expect(all.cookies.find((k) => k.name === 'rightly_session')?.value).toBe('');
    expect((await me(a)).statusCode).toBe(401);
    expect(await lastAuditActions(1)).toEqual(['signed_out_everywhere']);
  });
});

describe('CSRF protection', () => {
  const write = (headers: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out-everywhere',
      headers,
      payload: { keepCurrent: true },
    });

  it('refuses a cookie-authenticated write without the token, with a wrong one, or from another session', async () => {
    const cookie = await signInAs(t.app, 'rep@demo.test');
    const other = await signInAs(t.app, 'leader@demo.test');
    const attempts: Record<string, string>[] = [
      { cookie: sessionCookieOnly(cookie) },
      { cookie: sessionCookieOnly(cookie), 'x-csrf-token': 'forged' },
      { cookie: sessionCookieOnly(cookie), 'x-csrf-token': csrfOf(other) },
      // A cookie planted next to ours is not what is checked: the header must match the session.
      { cookie: `${sessionCookieOnly(cookie)}; rightly_csrf=planted`, 'x-csrf-token': 'planted' },
    ];
    for (const headers of attempts) {
      const refused = await write(headers);
      expect(refused.statusCode).toBe(403);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.json()).toMatchObject({ code: 'csrf_rejected' });
      expect(refused.json().detail).toContain('x-csrf-token');
    }
    const ok = await write({ cookie: sessionCookieOnly(cookie), 'x-csrf-token': csrfOf(cookie) });
    expect(ok.statusCode).toBe(200);
  });

  it('refuses writes a browser marks as cross-site, even with the token, sign-in included', async () => {
    const cookie = await signInAs(t.app, 'rep@demo.test');
    const crossSite = await write({ cookie, 'x-csrf-token': csrfOf(cookie), 'sec-fetch-site': 'cross-site' });
    expect(crossSite.statusCode).toBe(403);
    const foreignOrigin = await write({ cookie, 'x-csrf-token': csrfOf(cookie), origin: 'https://evil.example' });
    expect(foreignOrigin.statusCode).toBe(403);
    const loginCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'sec-fetch-site': 'cross-site' },
      payload: { email: 'rep@demo.test', password: DEMO_PASSWORD },
    });
    expect(loginCsrf.statusCode).toBe(403);
    const sameOrigin = await write({ cookie, 'x-csrf-token': csrfOf(cookie), 'sec-fetch-site': 'same-origin' });
    expect(sameOrigin.statusCode).toBe(200);
  });

  it('lets the one-click unsubscribe through from other sites (its token is the authority)', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/unsubscribe?token=not-a-real-token',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(response.statusCode).not.toBe(403);
  });

  it('exempts requests that carry no cookie credential (Authorization: Bearer)', async () => {
    // No session and a bearer header: the CSRF check does not apply; authentication decides (401 here).
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out-everywhere',
      headers: { authorization: 'Bearer not-a-token' },
      payload: {},
    });
    expect(response.statusCode).toBe(401);
  });

  it('hands the token cookie to a signed-in page that lacks it', async () => {
    const cookie = await signInAs(t.app, 'rep@demo.test');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: sessionCookieOnly(cookie) } });
    expect(me.cookies.find((c) => c.name === 'rightly_csrf')?.value).toBe(csrfOf(cookie));
  });
});

describe('failed sign-ins are limited in the database', () => {
  const signIn = (app: TestApp['app'], params: { email: string; password: string; ip: string }) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      remoteAddress: params.ip,
      payload: { email: params.email, password: params.password },
    });

  it('allows 100 failures per account per hour across two app instances, then refuses before checking the password', async () => {
    clock = TEST_NOW.getTime();
    const second = await buildTestApp({ database: t.database, now: () => new Date(clock) });
    try {
      const email = 'avery.chen@demo.test';
      // 98 failures from many addresses, as a distributed guesser would make them.
      await recordAttempts(t.database.db, {
        keys: Array.from({ length: 98 }, () =>
          keyOf(t.deps.sessionSecret, { bucket: 'sign_in_account', value: email }),
        ),
        at: new Date(clock - 10 * 60_000),
      });
      expect((await signIn(t.app, { email, password: 'wrong-1', ip: '198.51.100.1' })).statusCode).toBe(401);
      expect((await signIn(second.app, { email, password: 'wrong-2', ip: '198.51.100.2' })).statusCode).toBe(401);
      // The 101st attempt within the hour, on either instance, with the right password: refused.
      for (const app of [t.app, second.app]) {
        const limited = await signIn(app, { email, password: DEMO_PASSWORD, ip: '198.51.100.3' });
        expect(limited.statusCode).toBe(429);
        expect(limited.json()).toMatchObject({ code: 'rate_limited' });
        expect(limited.json().detail).toMatch(/Too many failed sign-ins for this e-mail.*Try again in \d+ minutes/);
        // The oldest counted failure was 10 minutes ago: it leaves the window in 50 minutes.
        expect(Number(limited.headers['retry-after'])).toBe(50 * 60);
      }
      expect(await lastAuditActions(1)).toEqual(['sign_in_rate_limited']);
      // An unknown e-mail is limited the same way, so the limit says nothing about who has an account.
      await recordAttempts(t.database.db, {
        keys: Array.from({ length: 100 }, () =>
          keyOf(t.deps.sessionSecret, { bucket: 'sign_in_account', value: 'nobody@demo.test' }),
        ),
        at: new Date(clock - 60_000),
      });
      expect((await signIn(t.app, { email: 'nobody@demo.test', password: 'x', ip: '198.51.100.4' })).statusCode).toBe(
        429,
      );
      // An hour after the oldest failures, the account can sign in again.
      clock += 51 * 60_000;
      expect((await signIn(second.app, { email, password: DEMO_PASSWORD, ip: '198.51.100.3' })).statusCode).toBe(200);
    } finally {
      await second.close();
      clock = TEST_NOW.getTime();
    }
  });

  it('limits failures per client address across accounts; a success does not wipe the count', async () => {
    clock = TEST_NOW.getTime();
    const ip = '192.0.2.77';
    await recordAttempts(t.database.db, {
      keys: Array.from({ length: 99 }, () => keyOf(t.deps.sessionSecret, { bucket: 'sign_in_address', value: ip })),
      at: new Date(clock - 60_000),
    });
    // A success from the address (e.g. the guesser's own account) withdraws only itself.
    expect((await signIn(t.app, { email: 'rep@demo.test', password: DEMO_PASSWORD, ip })).statusCode).toBe(200);
    expect((await signIn(t.app, { email: 'leader@demo.test', password: 'guess', ip })).statusCode).toBe(401);
    const limited = await signIn(t.app, { email: 'admin@demo.test', password: DEMO_PASSWORD, ip });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().detail).toContain('from your network');
    // Another address is not affected.
    expect(
      (await signIn(t.app, { email: 'admin@demo.test', password: DEMO_PASSWORD, ip: '192.0.2.78' })).statusCode,
    ).toBe(200);
  });

  it('records failed sign-ins in the audit log with the e-mail made safe and no password', async () => {
    const typed = 'rep@demo.test';
    await signIn(t.app, { email: typed, password: 'my-secret-guess', ip: '192.0.2.90' });
    const [entry] = await t.database.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    expect(entry?.action).toBe('sign_in_failed');
    expect(entry?.details).toMatchObject({ email: typed, ip: '192.0.2.90', reason: 'wrong_password' });
    expect(JSON.stringify(entry?.details)).not.toContain('my-secret-guess');
  });
});

describe('password reset by e-mail', () => {
  const request = (email: string, ip = '192.0.2.200') =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', remoteAddress: ip, payload: { email } });
  const complete = (token: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/complete', payload: { token, password } });

  it('answers the same for known and unknown e-mails, and mails a link only to the known one', async () => {
    clock = TEST_NOW.getTime();
    mails.length = 0;
    const known = await request('Leader@Demo.test');
    const unknown = await request('nobody-here@demo.test');
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: 'leader@demo.test', name: 'Morgan Lee' });
    expect(mails[0]?.url).toMatch(/^http:\/\/rightly\.test\/reset-password\?token=[0-9a-f-]{36}\.[\w-]{43}$/);
    expect(await lastAuditActions(1)).toEqual(['password_reset_requested']);
  });

  it('sets a new password once, ends every session, and the old password stops working', async () => {
    clock = TEST_NOW.getTime();
    mails.length = 0;
    const email = 'priya.shah@demo.test';
    const before = await signInAs(t.app, email);
    await request(email);
    const token = decodeURIComponent(new URL(mails[0]?.url ?? 'http://x').searchParams.get('token') ?? '');

    const short = await complete(token, 'short');
    expect(short.statusCode).toBe(400);
    expect(short.json().errors).toEqual([{ field: 'password', message: 'must be at least 12 characters' }]);
    const same = await complete(token, email);
    expect(same.statusCode).toBe(400);
    expect(same.json().errors).toEqual([{ field: 'password', message: 'must not be your e-mail address' }]);
    const tooLong = await complete(token, 'x'.repeat(257));
    expect(tooLong.statusCode).toBe(400);

    const done = await complete(token, 'a brand new passphrase');
    expect(done.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: before } })).statusCode).toBe(
      401,
    );
    expect(await lastAuditActions(1)).toEqual(['password_reset_completed']);
    const reused = await complete(token, 'another new passphrase');
    expect(reused.statusCode).toBe(400);
    expect(reused.json().errors[0]).toMatchObject({ field: 'token' });
    await expect(signInAs(t.app, email)).rejects.toThrow(/failed/);
    await signInAs(t.app, email, 'a brand new passphrase');
  });

  it('refuses an expired link, a forged one and one moved to another org', async () => {
    clock = TEST_NOW.getTime();
    mails.length = 0;
    await request('rep@demo.test');
    const token = decodeURIComponent(new URL(mails[0]?.url ?? 'http://x').searchParams.get('token') ?? '');
    const [orgId, secret] = token.split('.') as [string, string];
    for (const forged of ['garbage', `${orgId}.${'A'.repeat(43)}`, `00000000-0000-4000-8000-000000000000.${secret}`]) {
      expect((await complete(forged, 'a brand new passphrase')).statusCode).toBe(400);
    }
    clock += 31 * 60_000;
    const expired = await complete(token, 'a brand new passphrase');
    expect(expired.statusCode).toBe(400);
    expect(expired.json().detail).toContain('Ask for a new one');
    clock = TEST_NOW.getTime();
  });

  it('limits requests: silently per e-mail, with 429 per address', async () => {
    clock = TEST_NOW.getTime() + 2 * 60 * 60_000;
    mails.length = 0;
    for (let i = 0; i < 7; i += 1) expect((await request('admin@demo.test', `192.0.2.${10 + i}`)).statusCode).toBe(202);
    expect(mails).toHaveLength(5);
    const ip = '192.0.2.250';
    for (let i = 0; i < 20; i += 1) expect((await request(`someone${i}@demo.test`, ip)).statusCode).toBe(202);
    const limited = await request('someone-else@demo.test', ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    clock = TEST_NOW.getTime();
  });
});

describe('changing my password', () => {
  it('needs the current password, keeps this session and ends the others', async () => {
    clock = TEST_NOW.getTime();
    const email = 'noah.fischer@demo.test';
    const here = await signInAs(t.app, email);
    const elsewhere = await signInAs(t.app, email);
    const change = (currentPassword: string, newPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: { cookie: here },
        payload: { currentPassword, newPassword },
      });
    const wrong = await change('not my password', 'a changed passphrase');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([{ field: 'currentPassword', message: 'is not your current password' }]);
    expect((await change(DEMO_PASSWORD, 'short')).statusCode).toBe(400);
    expect((await change(DEMO_PASSWORD, 'a changed passphrase')).statusCode).toBe(204);
    const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(elsewhere)).statusCode).toBe(401);
    expect(await lastAuditActions(1)).toEqual(['password_changed']);
  });
});
