import { randomUUID } from 'node:crypto';
import { auditLog, invitations, organizations, teams, users } from '@rightly/db';
import { DEMO_PASSWORD, hashPassword } from '@rightly/services';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signInAs, type TestApp } from './helper';

let t: TestApp;
let admin: string;
let leader: string;
let rep: string;
let other: { orgId: string; adminId: string; teamId: string; cookie: string };

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const call = (method: Method, url: string, cookie: string | null, payload?: object) =>
  t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });

const userId = async (email: string) => {
  const [row] = await t.database.db.select().from(users).where(eq(users.email, email));
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
};
const teamId = async (name: string, orgId?: string) => {
  const rows = await t.database.db.select().from(teams).where(eq(teams.name, name));
  const row = rows.find((r) => !orgId || r.orgId === orgId);
  if (!row) throw new Error(`no team ${name}`);
  return row.id;
};
const auditOf = async (action: string) =>
  (await t.database.db.select().from(auditLog).where(eq(auditLog.action, action))).map((r) => r.details);
const tokenOf = (acceptUrl: string) => decodeURIComponent(new URL(acceptUrl, 'http://x').searchParams.get('token')!);

beforeAll(async () => {
  t = await buildTestApp();
  admin = await signInAs(t.app, 'admin@demo.test');
  leader = await signInAs(t.app, 'leader@demo.test');
  rep = await signInAs(t.app, 'rep@demo.test');
  // A second organization, to prove its ids are 404 here and ours are 404 there.
  const orgId = randomUUID();
  const adminId = randomUUID();
  const otherTeamId = randomUUID();
  const db = t.database.db;
  await db.insert(organizations).values({ id: orgId, name: 'Other Co', slug: `other-${orgId.slice(0, 8)}` });
  await db.insert(users).values({
    orgId,
    id: adminId,
    email: 'admin@other.test',
    name: 'Olga Other',
    role: 'admin',
    passwordHash: await hashPassword(DEMO_PASSWORD),
  });
  await db.insert(teams).values({ orgId, id: otherTeamId, name: 'Other Sales' });
  other = { orgId, adminId, teamId: otherTeamId, cookie: await signInAs(t.app, 'admin@other.test') };
});
afterAll(() => t.close());

describe('people management is for admins', () => {
  it('refuses leaders and reps with 403 and anonymous callers with 401, changing nothing', async () => {
    const riley = await userId('rep@demo.test');
    const sales = await teamId('Sales');
    const attempts: [Method, string, object?][] = [
      ['GET', '/api/v1/users'],
      ['PATCH', `/api/v1/users/${riley}`, { role: 'admin' }],
      ['POST', `/api/v1/users/${riley}/deactivate`],
      ['POST', `/api/v1/users/${riley}/reactivate`],
      ['GET', '/api/v1/invitations'],
      ['POST', '/api/v1/invitations', { email: 'x@demo.test', name: 'X', role: 'admin' }],
      ['DELETE', `/api/v1/invitations/${randomUUID()}`],
      ['POST', '/api/v1/teams', { name: 'Rogue team' }],
      ['PATCH', `/api/v1/teams/${sales}`, { name: 'Renamed' }],
    ];
    for (const [method, url, body] of attempts) {
      for (const cookie of [leader, rep]) {
        const response = await call(method, url, cookie, body);
        expect(response.statusCode, `${method} ${url}`).toBe(403);
        expect(response.json().detail).toMatch(/for admins/);
      }
      expect((await call(method, url, null, body)).statusCode, `${method} ${url}`).toBe(401);
    }
    const me = await call('GET', '/api/v1/me', rep);
    expect(me.json().user.role).toBe('rep');
    expect(await t.database.db.select().from(teams).where(eq(teams.name, 'Rogue team'))).toEqual([]);
  });
});

describe('invitations', () => {
  it('invites without SMTP: the admin gets the link once, only its hash is stored, and the audit has no secret', async () => {
    const team = await teamId('NA Mid-Market');
    const response = await call('POST', '/api/v1/invitations', admin, {
      email: 'New.Person@Demo.test',
      name: 'Nova Person',
      role: 'rep',
      teamId: team,
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      delivery: 'manual',
      invitation: { email: 'new.person@demo.test', role: 'rep', status: 'pending', team: { name: 'NA Mid-Market' } },
    });
    expect(body.deliveryNote).toMatch(/SMTP_URL/);
    const token = tokenOf(body.acceptUrl);
    const [orgId, secret] = token.split('.');
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [stored] = await t.database.db
      .select()
      .from(invitations)
      .where(eq(invitations.email, 'new.person@demo.test'));
    expect(stored?.orgId).toBe(orgId);
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(secret);
    const audits = await auditOf('invitation_sent');
    expect(audits.at(-1)).toMatchObject({ after: { email: 'new.person@demo.test', role: 'rep', teamId: team } });
    expect(JSON.stringify(audits)).not.toContain(secret);

    const listed = (await call('GET', '/api/v1/invitations', admin)).json().invitations;
    expect(listed.map((i: { email: string }) => i.email)).toContain('new.person@demo.test');
    expect(JSON.stringify(listed)).not.toContain(secret);

    const preview = await call('POST', '/api/v1/invitations/preview', null, { token });
    expect(preview.json()).toMatchObject({
      organization: { name: 'Demo Co' },
      email: 'new.person@demo.test',
      role: 'rep',
    });
  });

  it('accepts once: creates the user in the invited team, signs them in, and refuses the link again', async () => {
    const created = await call('POST', '/api/v1/invitations', admin, {
      email: 'ada.accept@demo.test',
      name: 'Ada',
      role: 'rep',
      teamId: await teamId('EMEA Mid-Market'),
    });
    const token = tokenOf(created.json().acceptUrl);

    const weak = await call('POST', '/api/v1/invitations/accept', null, { token, name: 'Ada A.', password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors).toEqual([{ field: 'password', message: 'must be at least 12 characters' }]);

    const accepted = await call('POST', '/api/v1/invitations/accept', null, {
      token,
      name: 'Ada Accepted',
      password: 'a long enough passphrase',
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({
      user: { email: 'ada.accept@demo.test', name: 'Ada Accepted', role: 'rep' },
      team: { name: 'EMEA Mid-Market' },
    });
    const cookie = accepted.cookies.find((c) => c.name === 'rightly_session');
    expect(cookie?.httpOnly).toBe(true);
    const me = await call('GET', '/api/v1/me', `rightly_session=${cookie?.value}`);
    expect(me.json().user.email).toBe('ada.accept@demo.test');

    const again = await call('POST', '/api/v1/invitations/accept', null, {
      token,
      name: 'Eve',
      password: 'another passphrase',
    });
    expect(again.statusCode).toBe(404);
    expect(again.json().detail).toMatch(/not valid any more/);
    const signIn = await call('POST', '/api/v1/auth/sign-in', null, {
      email: 'ada.accept@demo.test',
      password: 'a long enough passphrase',
    });
    expect(signIn.statusCode).toBe(200);
    expect((await auditOf('invitation_accepted')).at(-1)).toMatchObject({ after: { email: 'ada.accept@demo.test' } });
    const listed = (await call('GET', '/api/v1/invitations', admin)).json().invitations;
    expect(listed.map((i: { email: string }) => i.email)).not.toContain('ada.accept@demo.test');
  });

  it('gives one 404 for forged, tampered, other-org, expired and revoked links', async () => {
    const created = (
      await call('POST', '/api/v1/invitations', admin, { email: 'late@demo.test', name: 'Late', role: 'leader' })
    ).json();
    const token = tokenOf(created.acceptUrl);
    const [orgId, secret] = token.split('.') as [string, string];
    const flipped = `${orgId}.${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
    const bad = ['garbage', `${orgId}.`, flipped, `${other.orgId}.${secret}`, `${token}x`, "'; drop table users; --"];
    for (const candidate of bad) {
      const response = await call('POST', '/api/v1/invitations/accept', null, {
        token: candidate,
        name: 'Mallory',
        password: 'mallory passphrase',
      });
      expect(response.statusCode, candidate).toBe(404);
      expect(response.json().detail).toMatch(/not valid any more/);
    }
    // Expired: the same link a moment after its 7 days.
    await t.database.db
      .update(invitations)
      .set({ expiresAt: new Date('2026-01-01T00:00:00Z') })
      .where(eq(invitations.id, created.invitation.id));
    const expired = await call('POST', '/api/v1/invitations/accept', null, {
      token,
      name: 'L',
      password: 'late passphrase!',
    });
    expect(expired.statusCode).toBe(404);
    const listed = (await call('GET', '/api/v1/invitations', admin)).json().invitations;
    expect(listed.find((i: { email: string }) => i.email === 'late@demo.test')?.status).toBe('expired');
    expect(await t.database.db.select().from(users).where(eq(users.email, 'late@demo.test'))).toEqual([]);
  });

  it('revokes: the link stops working; another org cannot see or revoke it', async () => {
    const created = (
      await call('POST', '/api/v1/invitations', admin, { email: 'gone@demo.test', name: 'Gone', role: 'rep' })
    ).json();
    const url = `/api/v1/invitations/${created.invitation.id}`;
    expect((await call('DELETE', url, other.cookie)).statusCode).toBe(404);
    expect((await call('GET', '/api/v1/invitations', other.cookie)).json().invitations).toEqual([]);
    expect((await call('DELETE', url, admin)).statusCode).toBe(204);
    expect((await call('DELETE', url, admin)).statusCode).toBe(404);
    const accept = await call('POST', '/api/v1/invitations/accept', null, {
      token: tokenOf(created.acceptUrl),
      name: 'Gone',
      password: 'gone passphrase!',
    });
    expect(accept.statusCode).toBe(404);
    expect((await auditOf('invitation_revoked')).at(-1)).toMatchObject({ email: 'gone@demo.test' });
  });

  it('replaces an open invitation when the same address is invited again', async () => {
    const first = (
      await call('POST', '/api/v1/invitations', admin, { email: 'twice@demo.test', name: 'T', role: 'rep' })
    ).json();
    const second = (
      await call('POST', '/api/v1/invitations', admin, { email: 'twice@demo.test', name: 'T', role: 'leader' })
    ).json();
    const old = await call('POST', '/api/v1/invitations/preview', null, { token: tokenOf(first.acceptUrl) });
    expect(old.statusCode).toBe(404);
    const current = await call('POST', '/api/v1/invitations/preview', null, { token: tokenOf(second.acceptUrl) });
    expect(current.json().role).toBe('leader');
  });

  it('says 409 for an address that has an account, here or in another org, without naming the other org', async () => {
    const here = await call('POST', '/api/v1/invitations', admin, { email: 'REP@demo.test', name: 'R', role: 'rep' });
    expect(here.statusCode).toBe(409);
    expect(here.json().detail).toMatch(/already has an account in your organization \(Riley Carter, rep\)/);
    const elsewhere = await call('POST', '/api/v1/invitations', admin, {
      email: 'admin@other.test',
      name: 'O',
      role: 'rep',
    });
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json().detail).toMatch(/another Rightly organization/);
    expect(elsewhere.json().detail).not.toMatch(/Other Co/);
  });

  it("refuses another org's team with 404 and bad input with field errors", async () => {
    const foreign = await call('POST', '/api/v1/invitations', admin, {
      email: 'x1@demo.test',
      name: 'X',
      role: 'rep',
      teamId: other.teamId,
    });
    expect(foreign.statusCode).toBe(404);
    const bad = await call('POST', '/api/v1/invitations', admin, {
      email: 'not-an-email',
      name: 'Line\nbreak',
      role: 'boss',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['email', 'name', 'role']);
  });
});

describe('users', () => {
  it('lists every user with role, team and status, inactive ones included', async () => {
    const body = (await call('GET', '/api/v1/users', admin)).json();
    const riley = body.users.find((u: { email: string }) => u.email === 'rep@demo.test');
    expect(riley).toMatchObject({ role: 'rep', active: true, team: { name: 'NA Mid-Market' }, leads: [] });
    const morgan = body.users.find((u: { email: string }) => u.email === 'leader@demo.test');
    expect(morgan.leads).toEqual([{ id: await teamId('Sales'), name: 'Sales' }]);
    expect(body.users.some((u: { email: string }) => u.email === 'admin@other.test')).toBe(false);
    expect(JSON.stringify(body)).not.toMatch(/argon2/);
  });

  it('changes a role and a team, auditing before and after', async () => {
    const id = await userId('jamie.ortiz@demo.test');
    const promoted = await call('PATCH', `/api/v1/users/${id}`, admin, { role: 'leader' });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json().role).toBe('leader');
    expect((await auditOf('user_changed')).at(-1)).toMatchObject({
      before: { role: 'rep' },
      after: { role: 'leader' },
    });
    const emea = await teamId('EMEA Enterprise');
    const moved = await call('PATCH', `/api/v1/users/${id}`, admin, { teamId: emea, role: 'rep' });
    expect(moved.json()).toMatchObject({ role: 'rep', team: { id: emea, name: 'EMEA Enterprise' } });
    expect((await auditOf('membership_changed')).at(-1)).toMatchObject({
      before: { teamName: 'NA Enterprise' },
      after: { teamId: emea, teamName: 'EMEA Enterprise' },
    });
    // The leader of EMEA Enterprise now sees Jamie.
    const sofia = await signInAs(t.app, 'sofia.rossi@demo.test');
    const roster = (await call('GET', '/api/v1/roster', sofia)).json();
    expect(roster.reps.map((r: { rep: { id: string } }) => r.rep.id)).toContain(id);

    const none = await call('PATCH', `/api/v1/users/${id}`, admin, {});
    expect(none.statusCode).toBe(400);
  });

  it('deactivates: sessions end, sign-in fails, history stays; reactivation lets them back in', async () => {
    const id = await userId('casey.nguyen@demo.test');
    const casey = await signInAs(t.app, 'casey.nguyen@demo.test');
    const response = await call('POST', `/api/v1/users/${id}/deactivate`, admin);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ active: false, team: { name: expect.any(String) } });
    expect((await call('GET', '/api/v1/me', casey)).statusCode).toBe(401);
    const signIn = await call('POST', '/api/v1/auth/sign-in', null, {
      email: 'casey.nguyen@demo.test',
      password: DEMO_PASSWORD,
    });
    expect(signIn.statusCode).toBe(401);
    const listed = (await call('GET', '/api/v1/users', admin)).json().users;
    expect(listed.find((u: { id: string }) => u.id === id)).toMatchObject({
      active: false,
      deactivatedAt: expect.any(String),
    });
    expect((await auditOf('user_deactivated')).at(-1)).toMatchObject({
      before: { active: true },
      after: { active: false },
    });

    expect((await call('POST', `/api/v1/users/${id}/reactivate`, admin)).json().active).toBe(true);
    expect(
      (await call('POST', '/api/v1/auth/sign-in', null, { email: 'casey.nguyen@demo.test', password: DEMO_PASSWORD }))
        .statusCode,
    ).toBe(200);
  });

  it('keeps the last active admin: no self-demotion or self-deactivation, 409 saying why', async () => {
    const self = await userId('admin@demo.test');
    const demote = await call('PATCH', `/api/v1/users/${self}`, admin, { role: 'leader' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().detail).toMatch(/last active admin/);
    const deactivate = await call('POST', `/api/v1/users/${self}/deactivate`, admin);
    expect(deactivate.statusCode).toBe(409);
    expect(deactivate.json().detail).toMatch(/last active admin/);
    expect((await call('GET', '/api/v1/me', admin)).json().user.role).toBe('admin');
  });

  it('refuses to deactivate or make a rep of someone who still leads a team', async () => {
    const marcus = await userId('marcus.cole@demo.test');
    const deactivate = await call('POST', `/api/v1/users/${marcus}/deactivate`, admin);
    expect(deactivate.statusCode).toBe(409);
    expect(deactivate.json().detail).toMatch(/leads NA Mid-Market/);
    expect((await call('PATCH', `/api/v1/users/${marcus}`, admin, { role: 'rep' })).statusCode).toBe(409);
  });

  it("answers 404 for another org's users and teams, both ways", async () => {
    const riley = await userId('rep@demo.test');
    expect((await call('PATCH', `/api/v1/users/${other.adminId}`, admin, { name: 'Pwned' })).statusCode).toBe(404);
    expect((await call('POST', `/api/v1/users/${other.adminId}/deactivate`, admin)).statusCode).toBe(404);
    expect((await call('PATCH', `/api/v1/users/${riley}`, other.cookie, { role: 'admin' })).statusCode).toBe(404);
    expect((await call('PATCH', `/api/v1/users/${riley}`, admin, { teamId: other.teamId })).statusCode).toBe(404);
    const [olga] = await t.database.db.select().from(users).where(eq(users.id, other.adminId));
    expect(olga?.name).toBe('Olga Other');
  });
});

describe('teams', () => {
  it('creates, renames, moves and sets the leader, auditing each change', async () => {
    const sales = await teamId('Sales');
    const dana = await userId('dana.whitfield@demo.test');
    const created = await call('POST', '/api/v1/teams', admin, { name: 'APAC', parentId: sales, leaderId: dana });
    expect(created.statusCode).toBe(201);
    const apac = created.json();
    expect(apac).toMatchObject({ name: 'APAC', parentId: sales, leader: { id: dana, name: 'Dana Whitfield' } });
    expect((await auditOf('team_created')).at(-1)).toMatchObject({ after: { name: 'APAC', parentId: sales } });

    const na = await teamId('North America');
    const moved = await call('PATCH', `/api/v1/teams/${apac.id}`, admin, {
      name: 'APAC & Japan',
      parentId: na,
      leaderId: null,
    });
    expect(moved.json()).toMatchObject({ name: 'APAC & Japan', parentId: na, leader: null });
    expect((await auditOf('team_changed')).at(-1)).toMatchObject({
      before: { name: 'APAC', parentId: sales, leaderId: dana },
      after: { name: 'APAC & Japan', parentId: na, leaderId: null },
    });
    const top = await call('PATCH', `/api/v1/teams/${apac.id}`, admin, { parentId: null });
    expect(top.json().parentId).toBeNull();
  });

  it('refuses cycles, taken names and reps as leaders with 409', async () => {
    const na = await teamId('North America');
    const naMid = await teamId('NA Mid-Market');
    const cycle = await call('PATCH', `/api/v1/teams/${na}`, admin, { parentId: naMid });
    expect(cycle.statusCode).toBe(409);
    expect(cycle.json().detail).toMatch(/NA Mid-Market is inside North America/);
    expect((await call('PATCH', `/api/v1/teams/${na}`, admin, { parentId: na })).statusCode).toBe(409);
    const taken = await call('POST', '/api/v1/teams', admin, { name: 'emea' });
    expect(taken.statusCode).toBe(409);
    const riley = await userId('rep@demo.test');
    const repLeader = await call('PATCH', `/api/v1/teams/${na}`, admin, { leaderId: riley });
    expect(repLeader.statusCode).toBe(409);
    expect(repLeader.json().detail).toMatch(/make them a leader first/);
    const [row] = await t.database.db.select().from(teams).where(eq(teams.id, na));
    expect(row?.parentId).toBe(await teamId('Sales'));
  });

  it("answers 404 for another org's teams and people", async () => {
    const na = await teamId('North America');
    expect((await call('PATCH', `/api/v1/teams/${other.teamId}`, admin, { name: 'Mine now' })).statusCode).toBe(404);
    expect((await call('PATCH', `/api/v1/teams/${na}`, other.cookie, { name: 'Mine now' })).statusCode).toBe(404);
    expect((await call('POST', '/api/v1/teams', admin, { name: 'X', parentId: other.teamId })).statusCode).toBe(404);
    expect((await call('POST', '/api/v1/teams', admin, { name: 'Y', leaderId: other.adminId })).statusCode).toBe(404);
    const [row] = await t.database.db
      .select()
      .from(teams)
      .where(and(eq(teams.orgId, other.orgId), eq(teams.id, other.teamId)));
    expect(row?.name).toBe('Other Sales');
  });
});
