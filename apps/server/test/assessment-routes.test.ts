import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signInAs, type TestApp } from './helper';

let t: TestApp;
let leader: string;
let rep: string;
beforeAll(async () => {
  t = await buildTestApp();
  leader = await signInAs(t.app, 'leader@demo.test');
  rep = await signInAs(t.app, 'rep@demo.test');
});
afterAll(() => t.close());

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

describe('assessment routes', () => {
  it('GET /api/v1/assessments answers the matrix with evidence and who needs help', async () => {
    const response = await get('/api/v1/assessments?period=2026-Q3&team=Sales', leader);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.period).toMatchObject({ key: '2026-Q3', start: '2026-07-01', end: '2026-09-30', closed: true });
    expect(body.reps).toHaveLength(24);
    expect(body.reps[0].rights.thing.status).toMatch(/on_track|at_risk|off_track|no_data/);
    expect(body.needsHelp[0].nextStep.text.length).toBeGreaterThan(10);
  });

  it('names the bad query field', async () => {
    const response = await get('/api/v1/assessments?period=2026-W99', leader);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'period' }] });
    const asOf = await get('/api/v1/assessments?asOf=31/01/2026', leader);
    expect(asOf.statusCode).toBe(400);
    expect(asOf.json().errors[0].field).toBe('asOf');
  });

  it('GET /api/v1/reps/:id/assessment gives a rep their own page and hides others as not found', async () => {
    const me = (await get('/api/v1/me', rep)).json();
    const own = await get(`/api/v1/reps/${me.user.id}/assessment?period=2026-10&periods=4`, rep);
    expect(own.statusCode).toBe(200);
    expect(own.json().trend).toHaveLength(4);
    const roster = (await get('/api/v1/roster', leader)).json();
    const other = roster.reps.find((r: { rep: { email: string } }) => r.rep.email === 'sam.patel@demo.test');
    const denied = await get(`/api/v1/reps/${other.rep.id}/assessment`, rep);
    expect(denied.statusCode).toBe(404);
  });

  it('GET /api/v1/forecast forecasts a rep, a team or everyone, month by month', async () => {
    const team = await get('/api/v1/forecast?team=NA%20Enterprise&months=4', leader);
    expect(team.statusCode).toBe(200);
    expect(team.json()).toMatchObject({ scope: { kind: 'team', name: 'NA Enterprise' }, currency: 'USD' });
    expect(team.json().months).toHaveLength(4);
    expect(team.json().reps).toHaveLength(6);
    const one = await get('/api/v1/forecast?rep=jamie.ortiz@demo.test&asOf=2026-01-31', leader);
    expect(one.json().months[0].month).toBe('2026-02');
    const both = await get('/api/v1/forecast?rep=x&team=y', leader);
    expect(both.statusCode).toBe(400);
    const tooMany = await get('/api/v1/forecast?months=40', leader);
    expect(tooMany.json().errors[0]).toEqual({ field: 'months', message: 'must be at most 12' });
  });
});

describe('expectation routes', () => {
  it('creates, lints, edits and ends an expectation over HTTP; a rep may only read', async () => {
    const teams = (await get('/api/v1/teams', leader)).json().teams;
    const mid = teams.find((x: { name: string }) => x.name === 'NA Mid-Market');
    const body = {
      name: 'Calls',
      scope: { kind: 'team', teamId: mid.id },
      metric: 'calls_made',
      target: 40,
      period: 'week',
      startsOn: '2026-11-02',
    };
    const lint = await t.app.inject({
      method: 'POST',
      url: '/api/v1/expectations/lint',
      headers: { cookie: leader },
      payload: { expectation: body },
    });
    expect(lint.statusCode).toBe(200);

    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/expectations',
      headers: { cookie: leader },
      payload: body,
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ repCount: 6, active: true, way: [], time: { leadTime: 'none' } });

    const bad = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/expectations/${id}`,
      headers: { cookie: leader },
      payload: {
        target: -5,
        way: [{ metric: 'win_rate', comparator: 'sometimes', bound: { kind: 'absolute', value: 1 } }],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['target', 'way.0.comparator']);

    const fetched = await get(`/api/v1/expectations/${id}`, leader);
    expect(fetched.json()).toMatchObject({ id, name: 'Calls', warnings: [{ code: 'activity_without_outcome' }] });
    expect((await get(`/api/v1/expectations/${id}`, await signInAs(t.app, 'sofia.rossi@demo.test'))).statusCode).toBe(
      404,
    );

    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/expectations/${id}`,
      headers: { cookie: leader },
      payload: { target: 45 },
    });
    expect(edited.json().target).toBe(45);
    const ended = await t.app.inject({
      method: 'POST',
      url: `/api/v1/expectations/${id}/end`,
      headers: { cookie: leader },
      payload: {},
    });
    expect(ended.json().endsOn).toBe('2026-11-27');

    const asRep = await t.app.inject({
      method: 'POST',
      url: '/api/v1/expectations',
      headers: { cookie: rep },
      payload: body,
    });
    expect(asRep.statusCode).toBe(403);
    expect((await get('/api/v1/expectations', rep)).statusCode).toBe(200);
  });

  it('adopts a template and suggests targets', async () => {
    const adopted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/expectations/templates/strategic_mix/adopt',
      headers: { cookie: leader },
      payload: { scope: { kind: 'role', role: 'rep' } },
    });
    expect(adopted.statusCode).toBe(201);
    expect(adopted.json()).toMatchObject({
      template: 'strategic_mix',
      metric: 'strategic_share_of_new_pipeline',
      target: 35,
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/expectations/templates/nope/adopt',
      headers: { cookie: leader },
      payload: { scope: { kind: 'role', role: 'rep' } },
    });
    expect(unknown.statusCode).toBe(404);
    const suggestions = await get(
      '/api/v1/expectations/target-suggestions?metric=first_meetings_held&period=month&team=EMEA',
      leader,
    );
    expect(suggestions.statusCode).toBe(200);
    expect(suggestions.json().reps).toHaveLength(12);
  });

  it('lists metrics with their definitions and creates a custom one', async () => {
    const metrics = (await get('/api/v1/metrics', leader)).json().metrics;
    // Measured from the self-reports themselves rather than from a CRM definition.
    expect(metrics.find((m: { key: string }) => m.key === 'self_reports_on_time')).toMatchObject({
      measurable: true,
      definition: null,
      measuredFrom: 'self_reports',
    });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/metrics',
      headers: { cookie: leader },
      payload: {
        name: 'Video meetings held',
        kind: 'outcome',
        right: 'way',
        unit: 'count',
        description: 'Meetings held over video.',
        definition: {
          type: 'base',
          measure: {
            source: 'activities',
            aggregate: 'count',
            filters: [
              { field: 'channel', op: 'eq', value: 'video' },
              { field: 'outcome', op: 'eq', value: 'held' },
            ],
          },
        },
      },
    });
    expect(created.statusCode).toBe(201);
    const sqlish = await t.app.inject({
      method: 'POST',
      url: '/api/v1/metrics',
      headers: { cookie: leader },
      payload: {
        name: 'x',
        kind: 'outcome',
        right: 'way',
        unit: 'count',
        description: 'x',
        definition: {
          type: 'base',
          measure: {
            source: 'activities',
            aggregate: 'count',
            filters: [{ field: 'type; drop table users', op: 'eq', value: 'call' }],
          },
        },
      },
    });
    expect(sqlish.statusCode).toBe(400);
    expect(sqlish.json().code).toBe('validation_failed');
  });
});
