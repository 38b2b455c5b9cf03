import { randomUUID } from 'node:crypto';
import { organizations, queryRows, users } from '@rightly/db';
import { DEMO_PASSWORD, hashPassword, signUnsubscribeToken } from '@rightly/services';
import { sql } from 'drizzle-orm';
import { signInAs } from './helper';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { TestApp } from './helper';
import type { Actor, MatrixRequest } from './authorization-matrix';

/** Marks every text the fixture writes about the rep, so a leak of any of them is easy to find. */
export const MARKER = 'ZQX7';
/** The figure the rep reports: it must not show anywhere the rep is not visible. */
export const REP_FIGURE = 9137;

export interface Person {
  id: string;
  orgId: string;
  email: string;
  name: string;
}

/**
 * The rep (Riley Carter, NA Mid-Market) and their world: the people of the matrix, and one
 * target of each kind belonging to the rep, so every `:id` of a route has something to point at.
 */
export interface Fixture {
  rep: Person;
  otherRep: Person;
  leader: Person;
  otherLeader: Person;
  admin: Person;
  otherAdmin: Person;
  expectationBody: Record<string, unknown>;
  expectationId: string;
  planId: string;
  commitmentId: string;
  selfReportId: string;
  selfReportBody: Record<string, unknown>;
  importId: string;
  unsubscribeToken: string;
  notificationPreferences: unknown;
  reportingSettings: unknown;
  /** The rep's team. */
  teamId: string;
  /** A rep of the demo org who is none of the actors: the target of deactivation. */
  spareId: string;
  /** An open invitation of the demo org. */
  invitationId: string;
  /** A second session of the rep's (the public id the sessions list shows). */
  repOtherSessionId: string;
  /** An API token of the rep's leader. */
  apiTokenId: string;
  /** Texts that identify the rep: none may appear in a denied or scoped answer. */
  leakStrings: string[];
  /** Gives the leader a live API token again (after one was revoked) and points `apiTokenId` at it. */
  ensureApiToken(): Promise<void>;
  /** Gives the rep an active plan again (after one was closed) and points `planId` at it. */
  ensureActivePlan(): Promise<void>;
}

const EMAILS: Record<Exclude<Actor, 'anonymous'>, string> = {
  rep: 'rep@demo.test',
  otherRep: 'lucas.bennett@demo.test',
  leader: 'marcus.cole@demo.test',
  otherLeader: 'henrik.vogel@demo.test',
  admin: 'admin@demo.test',
  otherAdmin: 'admin@other-org.test',
};

/** A second org with an admin: everything of the demo org must stay out of its sight. */
async function createOtherOrg(t: TestApp): Promise<void> {
  const orgId = randomUUID();
  await t.database.db.insert(organizations).values({ id: orgId, name: 'Other Org', slug: 'other-org' });
  await t.database.db.insert(users).values({
    orgId,
    id: randomUUID(),
    email: EMAILS.otherAdmin,
    name: 'Olive Other',
    role: 'admin',
    passwordHash: await hashPassword(DEMO_PASSWORD),
  });
}

async function person(t: TestApp, email: string): Promise<Person> {
  const [row] = await queryRows<Person>(
    t.database.db,
    sql`select id, org_id as "orgId", email, name from users where email = ${email}`,
  );
  if (!row) throw new Error(`fixture: no user ${email}`);
  return row;
}

/** The Cookie header of a browser signed in as `email`: the session and the CSRF cookie. */
export function signIn(app: FastifyInstance, email: string): Promise<string> {
  return signInAs(app, email, DEMO_PASSWORD);
}

/** The people and their sessions; nothing of the rep's targets exists yet (see `createTargets`). */
export async function createActors(
  t: TestApp,
): Promise<{ people: Record<Exclude<Actor, 'anonymous'>, Person>; cookies: Record<Actor, string | null> }> {
  await createOtherOrg(t);
  const people = {} as Record<Exclude<Actor, 'anonymous'>, Person>;
  const cookies: Record<Actor, string | null> = {
    anonymous: null,
    rep: null,
    otherRep: null,
    leader: null,
    otherLeader: null,
    admin: null,
    otherAdmin: null,
  };
  for (const [actor, email] of Object.entries(EMAILS) as [Exclude<Actor, 'anonymous'>, string][]) {
    people[actor] = await person(t, email);
    cookies[actor] = await signIn(t.app, email);
  }
  return { people, cookies };
}

export type Send = (
  method: string,
  url: string,
  actor: Actor,
  request?: MatrixRequest,
) => Promise<LightMyRequestResponse>;

function expectStatus(response: LightMyRequestResponse, status: number, what: string): Record<string, unknown> {
  if (response.statusCode !== status) {
    throw new Error(`fixture: ${what} answered ${response.statusCode}, not ${status}: ${response.body}`);
  }
  return response.json();
}

/** One target of each kind, all the rep's, made through the API by those allowed to. */
export async function createTargets(params: {
  t: TestApp;
  send: Send;
  people: Record<Exclude<Actor, 'anonymous'>, Person>;
}): Promise<Fixture> {
  const { t, send, people } = params;
  const rep = people.rep;
  const expectationBody = {
    name: `Calls for the rep ${MARKER}`,
    scope: { kind: 'rep', repId: rep.id },
    metric: 'calls_made',
    target: 41,
    period: 'week',
    startsOn: '2026-11-02',
    note: `Private note ${MARKER}`,
  };
  const expectation = expectStatus(
    await send('POST', '/api/v1/expectations', 'leader', { body: expectationBody }),
    201,
    'creating the expectation',
  );

  const fixture: Fixture = {
    ...people,
    expectationBody,
    expectationId: String(expectation.id),
    planId: '',
    commitmentId: '',
    selfReportId: '',
    selfReportBody: {},
    importId: '',
    unsubscribeToken: signUnsubscribeToken(t.deps.sessionSecret, {
      orgId: rep.orgId,
      userId: rep.id,
      channel: 'email',
    }),
    notificationPreferences: null,
    reportingSettings: null,
    teamId: '',
    spareId: '',
    invitationId: '',
    repOtherSessionId: '',
    apiTokenId: '',
    leakStrings: [rep.name, rep.email, MARKER, String(REP_FIGURE), REP_FIGURE.toLocaleString('en-US')],
    ensureApiToken: async () => {
      const token = expectStatus(
        await send('POST', '/api/v1/api-tokens', 'leader', {
          body: { name: 'Matrix token', scopes: ['read'], expiresInDays: 30 },
        }),
        201,
        'creating an API token',
      ) as { apiToken: { id: string } };
      fixture.apiTokenId = token.apiToken.id;
    },
    ensureActivePlan: async () => {
      const plan = await send('GET', `/api/v1/coaching-plans/${fixture.planId}`, 'admin');
      if (plan.statusCode === 200 && plan.json().status === 'active') return;
      const created = expectStatus(
        await send('POST', '/api/v1/coaching-plans', 'admin', {
          body: { repId: rep.id, reviewOn: '2027-01-15', focus: ['time'] },
        }),
        201,
        'starting another plan',
      );
      fixture.planId = String(created.id);
    },
  };

  const plan = expectStatus(
    await send('POST', '/api/v1/coaching-plans', 'leader', {
      body: { repId: rep.id, reviewOn: '2027-01-15', focus: ['time'], goals: [{ text: `Goal ${MARKER}` }] },
    }),
    201,
    'starting the plan',
  );
  fixture.planId = String(plan.id);
  const withSession = expectStatus(
    await send('POST', `/api/v1/coaching-plans/${fixture.planId}/sessions`, 'leader', {
      body: {
        heldOn: '2026-11-27',
        notes: `Session notes ${MARKER}`,
        commitments: [{ text: `Commitment ${MARKER}`, owner: 'rep', dueOn: '2026-12-04' }],
      },
    }),
    201,
    'recording a session',
  ) as { commitments: { id: string }[] };
  fixture.commitmentId = String(withSession.commitments[0]?.id);

  const open = expectStatus(
    await send('GET', '/api/v1/self-reports', 'rep', { query: { status: 'open' } }),
    200,
    'listing open reports',
  ) as { items: { expectationId: string; window: { start: string } }[] };
  const item = open.items[0];
  if (!item) throw new Error('fixture: the rep has no open self-report');
  fixture.selfReportBody = {
    expectationId: item.expectationId,
    windowStart: item.window.start,
    value: REP_FIGURE,
    comment: `Reported ${MARKER}`,
  };
  const filed = expectStatus(
    await send('POST', '/api/v1/self-reports', 'rep', { body: fixture.selfReportBody }),
    200,
    'filing a self-report',
  );
  fixture.selfReportId = String(filed.id);

  const started = expectStatus(
    await send('POST', '/api/v1/imports', 'admin', {
      multipart: {
        fields: { source: 'generic', kind: 'activities' },
        file: { name: `fixture-${MARKER}.csv`, content: 'Activity ID,Assigned To\n' },
      },
    }),
    202,
    'starting an import',
  );
  fixture.importId = String(started.id);

  fixture.notificationPreferences = expectStatus(
    await send('GET', '/api/v1/notification-preferences', 'rep'),
    200,
    'reading preferences',
  );
  const teams = expectStatus(await send('GET', '/api/v1/users', 'admin'), 200, 'listing users') as {
    users: { id: string; email: string; role: string; active: boolean; team: { id: string } | null }[];
  };
  fixture.teamId = teams.users.find((u) => u.id === rep.id)?.team?.id ?? '';
  const actorIds = new Set(Object.values(people).map((p) => p.id));
  fixture.spareId =
    teams.users.find((u) => u.role === 'rep' && u.active && !actorIds.has(u.id) && u.team !== null)?.id ?? '';
  const invitation = expectStatus(
    await send('POST', '/api/v1/invitations', 'admin', {
      body: { email: 'matrix-invitee@example.test', name: 'Matrix Invitee', role: 'rep' },
    }),
    201,
    'inviting someone',
  ) as { invitation: { id: string } };
  fixture.invitationId = invitation.invitation.id;
  // The rep signs in a second time (another device): the sessions routes target that session.
  const second = await signInAs(t.app, rep.email, DEMO_PASSWORD);
  const sessions = expectStatus(
    await t.app.inject({ method: 'GET', url: '/api/v1/auth/sessions', headers: { cookie: second } }),
    200,
    'listing the rep’s sessions',
  ) as { sessions: { id: string; current: boolean }[] };
  fixture.repOtherSessionId = sessions.sessions.find((x) => x.current)?.id ?? '';
  await fixture.ensureApiToken();
  fixture.reportingSettings = expectStatus(
    await send('GET', '/api/v1/reporting-settings', 'admin'),
    200,
    'reading the reporting settings',
  );
  return fixture;
}
