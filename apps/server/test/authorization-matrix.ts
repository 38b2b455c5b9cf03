/**
 * THE AUTHORIZATION MATRIX: who may call which route, checked by authorization-matrix.test.ts.
 *
 * Every route of the built app under /api/v1 needs an entry here, keyed `METHOD path` exactly as
 * Fastify registers it (`GET /api/v1/coaching-plans/:id`). A route without one fails the test,
 * which names it. HEAD routes are the GET routes without a body and are not listed.
 *
 * How to add a route:
 *   1. Add `'METHOD /api/v1/path': { cells: '…', request: (fx) => ({ … }) }` below, in the
 *      section of its feature.
 *   2. `cells` is one expectation per actor, separated by spaces, ALWAYS in this order:
 *
 *        anonymous  rep  otherRep  leader  otherLeader  admin  otherAdmin
 *
 *      The target of every request is "the rep" (Riley Carter, NA Mid-Market, demo org): path
 *      params point at the rep's expectation, plan, commitment, self-report, import …
 *      - `rep` is the rep, `otherRep` a peer in the same team (Lucas Bennett), `leader` the
 *        rep's team leader (Marcus Cole), `otherLeader` the leader of another team (Henrik
 *        Vogel), `admin` the demo org's admin, `otherAdmin` the admin of a second org.
 *      Each cell is one of:
 *      - `allow`       2xx; the answer may show the rep.
 *      - `scoped`      2xx, but only the actor's own scope: the answer contains nothing of the rep
 *                      (name, e-mail, id, the fixture's texts and figures), and for a read it is
 *                      the same as before the rep's fixture data existed (no counts or totals
 *                      move either).
 *      - `401` `403` `404`  denied with that status: nothing changes in any tenant table and the
 *                      answer contains nothing of the rep.
 *      - `400`         denied because an id in the body is not of the caller's org: the same answer
 *                      as for an id that does not exist anywhere (checked like the other denials).
 *      - `allow:409` / `scoped:401` …  past authorization, but answered with this declared
 *                      status (say why in `note`), e.g. 409: the rep already has an active plan.
 *   3. `request(fx, actor)` builds the call: `params` for every `:name` in the path (ids from the
 *      fixture `fx`), `query`, a JSON `body` (send a valid one: a 400 proves nothing) or a
 *      `multipart` form. Set `freshSession` when the call ends its own session (sign-out).
 *   4. `last: true` runs the route after all others (it uses up its target, e.g. closes the
 *      plan); `prepare` runs before each allowed call to give it a target again. Mark a read
 *      that writes the audit log (an export) `writesAudit: true`: it runs after the other reads.
 *
 * Reads (GET) run first, then writes, so the `scoped` comparison sees the data as the fixture
 * left it. Denied calls run before allowed ones of the same route.
 */
import { DEMO_PASSWORD } from '@rightly/services';
import type { Fixture } from './authorization-fixture';

export const ACTORS = ['anonymous', 'rep', 'otherRep', 'leader', 'otherLeader', 'admin', 'otherAdmin'] as const;
export type Actor = (typeof ACTORS)[number];

export interface MatrixRequest {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  multipart?: { fields: Record<string, string>; file: { name: string; content: string } };
}

export interface MatrixEntry {
  cells: string;
  request?: (fx: Fixture, actor: Actor) => MatrixRequest;
  note?: string;
  freshSession?: boolean;
  last?: boolean;
  /** A read that appends to the audit log (an export): it runs after the other reads. */
  writesAudit?: boolean;
  prepare?: (fx: Fixture) => Promise<void>;
}

/** Anyone signed in reads their own scope; those who may not see the rep see nothing of the rep. */
const LIST = '401 allow scoped allow scoped allow scoped';
/** The rep, the leaders above the rep and the admin read it; everyone else is told "not found". */
const ABOUT_REP = '401 allow 404 allow 404 allow 404';
/** Only admins, each in their own org. */
const ADMIN_LIST = '401 403 403 403 403 allow scoped';
const ADMIN_ITEM = '401 403 403 403 403 allow 404';

const ACTIVITY_CSV = 'Activity ID,Assigned To,Type,Date,Subject\nA-1,rep@demo.test,Call,2026-11-20,Intro call\n';

export const MATRIX: Record<string, MatrixEntry> = {
  // ---------------------------------------------------------------- auth (public)
  'POST /api/v1/auth/sign-in': {
    cells: 'scoped:401 scoped:401 scoped:401 scoped:401 scoped:401 scoped:401 scoped:401',
    note: 'public; a wrong password for the rep answers the same to everyone and names nobody',
    request: (fx) => ({ body: { email: fx.rep.email, password: 'not-the-password' } }),
  },
  'GET /api/v1/auth/demo-sign-ins': {
    cells: 'allow allow allow allow allow allow allow',
    note: 'public by design: lists the demo org’s sign-ins, and nothing when there is no demo org',
  },
  'POST /api/v1/auth/sign-out': {
    cells: 'allow allow allow allow allow allow allow',
    note: 'public: ends the caller’s own session (a throwaway one here), succeeds without one',
    freshSession: true,
  },
  'GET /api/v1/me': { cells: LIST },

  // ---------------------------------------------------------------- team
  'GET /api/v1/roster': { cells: LIST },
  'GET /api/v1/teams': { cells: LIST },

  // ---------------------------------------------------------------- metrics and expectations
  'GET /api/v1/metrics': { cells: LIST },
  'POST /api/v1/metrics': {
    cells: '401 403 403 allow allow allow allow',
    note: 'custom metrics are org-wide: any leader or admin defines them in their own org',
    request: (_fx, actor) => ({
      body: {
        name: `Video meetings (${actor})`,
        kind: 'outcome',
        right: 'way',
        unit: 'count',
        description: 'Meetings held over video.',
        definition: {
          type: 'base',
          measure: {
            source: 'activities',
            aggregate: 'count',
            filters: [{ field: 'channel', op: 'eq', value: 'video' }],
          },
        },
      },
    }),
  },
  'GET /api/v1/expectations': { cells: LIST },
  'POST /api/v1/expectations': {
    cells: '401 403 403 allow 403 allow 400',
    note: '400 for the other org: the rep is "not a rep of this organization", as for any unknown id',
    request: (fx) => ({ body: fx.expectationBody }),
  },
  'GET /api/v1/expectations/:id': {
    cells: ABOUT_REP,
    request: (fx) => ({ params: { id: fx.expectationId } }),
  },
  'PATCH /api/v1/expectations/:id': {
    cells: '401 403 404 allow 404 allow 404',
    request: (fx) => ({ params: { id: fx.expectationId }, body: { target: 42 } }),
  },
  'POST /api/v1/expectations/:id/end': {
    cells: '401 403 404 allow 404 allow 404',
    last: true,
    request: (fx) => ({ params: { id: fx.expectationId }, body: {} }),
  },
  'POST /api/v1/expectations/templates/:key/adopt': {
    cells: '401 403 403 allow 403 allow 400',
    request: (fx) => ({ params: { key: 'strategic_mix' }, body: { scope: { kind: 'rep', repId: fx.rep.id } } }),
  },
  'GET /api/v1/expectations/target-suggestions': {
    cells: LIST,
    note: 'a rep gets the suggestion from their own history only',
    request: () => ({ query: { metric: 'calls_made', period: 'week' } }),
  },
  'POST /api/v1/expectations/lint': {
    cells: '401 allow allow allow allow allow allow',
    note: 'advice on a draft: reads nothing of the rep but the metric catalogue',
    request: (fx) => ({ body: { expectation: fx.expectationBody } }),
  },

  // ---------------------------------------------------------------- assessments
  'GET /api/v1/assessments': { cells: LIST },
  'GET /api/v1/reps/:id/assessment': {
    cells: ABOUT_REP,
    request: (fx) => ({ params: { id: fx.rep.id } }),
  },
  'GET /api/v1/forecast': {
    cells: ABOUT_REP,
    request: (fx) => ({ query: { rep: fx.rep.id } }),
  },
  'GET /api/v1/assessments/export.csv': {
    cells: LIST,
    note: 'a rep exports their own row only, as GET /assessments shows it',
    writesAudit: true,
  },

  // ---------------------------------------------------------------- coaching
  'GET /api/v1/coaching-plans': { cells: LIST },
  'POST /api/v1/coaching-plans': {
    cells: '401 403 404 allow:409 404 allow:409 404',
    note: '409: the rep already has an active plan (the fixture’s); the check runs after authorization',
    request: (fx) => ({ body: { repId: fx.rep.id, reviewOn: '2027-01-15', focus: ['time'] } }),
  },
  'GET /api/v1/coaching-plans/:id': {
    cells: ABOUT_REP,
    request: (fx) => ({ params: { id: fx.planId } }),
  },
  'POST /api/v1/coaching-plans/:id/sessions': {
    cells: '401 403 404 allow 404 allow 404',
    request: (fx) => ({ params: { id: fx.planId }, body: { heldOn: '2026-11-27', notes: 'Matrix session' } }),
  },
  'POST /api/v1/coaching-plans/:id/commitments': {
    cells: '401 403 404 allow 404 allow 404',
    request: (fx) => ({
      params: { id: fx.planId },
      body: { text: 'Matrix commitment', owner: 'rep', dueOn: '2026-12-04' },
    }),
  },
  'PATCH /api/v1/commitments/:id': {
    cells: ABOUT_REP,
    request: (fx) => ({ params: { id: fx.commitmentId }, body: { done: true } }),
  },
  'POST /api/v1/coaching-plans/:id/close': {
    cells: '401 403 404 allow 404 allow 404',
    last: true,
    prepare: (fx) => fx.ensureActivePlan(),
    request: (fx) => ({ params: { id: fx.planId }, body: { outcome: 'improved', note: 'Matrix close' } }),
  },
  'GET /api/v1/coaching-plans/:id/export.pdf': {
    cells: '401 403 404 allow 404 allow 404',
    writesAudit: true,
    request: (fx) => ({ params: { id: fx.planId } }),
  },
  'GET /api/v1/reps/:id/ladder': {
    cells: ABOUT_REP,
    request: (fx) => ({ params: { id: fx.rep.id } }),
  },
  'POST /api/v1/reps/:id/ladder-steps': {
    cells: '401 403 404 allow:409 404 allow:409 404',
    note: '409: a step up needs a documented plan of some weeks first; the check runs after authorization',
    request: (fx) => ({ params: { id: fx.rep.id }, body: { step: 'role_outside_sales', reason: 'Matrix' } }),
  },
  'GET /api/v1/coaching/health': { cells: '401 403 403 allow scoped allow scoped' },

  // ---------------------------------------------------------------- audit log
  'GET /api/v1/audit': { cells: '401 403 403 allow scoped allow scoped' },
  'GET /api/v1/audit/export.csv': { cells: '401 403 403 allow scoped allow scoped', writesAudit: true },

  // ---------------------------------------------------------------- imports (admins)
  'POST /api/v1/imports': {
    cells: '401 403 403 403 403 allow allow',
    note: 'each admin imports into their own org',
    request: () => ({
      multipart: {
        fields: { source: 'generic', kind: 'activities' },
        file: { name: 'matrix.csv', content: ACTIVITY_CSV },
      },
    }),
  },
  'POST /api/v1/imports/preview': {
    cells: '401 403 403 403 403 allow allow',
    request: () => ({
      multipart: {
        fields: { source: 'generic', kind: 'activities' },
        file: { name: 'matrix.csv', content: ACTIVITY_CSV },
      },
    }),
  },
  'GET /api/v1/imports': { cells: ADMIN_LIST },
  'GET /api/v1/imports/:id': { cells: ADMIN_ITEM, request: (fx) => ({ params: { id: fx.importId } }) },
  'GET /api/v1/imports/:id/errors': { cells: ADMIN_ITEM, request: (fx) => ({ params: { id: fx.importId } }) },
  'GET /api/v1/imports/:id/errors.csv': {
    cells: ADMIN_ITEM,
    writesAudit: true,
    request: (fx) => ({ params: { id: fx.importId } }),
  },

  // ---------------------------------------------------------------- notifications (own)
  'GET /api/v1/notifications': { cells: LIST },
  'POST /api/v1/notifications/read': {
    cells: '401 allow allow allow allow allow allow',
    note: 'marks the caller’s own notifications read',
    request: () => ({ body: {} }),
  },
  'GET /api/v1/notification-preferences': { cells: LIST },
  'PUT /api/v1/notification-preferences': {
    cells: '401 allow allow allow allow allow allow',
    note: 'the caller’s own preferences',
    request: (fx) => ({ body: fx.notificationPreferences }),
  },
  'POST /api/v1/unsubscribe': {
    cells: 'allow allow allow allow allow allow allow',
    note: 'public: the signed token in the e-mail link is the authority, whoever follows it',
    request: (fx) => ({ query: { token: fx.unsubscribeToken } }),
  },

  // ---------------------------------------------------------------- self-reports and cadences
  'GET /api/v1/self-reports': { cells: LIST },
  'POST /api/v1/self-reports': {
    cells: '401 allow allow 403 403 403 403',
    note: 'a report is always the caller’s own: the peer files theirs for the same team expectation',
    request: (fx) => ({ body: fx.selfReportBody }),
  },
  'POST /api/v1/self-reports/:id/resolution': {
    cells: '401 403 404 allow 404 allow 404',
    request: (fx) => ({
      params: { id: fx.selfReportId },
      body: { resolution: 'noted', note: 'Matrix resolution' },
    }),
  },
  'GET /api/v1/reporting-cadences': {
    cells: ABOUT_REP,
    request: (fx) => ({ query: { rep: fx.rep.id } }),
  },
  'PUT /api/v1/reporting-cadences': {
    cells: '401 403 403 allow 404 allow 404',
    request: (fx) => ({
      body: {
        level: 'rep',
        subjectId: fx.rep.id,
        cadence: 'twice_weekly',
        reason: 'Matrix',
        reviewOn: '2027-01-08',
      },
    }),
  },
  'GET /api/v1/reporting-settings': { cells: LIST },
  'PUT /api/v1/reporting-settings': {
    cells: '401 403 403 403 403 allow allow',
    note: 'each admin sets their own org’s',
    request: (fx) => ({ body: fx.reportingSettings }),
  },
  // ---------------------------------------------------------------- sessions and passwords (docs/identity/sessions.md)
  'GET /api/v1/auth/sessions': { cells: '401 allow scoped scoped scoped scoped scoped' },
  'DELETE /api/v1/auth/sessions/:id': {
    cells: '401 allow 404 404 404 404 404',
    note: 'only one’s own sessions: another user’s session id is not found, an admin’s included',
    last: true,
    request: (fx) => ({ params: { id: fx.repOtherSessionId } }),
  },
  'POST /api/v1/auth/password': {
    cells: '401 allow allow allow allow allow allow',
    note: 'one’s own password only (the current one is required); it stays the same here',
    last: true,
    request: () => ({ body: { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD } }),
  },
  'POST /api/v1/auth/password-reset': {
    cells: 'scoped:202 scoped:202 scoped:202 scoped:202 scoped:202 scoped:202 scoped:202',
    note: 'public; the same answer whoever asks and whether the e-mail has an account',
    request: (fx) => ({ body: { email: fx.rep.email } }),
  },
  'POST /api/v1/auth/password-reset/complete': {
    cells: '400 400 400 400 400 400 400',
    note: 'public; only a live link from the e-mail works',
    request: () => ({ body: { token: 'not-a-reset-token', password: 'a new long passphrase' } }),
  },

  // ---------------------------------------------------------------- SSO and API tokens (docs/identity/sso-and-tokens.md)
  'GET /api/v1/auth/sso/start': {
    cells: 'scoped:303 scoped:303 scoped:303 scoped:303 scoped:303 scoped:303 scoped:303',
    note: 'public; without SSO configured it sends the browser back to the sign-in page with the reason',
    request: (fx) => ({ query: { email: fx.rep.email } }),
  },
  'GET /api/v1/auth/sso/callback': {
    cells: 'scoped:303 scoped:303 scoped:303 scoped:303 scoped:303 scoped:303 scoped:303',
    note: 'public; without the browser’s state cookie it is refused (back to the sign-in page)',
    request: () => ({ query: { code: 'x', state: 'y' } }),
  },
  'GET /api/v1/sso-settings': { cells: '401 403 403 403 403 allow scoped' },
  'PUT /api/v1/sso-settings': {
    cells: '401 403 403 403 403 allow scoped',
    request: () => ({
      body: {
        enabled: false,
        issuer: '',
        clientId: '',
        roleClaim: null,
        roleMapping: {},
        defaultRole: 'rep',
        allowedDomains: [],
      },
    }),
  },
  'GET /api/v1/api-tokens': {
    cells: '401 scoped scoped allow scoped allow scoped',
    note: 'one’s own tokens; the admin sees every token of the org (the fixture’s is the leader’s)',
  },
  'POST /api/v1/api-tokens': {
    cells: '401 403 403 allow allow allow allow',
    note: 'leaders and admins create tokens that act as themselves',
    request: (_fx, actor) => ({ body: { name: `Matrix (${actor})`, scopes: ['read'], expiresInDays: 30 } }),
  },
  'DELETE /api/v1/api-tokens/:id': {
    cells: '401 404 404 allow 404 allow 404',
    note: 'the token is the leader’s: its owner and the admin revoke it',
    last: true,
    prepare: (fx) => fx.ensureApiToken(),
    request: (fx) => ({ params: { id: fx.apiTokenId } }),
  },

  // ---------------------------------------------------------------- people (docs/identity/people.md)
  'GET /api/v1/users': { cells: ADMIN_LIST },
  'PATCH /api/v1/users/:id': {
    cells: ADMIN_ITEM,
    request: (fx) => ({ params: { id: fx.rep.id }, body: { name: fx.rep.name } }),
  },
  'POST /api/v1/users/:id/deactivate': {
    cells: ADMIN_ITEM,
    note: 'targets a rep who is none of the actors, so their sessions stay',
    last: true,
    request: (fx) => ({ params: { id: fx.spareId }, body: {} }),
  },
  'POST /api/v1/users/:id/reactivate': {
    cells: ADMIN_ITEM,
    last: true,
    request: (fx) => ({ params: { id: fx.spareId }, body: {} }),
  },
  'POST /api/v1/teams': {
    cells: '401 403 403 403 403 allow scoped',
    request: (_fx, actor) => ({ body: { name: `Matrix team (${actor})` } }),
  },
  'PATCH /api/v1/teams/:id': {
    cells: ADMIN_ITEM,
    request: (fx) => ({ params: { id: fx.teamId }, body: { leaderId: fx.leader.id } }),
  },
  'GET /api/v1/invitations': { cells: ADMIN_LIST },
  'POST /api/v1/invitations': {
    cells: '401 403 403 403 403 allow scoped',
    request: (_fx, actor) => ({
      body: { email: `matrix-${actor.toLowerCase()}@example.test`, name: 'Matrix Invitee', role: 'rep' },
    }),
  },
  'DELETE /api/v1/invitations/:id': {
    cells: ADMIN_ITEM,
    last: true,
    request: (fx) => ({ params: { id: fx.invitationId } }),
  },
  'POST /api/v1/invitations/preview': {
    cells: '404 404 404 404 404 404 404',
    note: 'public; only a live invitation link works',
    request: () => ({ body: { token: 'not-an-invitation' } }),
  },
  'POST /api/v1/invitations/accept': {
    cells: '404 404 404 404 404 404 404',
    note: 'public; only a live invitation link works',
    request: () => ({ body: { token: 'not-an-invitation', name: 'Someone', password: 'a long enough passphrase' } }),
  },

  // ---------------------------------------------------------------- must stay the last entry
  'POST /api/v1/auth/sign-out-everywhere': {
    cells: '401 allow allow allow allow allow allow',
    note: 'ends the caller’s own sessions (a throwaway one here)',
    freshSession: true,
    // Ends every session of the caller, the ones the other routes use too: after everything else.
    last: true,
    request: () => ({ body: { keepCurrent: false } }),
  },
};

type DenyStatus = 400 | 401 | 403 | 404;

export type Expectation = { kind: 'allow' | 'scoped'; status: number | null } | { kind: 'deny'; status: DenyStatus };

/** One cell's text (`allow`, `scoped`, `allow:409`, `403` …) as an expectation. */
export function parseCell(cell: string): Expectation {
  const [kind, status] = cell.split(':');
  if ((kind === 'allow' || kind === 'scoped') && (status === undefined || /^\d{3}$/.test(status))) {
    return { kind, status: status === undefined ? null : Number(status) };
  }
  if (cell === '400' || cell === '401' || cell === '403' || cell === '404') {
    return { kind: 'deny', status: Number(cell) as DenyStatus };
  }
  throw new Error(`"${cell}" is not a matrix cell: use allow, scoped, allow:NNN, scoped:NNN, 400, 401, 403 or 404`);
}

/** The cells of an entry by actor, checking there is exactly one per actor. */
export function cellsOf(key: string, entry: MatrixEntry): Record<Actor, Expectation> {
  const cells = entry.cells.trim().split(/\s+/);
  if (cells.length !== ACTORS.length) {
    throw new Error(`${key}: ${cells.length} cells, need ${ACTORS.length} (${ACTORS.join(' ')})`);
  }
  return Object.fromEntries(ACTORS.map((actor, i) => [actor, parseCell(cells[i] ?? '')])) as Record<Actor, Expectation>;
}
