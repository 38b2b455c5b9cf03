import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signInAs, type TestApp } from './helper';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('sign-in, /me and sign-out over HTTP', () => {
  it('signs in, sets an HttpOnly SameSite session cookie, and answers with the user', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'leader@demo.test', password: 'rightly-demo' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      user: { email: 'leader@demo.test', role: 'leader', name: 'Morgan Lee' },
      organization: { name: 'Demo Co', isDemo: true, timeZone: 'America/New_York' },
      leads: [{ name: 'Sales' }],
    });
    const cookie = response.cookies.find((c) => c.name === 'rightly_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    // Plain HTTP on localhost: not Secure (the browser would drop it); over HTTPS the __Host- name is used.
    expect(cookie?.secure).toBeFalsy();
  });

  it('refuses a wrong password with 401 problem+json that does not say which part was wrong', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'leader@demo.test', password: 'nope' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({
      status: 401,
      code: 'invalid_credentials',
      instance: '/api/v1/auth/sign-in',
    });
    expect(response.cookies).toEqual([]);
  });

  it('names each invalid field of a sign-in', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'not-an-email', password: '' },
    });
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'password']);
    expect(problem.detail).toContain('email: must be an e-mail address');
  });

  it('answers a body that is not JSON with a readable 400, not a crash', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'bad_request' });
  });

  it('keeps /me behind the session and serves it with one', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'unauthenticated' });

    const cookie = await signInAs(t.app, 'rep@demo.test');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { name: 'Riley Carter', role: 'rep' },
      team: { name: 'NA Mid-Market' },
      leads: [],
    });
  });

  it('signs out: the cookie is cleared and no longer opens /me', async () => {
    const cookie = await signInAs(t.app, 'admin@demo.test');
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'rightly_session')?.value).toBe('');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('lists the demo sign-ins for the sign-in page while the demo org exists', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/auth/demo-sign-ins' });
    expect(response.statusCode).toBe(200);
    const emails = response.json().signIns.map((s: { email: string }) => s.email);
    expect(emails).toEqual(expect.arrayContaining(['admin@demo.test', 'leader@demo.test', 'rep@demo.test']));
  });
});
