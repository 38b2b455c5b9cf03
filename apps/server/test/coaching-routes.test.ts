import { randomUUID } from 'node:crypto';
import { users } from '@rightly/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signInAs, type TestApp } from './helper';

let t: TestApp;
let henrik: string;
let sofia: string;
let casey: string;
let riley: string;
let admin: string;
let caseyId: string;
beforeAll(async () => {
  t = await buildTestApp();
  henrik = await signInAs(t.app, 'henrik.vogel@demo.test');
  sofia = await signInAs(t.app, 'sofia.rossi@demo.test');
  riley = await signInAs(t.app, 'rep@demo.test');
  admin = await signInAs(t.app, 'admin@demo.test');
  const [row] = await t.database.db.select().from(users).where(eq(users.name, 'Casey Nguyen'));
  caseyId = row?.id as string;
  casey = await signInAs(t.app, row?.email as string);
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string | null, payload?: object) =>
  t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });

describe('coaching routes', () => {
  let planId = '';

  it('starts a plan from the needs-help list, names bad fields, and hides it from others with 404', async () => {
    const anonymous = await call('GET', '/api/v1/coaching-plans', null);
    expect(anonymous.statusCode).toBe(401);
    const bad = await call('POST', '/api/v1/coaching-plans', henrik, { repId: 'nope', reviewOn: '15 Jan' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['repId', 'reviewOn']);
    const early = await call('POST', '/api/v1/coaching-plans', henrik, { repId: caseyId, reviewOn: '2026-01-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors).toEqual(
      expect.arrayContaining([{ field: 'reviewOn', message: 'must be after the start (2026-11-27)' }]),
    );

    const created = await call('POST', '/api/v1/coaching-plans', henrik, {
      repId: caseyId,
      reviewOn: '2027-01-15',
      fromNeedsHelp: true,
      goals: [{ text: 'Every self-report in by Monday 9:00' }],
    });
    expect(created.statusCode).toBe(201);
    planId = created.json().id;
    expect(created.json().focus).toContain('time');

    const again = await call('POST', '/api/v1/coaching-plans', henrik, {
      repId: caseyId,
      reviewOn: '2027-01-15',
      focus: ['way'],
    });
    expect(again.statusCode).toBe(409);
    for (const cookie of [sofia, riley]) {
      expect((await call('GET', `/api/v1/coaching-plans/${planId}`, cookie)).statusCode).toBe(404);
      expect((await call('GET', `/api/v1/reps/${caseyId}/ladder`, cookie)).statusCode).toBe(404);
    }
    expect((await call('GET', `/api/v1/coaching-plans/${randomUUID()}`, henrik)).statusCode).toBe(404);
    const sofiasList = await call('GET', `/api/v1/coaching-plans?status=active`, sofia);
    expect(sofiasList.json().plans).toEqual([]);
    const mine = await call('GET', '/api/v1/coaching-plans', casey);
    expect(mine.json().plans.map((p: { id: string }) => p.id)).toEqual([planId]);
  });

  it('records a session; the rep checks off their commitment and never sees private notes', async () => {
    const session = await call('POST', `/api/v1/coaching-plans/${planId}/sessions`, henrik, {
      heldOn: '2026-11-27',
      notes: 'Private: talked about workload at home.',
      privateToLeaders: true,
      commitments: [{ text: 'Block Friday 15:00 for reports', owner: 'rep', dueOn: '2026-12-04' }],
    });
    expect(session.statusCode).toBe(201);
    const commitment = session.json().commitments[0];
    expect(session.json().sessions[0].agenda.length).toBeGreaterThan(0);
    const badDue = await call('POST', `/api/v1/coaching-plans/${planId}/commitments`, henrik, {
      text: 'x',
      owner: 'someone',
      dueOn: '2026-12-04',
    });
    expect(badDue.statusCode).toBe(400);
    expect(badDue.json().errors[0].field).toBe('owner');
    expect(
      (await call('POST', `/api/v1/coaching-plans/${planId}/sessions`, casey, { heldOn: '2026-11-27' })).statusCode,
    ).toBe(403);

    const asCasey = await call('GET', `/api/v1/coaching-plans/${planId}`, casey);
    expect(asCasey.json().sessions[0]).toMatchObject({ privateToLeaders: true, notes: null });
    expect(JSON.stringify(asCasey.json())).not.toContain('workload at home');
    expect((await call('PATCH', `/api/v1/commitments/${commitment.id}`, riley, { done: true })).statusCode).toBe(404);
    const done = await call('PATCH', `/api/v1/commitments/${commitment.id}`, casey, { done: true });
    expect(done.statusCode).toBe(200);
    expect(done.json().doneBy).toBe(caseyId);
  });

  it('refuses an escalation with 409 naming every missing requirement', async () => {
    const refused = await call('POST', `/api/v1/reps/${caseyId}/ladder-steps`, henrik, {
      step: 'role_outside_sales',
      reason: '',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'plan_length',
      'sessions_held',
      'cadence_shortened',
      'reason',
    ]);
    expect(refused.json().detail).toContain('A coaching plan running at least 42 days');
    expect((await call('POST', `/api/v1/reps/${caseyId}/ladder-steps`, henrik, { step: 'fire' })).statusCode).toBe(400);
    const ladder = await call('GET', `/api/v1/reps/${caseyId}/ladder`, casey);
    expect(ladder.json()).toMatchObject({ current: 'coach', next: 'role_outside_sales', steps: [] });
  });

  it('serves the health panel, the audit log by role, a PDF and a neutralised CSV', async () => {
    const health = await call('GET', '/api/v1/coaching/health', henrik);
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ activePlans: 1, escalationsLast12Months: 0, escalationRate: 0 });
    expect(health.json().trend).toHaveLength(13);
    expect((await call('GET', '/api/v1/coaching/health', casey)).statusCode).toBe(403);

    expect((await call('GET', '/api/v1/audit', casey)).statusCode).toBe(403);
    expect((await call('GET', `/api/v1/audit?rep=${caseyId}`, sofia)).statusCode).toBe(404);
    const audit = await call('GET', `/api/v1/audit?rep=${caseyId}`, henrik);
    expect(audit.json().entries.map((e: { action: string }) => e.action)).toEqual([
      'commitment_checked_off',
      'commitment_added',
      'session_held',
      'plan_started',
    ]);

    const pdf = await call('GET', `/api/v1/coaching-plans/${planId}/export.pdf`, henrik);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await call('GET', `/api/v1/coaching-plans/${planId}/export.pdf`, casey)).statusCode).toBe(403);

    // A hostile team name and rep name must not become formulas in a spreadsheet.
    await t.database.db.update(users).set({ name: '@SUM(1+1)*cmd|calc' }).where(eq(users.id, caseyId));
    const csv = await call('GET', '/api/v1/assessments/export.csv?team=EMEA%20Mid-Market', henrik);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="matrix-2026-W48.csv"/);
    const lines = csv.body.trim().split('\n');
    expect(lines.some((l) => l.startsWith("'@SUM(1+1)*cmd|calc,"))).toBe(true);
    expect(lines.every((l) => !/(^|,)"?[=+@-]/.test(l))).toBe(true);
    const entries = (await call('GET', '/api/v1/audit', admin)).json().entries;
    expect(entries[0]).toMatchObject({ action: 'export_csv', subjectId: null, actorName: 'Henrik Vogel' });
  });
});
