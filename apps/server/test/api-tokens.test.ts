import { listAuditPage, listOrganizations } from '@rightly/db';
import { createApiToken, withOrgScope } from '@rightly/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTinyOrg } from '../../../test/support/fixtures';
import { TEST_NOW } from '../../../test/support/clock';
import { buildTestApp, signInAs, type TestApp } from './helper';

let t: TestApp;
let admin: string;
let leader: string;
let rep: string;
let demoOrgId: string;
let clock = TEST_NOW;

beforeAll(async () => {
  t = await buildTestApp();
  // The tests move this clock forward; the app reads it through deps.now.
  t.deps.now = () => clock;
  admin = await signInAs(t.app, 'admin@demo.test');
  leader = await signInAs(t.app, 'leader@demo.test');
  rep = await signInAs(t.app, 'rep@demo.test');
  demoOrgId = (await listOrganizations(t.database.db)).find((o) => o.isDemo)!.id;
});
afterAll(() => t.close());

async function create(cookie: string, body: { name: string; scopes: string[]; expiresInDays: number | null }) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/api-tokens',
    headers: { cookie },
    payload: body,
  });
  return { status: response.statusCode, body: response.json() };
}

function bearer(token: string, method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: unknown) {
  return t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
}

describe('API tokens', () => {
  it('shows the token once, stores only a hash, and lets it act as its creator', async () => {
    const created = await create(admin, { name: 'Nightly CRM sync', scopes: ['read'], expiresInDays: 90 });
    expect(created.status).toBe(201);
    const token: string = created.body.token;
    expect(token).toMatch(new RegExp(`^rly_${demoOrgId}_[A-Za-z0-9_-]{43}$`));
    expect(created.body.apiToken).toMatchObject({
      name: 'Nightly CRM sync',
      scopes: ['read'],
      owner: { name: 'Avery Quinn' },
      lastUsedAt: null,
    });
    expect(created.body.apiToken.expiresAt).toBe(new Date(TEST_NOW.getTime() + 90 * 86_400_000).toISOString());

    const me = await bearer(token, 'GET', '/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ email: 'admin@demo.test', role: 'admin' });

    // The list never shows the token again, nor does the database or the audit log hold it.
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/api-tokens', headers: { cookie: admin } });
    expect(list.body).not.toContain(token.slice(-43));
    const rows = await t.database.db.execute(`select * from api_tokens`);
    expect(JSON.stringify(rows)).not.toContain(token.slice(-43));
    const audit = (await listAuditPage(t.database.db, { orgId: demoOrgId, subjectIds: 'all', limit: 20 })).entries;
    expect(audit.find((e) => e.action === 'api_token_created')?.details).toMatchObject({
      name: 'Nightly CRM sync',
      scopes: ['read'],
    });
    expect(JSON.stringify(audit)).not.toContain(token.slice(-43));
  });

  it('refuses a change with a read token, saying which scope is needed, and allows it with write', async () => {
    const read = (await create(admin, { name: 'reader', scopes: ['read'], expiresInDays: null })).body.token;
    const settings = (
      await t.app.inject({ method: 'GET', url: '/api/v1/reporting-settings', headers: { cookie: admin } })
    ).json();
    const refused = await bearer(read, 'PUT', '/api/v1/reporting-settings', { ...settings, dueTime: '10:00' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('needs write');

    const write = (await create(admin, { name: 'writer', scopes: ['write'], expiresInDays: null })).body.token;
    const changed = await bearer(write, 'PUT', '/api/v1/reporting-settings', { ...settings, dueTime: '10:00' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().dueTime).toBe('10:00');
    // Scopes are independent: a write token does not read.
    expect((await bearer(write, 'GET', '/api/v1/me')).statusCode).toBe(403);
    // Uploading imports needs its own scope.
    const upload = await bearer(write, 'POST', '/api/v1/imports');
    expect(upload.statusCode).toBe(403);
    expect(upload.json().detail).toContain('needs import');
  });

  it('acts within its creator’s rights: a leader’s token cannot do what the leader cannot', async () => {
    const token = (await create(leader, { name: 'leader tool', scopes: ['read', 'write'], expiresInDays: 30 })).body
      .token;
    expect((await bearer(token, 'GET', '/api/v1/me')).json().user.role).toBe('leader');
    const settings = (
      await t.app.inject({ method: 'GET', url: '/api/v1/reporting-settings', headers: { cookie: admin } })
    ).json();
    expect((await bearer(token, 'PUT', '/api/v1/reporting-settings', settings)).statusCode).toBe(403);
  });

  it('cannot manage tokens or SSO, so a leaked token cannot mint more', async () => {
    const token = (await create(admin, { name: 'all', scopes: ['read', 'write', 'import'], expiresInDays: null })).body
      .token;
    expect((await bearer(token, 'GET', '/api/v1/api-tokens')).statusCode).toBe(403);
    expect(
      (await bearer(token, 'POST', '/api/v1/api-tokens', { name: 'x', scopes: ['read'], expiresInDays: null }))
        .statusCode,
    ).toBe(403);
    expect((await bearer(token, 'GET', '/api/v1/sso-settings')).statusCode).toBe(403);
  });

  it('lets reps not create tokens, and names bad input', async () => {
    expect((await create(rep, { name: 'mine', scopes: ['read'], expiresInDays: null })).status).toBe(403);
    const bad = await create(admin, { name: '', scopes: ['admin'], expiresInDays: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'expiresInDays',
      'name',
      'scopes.0',
    ]);
  });

  it('stops working the moment it is revoked', async () => {
    const created = (await create(leader, { name: 'to revoke', scopes: ['read'], expiresInDays: null })).body;
    expect((await bearer(created.token, 'GET', '/api/v1/me')).statusCode).toBe(200);
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/api-tokens/${created.apiToken.id}`,
      headers: { cookie: leader },
    });
    expect(revoked.statusCode).toBe(204);
    const after = await bearer(created.token, 'GET', '/api/v1/me');
    expect(after.statusCode).toBe(401);
    const again = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/api-tokens/${created.apiToken.id}`,
      headers: { cookie: leader },
    });
    expect(again.statusCode).toBe(404);
    const audit = (await listAuditPage(t.database.db, { orgId: demoOrgId, subjectIds: 'all', limit: 50 })).entries;
    expect(audit.find((e) => e.action === 'api_token_revoked')?.details).toMatchObject({
      tokenId: created.apiToken.id,
      name: 'to revoke',
    });
  });

  it('stops working when it expires', async () => {
    const token = (await create(admin, { name: 'short', scopes: ['read'], expiresInDays: 1 })).body.token;
    expect((await bearer(token, 'GET', '/api/v1/me')).statusCode).toBe(200);
    clock = new Date(TEST_NOW.getTime() + 86_400_000);
    try {
      expect((await bearer(token, 'GET', '/api/v1/me')).statusCode).toBe(401);
    } finally {
      clock = TEST_NOW;
    }
  });

  it('records when it was last used, writing at most once a minute', async () => {
    const created = (await create(admin, { name: 'used', scopes: ['read'], expiresInDays: null })).body;
    const lastUsed = async () => {
      const list = (
        await t.app.inject({ method: 'GET', url: '/api/v1/api-tokens', headers: { cookie: admin } })
      ).json();
      return list.tokens.find((tk: { id: string }) => tk.id === created.apiToken.id).lastUsedAt;
    };
    const start = TEST_NOW.getTime();
    try {
      clock = new Date(start + 1_000);
      await bearer(created.token, 'GET', '/api/v1/me');
      expect(await lastUsed()).toBe(new Date(start + 1_000).toISOString());
      clock = new Date(start + 30_000);
      await bearer(created.token, 'GET', '/api/v1/me');
      expect(await lastUsed()).toBe(new Date(start + 1_000).toISOString());
      clock = new Date(start + 62_000);
      await bearer(created.token, 'GET', '/api/v1/me');
      expect(await lastUsed()).toBe(new Date(start + 62_000).toISOString());
    } finally {
      clock = TEST_NOW;
    }
  });

  it('shows users their own tokens and admins all of the org’s; others’ ids read as absent', async () => {
    const repLeaderToken = (await create(leader, { name: 'leader only', scopes: ['read'], expiresInDays: null })).body
      .apiToken;
    const mine = (await t.app.inject({ method: 'GET', url: '/api/v1/api-tokens', headers: { cookie: leader } })).json();
    expect(mine.tokens.every((tk: { owner: { name: string } }) => tk.owner.name === 'Morgan Lee')).toBe(true);
    const all = (await t.app.inject({ method: 'GET', url: '/api/v1/api-tokens', headers: { cookie: admin } })).json();
    expect(all.tokens.map((tk: { id: string }) => tk.id)).toContain(repLeaderToken.id);
    // A leader cannot revoke the admin's token; the admin can revoke the leader's.
    const adminToken = all.tokens.find((tk: { owner: { name: string } }) => tk.owner.name === 'Avery Quinn');
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/v1/api-tokens/${adminToken.id}`,
          headers: { cookie: leader },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/v1/api-tokens/${repLeaderToken.id}`,
          headers: { cookie: admin },
        })
      ).statusCode,
    ).toBe(204);
  });

  it('answers another org’s token id with 404, and its token stays usable only in its own org', async () => {
    const other = await createTinyOrg(t.database.db, { name: 'Other Co' });
    const foreign = await withOrgScope({ orgId: other.orgId }, () =>
      createApiToken(t.deps, {
        viewer: { orgId: other.orgId, userId: other.leaderId, role: 'leader' },
        body: { name: 'theirs', scopes: ['read'], expiresInDays: null },
      }),
    );
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/api-tokens/${foreign.apiToken.id}`,
      headers: { cookie: admin },
    });
    expect(response.statusCode).toBe(404);
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/api-tokens', headers: { cookie: admin } })).json();
    expect(list.tokens.map((tk: { id: string }) => tk.id)).not.toContain(foreign.apiToken.id);
    // Their token, relabelled with the demo org's id, finds nothing.
    const relabelled = foreign.token.replace(other.orgId, demoOrgId);
    expect((await bearer(relabelled, 'GET', '/api/v1/me')).statusCode).toBe(401);
    expect((await bearer(foreign.token, 'GET', '/api/v1/me')).json().organization.id).toBe(other.orgId);
  });

  it('answers a malformed or unknown bearer with 401 and one message that leaks nothing', async () => {
    const attempts = [
      'Bearer',
      'Bearer ',
      'Basic YWRtaW46cGFzcw==',
      'Bearer rly_not-a-token',
      `Bearer rly_${demoOrgId}_${'A'.repeat(43)}`,
      `Bearer rly_${demoOrgId}_${'A'.repeat(42)}'; drop table users; --`,
      `Bearer ${'x'.repeat(5000)}`,
    ];
    const details = new Set<string>();
    for (const authorization of attempts) {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization } });
      expect(response.statusCode, authorization).toBe(401);
      expect(response.json().code).toBe('unauthenticated');
      details.add(response.json().detail);
    }
    expect([...details]).toHaveLength(1);
    expect([...details][0]).not.toMatch(/org|hash|sql/i);
  });
});
