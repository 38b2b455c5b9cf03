import { randomUUID } from 'node:crypto';
import { findOrganization, listAuditPage, listOrganizations, users } from '@rightly/db';
import { updateSsoSettings, withOrgScope, type SessionDeps } from '@rightly/services';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, followFlow, request, type Hop } from '../../../test/support/browser-flow';
import { createTinyOrg, type TinyOrg } from '../../../test/support/fixtures';
import { startOidcTestProvider, type OidcTestProvider } from '../../../test/support/oidc-test-provider';
import { buildTestApp, signInAs, type TestApp } from './helper';

/**
 * SSO end to end: the real app on a real port, a real OpenID provider (oidc-provider) on another,
 * and an HTTP client that follows redirects with a cookie jar and types a login on the provider's page.
 */
let t: TestApp;
let idp: OidcTestProvider;
let app: URL;
let demoOrgId: string;
let other: TinyOrg;
let adminCookie: string;

const CALLBACK = '/api/v1/auth/sso/callback';

beforeAll(async () => {
  t = await buildTestApp();
  app = new URL(await t.app.listen({ port: 0, host: '127.0.0.1' }));
  const redirect = new URL(CALLBACK, app).href;
  idp = await startOidcTestProvider({
    clients: [
      {
        client_id: 'rightly-a',
        client_secret: 'secret-a',
        redirect_uris: [redirect],
        token_endpoint_auth_method: 'client_secret_post',
      },
      {
        client_id: 'rightly-b',
        client_secret: 'secret-b',
        redirect_uris: [redirect],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
  });
  demoOrgId = (await listOrganizations(t.database.db)).find((o) => o.isDemo)!.id;
  adminCookie = await signInAs(t.app, 'admin@demo.test');
  const saved = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/sso-settings',
    headers: { cookie: adminCookie },
    payload: {
      enabled: true,
      issuer: idp.issuer,
      clientId: 'rightly-a',
      clientSecret: 'secret-a',
      roleClaim: 'rightly_role',
      roleMapping: { 'sales-leads': 'leader', 'it-admins': 'admin' },
      defaultRole: 'rep',
      allowedDomains: ['demo.test', 'sso-a.test', 'elsewhere.test'],
    },
  });
  expect(saved.statusCode, saved.body).toBe(200);
  other = await createTinyOrg(t.database.db, { name: 'Other Co' });
  await configure(t.deps, other.orgId, {
    clientId: 'rightly-b',
    clientSecret: 'secret-b',
    allowedDomains: ['sso-b.test'],
  });
  // A user of the other org whose domain the demo org (wrongly) also allows.
  await t.database.db
    .insert(users)
    .values({ orgId: other.orgId, id: randomUUID(), email: 'taken@elsewhere.test', name: 'Taken', role: 'rep' });
});

afterAll(async () => {
  await idp?.close();
  await t?.close();
});

async function configure(
  deps: SessionDeps,
  orgId: string,
  settings: { clientId: string; clientSecret: string; allowedDomains: string[]; issuer?: string },
): Promise<void> {
  // As the org's admin would, in the org's scope (the app's connection is bound by row-level security).
  await withOrgScope({ orgId }, () =>
    updateSsoSettings(deps, {
      viewer: { orgId, userId: randomUUID(), role: 'admin' },
      origin: app.origin,
      settings: {
        enabled: true,
        issuer: settings.issuer ?? idp.issuer,
        roleClaim: null,
        roleMapping: {},
        defaultRole: 'rep',
        ...settings,
      },
    }),
  );
}

const atApp = (hop: Hop) => hop.url.host === app.host;
const isCallback = (hop: Hop) => atApp(hop) && hop.url.pathname === CALLBACK;

/** Starts SSO at `startPath`, signs in on the provider as `login`, and returns the hops and the jar. */
async function ssoSignIn(startPath: string, login: string) {
  const jar = new CookieJar();
  const hops = await followFlow(jar, new URL(startPath, app), { login, stopWhen: isCallback });
  const last = hops.at(-1)!;
  return { jar, hops, last, session: jar.get(app.host, 'rightly_session') };
}

async function meWith(session: string | undefined) {
  const response = await t.app.inject({
    method: 'GET',
    url: '/api/v1/me',
    headers: { cookie: `rightly_session=${session}` },
  });
  return { status: response.statusCode, body: response.json() };
}

function ssoError(hop: Hop): string | null {
  return hop.location?.pathname === '/sign-in' ? hop.location.searchParams.get('sso_error') : null;
}

describe('SSO sign-in through a real OpenID provider', () => {
  it('creates a new user on first sign-in with the role mapped from the claim, and signs them in', async () => {
    idp.setAccount('ann', {
      email: 'Ann@SSO-A.test',
      email_verified: true,
      name: 'Ann Archer',
      rightly_role: ['staff', 'sales-leads'],
    });
    const { hops, last, session } = await ssoSignIn(
      '/api/v1/auth/sso/start?email=ann%40sso-a.test&returnTo=%2Freps',
      'ann',
    );
    // Went to the provider with PKCE, state and nonce, and came back.
    const authorize = hops.find((h) => h.url.host !== app.host && h.url.pathname === '/auth')!;
    expect(authorize.url.searchParams.get('client_id')).toBe('rightly-a');
    expect(authorize.url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.url.searchParams.get('nonce')).toBeTruthy();
    expect(last.status).toBe(303);
    expect(last.location?.pathname).toBe('/reps');
    const me = await meWith(session);
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ email: 'ann@sso-a.test', name: 'Ann Archer', role: 'leader' });
    expect(me.body.organization.id).toBe(demoOrgId);
    const audit = (await listAuditPage(t.database.db, { orgId: demoOrgId, subjectIds: 'all', limit: 20 })).entries;
    expect(audit.find((e) => e.action === 'sso_sign_in')?.details).toMatchObject({
      email: 'ann@sso-a.test',
      created: true,
      role: 'leader',
    });
  });

  it('gives the default role when the provider sends no role claim', async () => {
    idp.setAccount('bob', { email: 'bob@sso-a.test', email_verified: true });
    const { last, session } = await ssoSignIn('/api/v1/auth/sso/start?email=bob%40sso-a.test', 'bob');
    expect(last.location?.pathname).toBe('/');
    expect((await meWith(session)).body.user).toMatchObject({ email: 'bob@sso-a.test', name: 'bob', role: 'rep' });
  });

  it('signs an existing user in as themselves, keeping the role Rightly has for them', async () => {
    idp.setAccount('riley', { email: 'rep@demo.test', rightly_role: 'it-admins' });
    const { session } = await ssoSignIn(`/api/v1/auth/sso/start?org=${demoOrgId}`, 'riley');
    expect((await meWith(session)).body.user).toMatchObject({
      email: 'rep@demo.test',
      name: 'Riley Carter',
      role: 'rep',
    });
  });

  it('refuses a callback whose state does not match this browser, and a replayed one', async () => {
    idp.setAccount('cleo', { email: 'cleo@sso-a.test' });
    const jar = new CookieJar();
    const hops = await followFlow(jar, new URL('/api/v1/auth/sso/start?email=cleo%40sso-a.test', app), {
      login: 'cleo',
      stopWhen: (hop) => hop.location?.pathname === CALLBACK,
    });
    const callback = hops.at(-1)!.location!;
    const stateCookie = jar.get(app.host, 'rightly_sso')!;

    const forged = new URL(callback);
    forged.searchParams.set('state', 'A'.repeat(43));
    const refused = await request(jar, forged);
    expect(ssoError(refused)).toBe('bad_state');
    expect(jar.get(app.host, 'rightly_session')).toBeUndefined();

    // The genuine callback still works once…
    jar.set(app.host, 'rightly_sso', stateCookie);
    const first = await request(jar, callback);
    expect(first.location?.pathname).toBe('/');
    expect(jar.get(app.host, 'rightly_session')).toBeTruthy();
    // …and never again, even with the cookie put back.
    const replayJar = new CookieJar();
    replayJar.set(app.host, 'rightly_sso', stateCookie);
    expect(ssoError(await request(replayJar, callback))).toBe('bad_state');
    // Without the cookie (another browser) it is refused too.
    expect(ssoError(await request(new CookieJar(), callback))).toBe('bad_state');
  });

  it('never uses another org’s settings: each org’s own client, domains and state', async () => {
    // Started for the other org (by id or by its domain), the other org's client is used.
    const jar = new CookieJar();
    const byOrg = await request(jar, new URL(`/api/v1/auth/sso/start?org=${other.orgId}`, app));
    expect(byOrg.location?.searchParams.get('client_id')).toBe('rightly-b');
    const byEmail = await request(new CookieJar(), new URL('/api/v1/auth/sso/start?email=x%40sso-b.test', app));
    expect(byEmail.location?.searchParams.get('client_id')).toBe('rightly-b');

    // A state cookie of the demo org re-labelled with the other org's id finds nothing.
    const demoJar = new CookieJar();
    idp.setAccount('dora', { email: 'dora@sso-a.test' });
    const hops = await followFlow(demoJar, new URL('/api/v1/auth/sso/start?email=dora%40sso-a.test', app), {
      login: 'dora',
      stopWhen: (hop) => hop.location?.pathname === CALLBACK,
    });
    const token = demoJar.get(app.host, 'rightly_sso')!.split('.')[1]!;
    demoJar.set(app.host, 'rightly_sso', `${other.orgId}.${token}`);
    expect(ssoError(await request(demoJar, hops.at(-1)!.location!))).toBe('bad_state');

    // An identity from the other org's domain cannot sign in to the demo org.
    idp.setAccount('eve', { email: 'eve@sso-b.test' });
    const { last } = await ssoSignIn(`/api/v1/auth/sso/start?org=${demoOrgId}`, 'eve');
    expect(ssoError(last)).toBe('domain_not_allowed');
    // Nor take over an e-mail that belongs to the other org.
    idp.setAccount('taken', { email: 'taken@elsewhere.test' });
    expect(ssoError((await ssoSignIn(`/api/v1/auth/sso/start?org=${demoOrgId}`, 'taken')).last)).toBe(
      'account_elsewhere',
    );
    const [still] = await t.database.db.select().from(users).where(eq(users.email, 'taken@elsewhere.test'));
    expect(still?.orgId).toBe(other.orgId);
  });

  it('explains each refusal with a code the sign-in page shows, and audits it', async () => {
    idp.setAccount('nomail', { name: 'No Mail' });
    expect(ssoError((await ssoSignIn(`/api/v1/auth/sso/start?org=${demoOrgId}`, 'nomail')).last)).toBe('email_missing');
    idp.setAccount('unverified', { email: 'unverified@sso-a.test', email_verified: false });
    expect(ssoError((await ssoSignIn(`/api/v1/auth/sso/start?org=${demoOrgId}`, 'unverified')).last)).toBe(
      'email_unverified',
    );

    await t.database.db
      .update(users)
      .set({ active: false, deactivatedAt: new Date() })
      .where(and(eq(users.orgId, demoOrgId), eq(users.email, 'bob@sso-a.test')));
    const deactivated = await ssoSignIn('/api/v1/auth/sso/start?email=bob%40sso-a.test', 'bob');
    expect(ssoError(deactivated.last)).toBe('account_deactivated');
    expect(deactivated.session).toBeUndefined();

    const unknown = await request(new CookieJar(), new URL('/api/v1/auth/sso/start?email=who%40nowhere.test', app));
    expect(ssoError(unknown)).toBe('not_configured');

    const audit = (await listAuditPage(t.database.db, { orgId: demoOrgId, subjectIds: 'all', limit: 50 })).entries;
    const reasons = audit.filter((e) => e.action === 'sso_sign_in_failed').map((e) => e.details.reason);
    expect(reasons).toEqual(
      expect.arrayContaining(['email_missing', 'email_unverified', 'account_deactivated', 'domain_not_allowed']),
    );
  });

  it('says the provider is unavailable when it cannot be reached', async () => {
    const down = await createTinyOrg(t.database.db, { name: 'Down Co' });
    await configure(t.deps, down.orgId, {
      clientId: 'x',
      clientSecret: 'y',
      allowedDomains: ['down.test'],
      issuer: 'http://127.0.0.1:9',
    });
    const hop = await request(new CookieJar(), new URL('/api/v1/auth/sso/start?email=a%40down.test', app));
    expect(ssoError(hop)).toBe('provider_unavailable');
    expect(await findOrganization(t.database.db, { orgId: down.orgId })).not.toBeNull();
  });
});

describe('SSO settings', () => {
  it('never returns the client secret, only whether it is set', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/sso-settings',
      headers: { cookie: adminCookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      enabled: true,
      clientId: 'rightly-a',
      clientSecret: 'set',
      defaultRole: 'rep',
    });
    expect(response.body).not.toContain('secret-a');
    // Over a real connection the URLs name the host the admin reached Rightly at.
    const overHttp = await fetch(new URL('/api/v1/sso-settings', app), { headers: { cookie: adminCookie } });
    expect(await overHttp.json()).toMatchObject({
      redirectUri: `${app.origin}${CALLBACK}`,
      startUrl: `${app.origin}/api/v1/auth/sso/start?org=${demoOrgId}`,
    });
    const audit = (await listAuditPage(t.database.db, { orgId: demoOrgId, subjectIds: 'all', limit: 100 })).entries;
    const changed = audit.find((e) => e.action === 'sso_settings_changed');
    expect(changed?.details).toMatchObject({ clientSecretReplaced: true, clientId: 'rightly-a' });
    expect(JSON.stringify(audit)).not.toContain('secret-a');
  });

  it('names what is missing or wrong before SSO can be enabled', async () => {
    const response = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/sso-settings',
      headers: { cookie: adminCookie },
      payload: {
        enabled: true,
        issuer: 'http://login.example.com',
        clientId: '',
        roleClaim: null,
        roleMapping: { x: 'owner' },
        defaultRole: 'rep',
        allowedDomains: ['@bad'],
      },
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['issuer', 'allowedDomains.0', 'roleMapping.x']));
    const unchanged = await t.app.inject({
      method: 'GET',
      url: '/api/v1/sso-settings',
      headers: { cookie: adminCookie },
    });
    expect(unchanged.json()).toMatchObject({ enabled: true, issuer: idp.issuer });
  });
});
