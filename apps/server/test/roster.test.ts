import { DEMO_REPS } from '@rightly/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signInAs, type TestApp } from './helper';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const roster = async (email: string, query = '') => {
  const cookie = await signInAs(t.app, email);
  return t.app.inject({ method: 'GET', url: `/api/v1/roster${query}`, headers: { cookie } });
};

describe('GET /api/v1/roster', () => {
  it('gives the whole-org leader every rep with team, leader, 4-week counts and 12 weeks of history', async () => {
    const response = await roster('leader@demo.test');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.reps).toHaveLength(DEMO_REPS.length);
    expect(body.weekStarts).toHaveLength(12);
    const riley = body.reps.find((r: { rep: { email: string } }) => r.rep.email === 'rep@demo.test');
    expect(riley).toMatchObject({ team: { name: 'NA Mid-Market' }, leader: { name: 'Marcus Cole' } });
    expect(riley.weekly).toHaveLength(12);
    expect(riley.activitiesLast4Weeks).toBeGreaterThan(0);
  });

  it('gives a rep exactly one row: their own', async () => {
    const body = (await roster('rep@demo.test')).json();
    expect(body.reps.map((r: { rep: { name: string } }) => r.rep.name)).toEqual(['Riley Carter']);
  });

  it('honours the weeks parameter', async () => {
    const body = (await roster('admin@demo.test', '?weeks=26')).json();
    expect(body.weekStarts).toHaveLength(26);
  });

  it('refuses without a session', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/roster' });
    expect(response.statusCode).toBe(401);
  });
});
