import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signInAs, type TestApp } from './helper';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('health, API description and errors', () => {
  it('reports health when the database answers and is migrated', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('publishes an OpenAPI 3 document with every route and its schemas', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toBe('3.0.3');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/health',
      '/api/v1/api-tokens',
      '/api/v1/api-tokens/{id}',
      '/api/v1/assessments',
      '/api/v1/assessments/export.csv',
      '/api/v1/audit',
      '/api/v1/audit/export.csv',
      '/api/v1/auth/demo-sign-ins',
      '/api/v1/auth/password',
      '/api/v1/auth/password-reset',
      '/api/v1/auth/password-reset/complete',
      '/api/v1/auth/sessions',
      '/api/v1/auth/sessions/{id}',
      '/api/v1/auth/sign-in',
      '/api/v1/auth/sign-out',
      '/api/v1/auth/sign-out-everywhere',
      '/api/v1/auth/sso/callback',
      '/api/v1/auth/sso/start',
      '/api/v1/coaching-plans',
      '/api/v1/coaching-plans/{id}',
      '/api/v1/coaching-plans/{id}/close',
      '/api/v1/coaching-plans/{id}/commitments',
      '/api/v1/coaching-plans/{id}/export.pdf',
      '/api/v1/coaching-plans/{id}/sessions',
      '/api/v1/coaching/health',
      '/api/v1/commitments/{id}',
      '/api/v1/expectations',
      '/api/v1/expectations/lint',
      '/api/v1/expectations/target-suggestions',
      '/api/v1/expectations/templates/{key}/adopt',
      '/api/v1/expectations/{id}',
      '/api/v1/expectations/{id}/end',
      '/api/v1/forecast',
      '/api/v1/imports',
      '/api/v1/imports/preview',
      '/api/v1/imports/{id}',
      '/api/v1/imports/{id}/errors',
      '/api/v1/imports/{id}/errors.csv',
      '/api/v1/invitations',
      '/api/v1/invitations/accept',
      '/api/v1/invitations/preview',
      '/api/v1/invitations/{id}',
      '/api/v1/me',
      '/api/v1/metrics',
      '/api/v1/notification-preferences',
      '/api/v1/notifications',
      '/api/v1/notifications/read',
      '/api/v1/reporting-cadences',
      '/api/v1/reporting-settings',
      '/api/v1/reps/{id}/assessment',
      '/api/v1/reps/{id}/ladder',
      '/api/v1/reps/{id}/ladder-steps',
      '/api/v1/roster',
      '/api/v1/self-reports',
      '/api/v1/self-reports/{id}/resolution',
      '/api/v1/sso-settings',
      '/api/v1/teams',
      '/api/v1/teams/{id}',
      '/api/v1/unsubscribe',
      '/api/v1/users',
      '/api/v1/users/{id}',
      '/api/v1/users/{id}/deactivate',
      '/api/v1/users/{id}/reactivate',
    ]);
    const body = doc.paths['/api/v1/auth/sign-in'].post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(['email', 'password']);
  });

  it('serves a browsable docs page', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.body).toContain('swagger');
  });

  it('answers an unknown API path with a 404 problem, never with the web page', async () => {
    // Anonymous callers learn nothing about which /api/v1 paths exist.
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/nope', headers: { accept: 'text/html' } });
    expect(anonymous.statusCode).toBe(401);
    const cookie = await signInAs(t.app, 'rep@demo.test');
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/nope?x=1',
      headers: { accept: 'text/html', cookie },
    });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({
      status: 404,
      code: 'not_found',
      instance: '/api/v1/nope',
      type: '/api/problems/not_found',
    });
  });

  it('names the query field that is out of range', async () => {
    const cookie = await signInAs(t.app, 'leader@demo.test');
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/roster?weeks=500', headers: { cookie } });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ field: 'weeks', message: 'must be at most 52' }]);
  });

  it('serves the web app for client-side routes, and index.html uncached', async () => {
    for (const url of ['/', '/team', '/reps/123']) {
      const response = await t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('<div id="root">');
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('sends browser defences with the page: a strict script policy, no framing, no sniffing', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/team', headers: { accept: 'text/html' } });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('same-origin');
  });

  it('tags every response with a request id, and keeps a caller’s own', async () => {
    const own = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'trace-12345678' },
    });
    expect(own.headers['x-request-id']).toBe('trace-12345678');
    const fresh = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('a server fault', () => {
  it('is a 500 problem with a reference, and shows nothing of the internals', async () => {
    const broken = await buildTestApp();
    const cookie = await signInAs(broken.app, 'leader@demo.test');
    await broken.database.disconnect(); // the database goes away under the running app
    const response = await broken.app.inject({ method: 'GET', url: '/api/v1/roster', headers: { cookie } });
    expect(response.statusCode).toBe(500);
    const problem = response.json();
    expect(problem.code).toBe('internal');
    expect(problem.detail).toContain(problem.requestId);
    expect(response.body).not.toMatch(/pglite|postgres|select|stack|at /i);
    await broken.close();
  });

  it('turns an unreachable database into 503 on /api/health', async () => {
    const broken = await buildTestApp();
    await broken.database.disconnect();
    const response = await broken.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ code: 'database_unavailable' });
    await broken.close();
  });
});
