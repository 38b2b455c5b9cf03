import { addDays, localDate, type Viewer } from '@rightly/core';
import { queryRows, users } from '@rightly/db';
import type { TestDatabase } from '@rightly/db/testing';
import { DEMO_ORG, DEMO_REPS, getTeamRoster, type ServiceDeps } from '@rightly/services';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/support/clock';
import { openTestDatabase } from '../../../test/support/database';

let t: TestDatabase;
let deps: ServiceDeps;
let byEmail: Map<string, Viewer>;
beforeAll(async () => {
  t = await openTestDatabase('demo');
  deps = { db: t.db, now: () => TEST_NOW };
  const rows = await t.db.select().from(users);
  byEmail = new Map(rows.map((u) => [u.email, { orgId: u.orgId, userId: u.id, role: u.role }]));
});
afterAll(() => t.close());

const viewer = (email: string): Viewer => {
  const v = byEmail.get(email);
  if (!v) throw new Error(`no demo user ${email}`);
  return v;
};
const names = async (email: string) =>
  (await getTeamRoster(deps, { viewer: viewer(email), weeks: 12 })).reps.map((r) => r.rep.name).sort();

describe('the team roster', () => {
  it('shows the whole-org leader and the admin every demo rep', async () => {
    const all = DEMO_REPS.map((r) => r.name).sort();
    expect(await names('leader@demo.test')).toEqual(all);
    expect(await names('admin@demo.test')).toEqual(all);
  });

  it('shows a region leader the reps of both teams in the region, and a team leader only theirs', async () => {
    const naReps = DEMO_REPS.filter((r) => r.team.startsWith('NA '))
      .map((r) => r.name)
      .sort();
    expect(await names('dana.whitfield@demo.test')).toEqual(naReps);
    const enterprise = DEMO_REPS.filter((r) => r.team === 'NA Enterprise')
      .map((r) => r.name)
      .sort();
    expect(await names('priya.shah@demo.test')).toEqual(enterprise);
  });

  it('shows a rep only their own row', async () => {
    expect(await names('rep@demo.test')).toEqual(['Riley Carter']);
  });

  it('places a transferred rep in their current team only', async () => {
    const roster = await getTeamRoster(deps, { viewer: viewer('leader@demo.test'), weeks: 12 });
    const drew = roster.reps.filter((r) => r.rep.name === 'Drew Kim');
    expect(drew).toHaveLength(1);
    expect(drew[0]?.team?.name).toBe('NA Mid-Market');
    expect(drew[0]?.leader?.name).toBe('Marcus Cole');
  });

  it('matches the raw activity table for the last 4 weeks and every week of the sparkline', async () => {
    const roster = await getTeamRoster(deps, { viewer: viewer('admin@demo.test'), weeks: 12 });
    const today = localDate(TEST_NOW, DEMO_ORG.timeZone);
    expect(roster.asOf).toBe(today);
    expect(roster.weekStarts).toHaveLength(12);
    const raw = await queryRows<{ rep_id: string; activities: number; held: number }>(
      t.db,
      sql`select rep_id, count(*)::int as activities,
                 (count(*) filter (where type = 'meeting' and outcome = 'held'))::int as held
            from activities
           where (occurred_at at time zone ${DEMO_ORG.timeZone})::date between ${addDays(today, -27)}::date and ${today}::date
           group by rep_id`,
    );
    const expected = new Map(raw.map((r) => [r.rep_id, r]));
    for (const entry of roster.reps) {
      expect(entry.activitiesLast4Weeks).toBe(expected.get(entry.rep.id)?.activities ?? 0);
      expect(entry.meetingsHeldLast4Weeks).toBe(expected.get(entry.rep.id)?.held ?? 0);
    }
    const riley = roster.reps.find((r) => r.rep.email === 'rep@demo.test');
    const weekly = await queryRows<{ week: string; n: number }>(
      t.db,
      sql`select date_trunc('week', (occurred_at at time zone ${DEMO_ORG.timeZone})::date)::date::text as week, count(*)::int as n
            from activities a join users u on u.org_id = a.org_id and u.id = a.rep_id
           where u.email = 'rep@demo.test'
             and (occurred_at at time zone ${DEMO_ORG.timeZone})::date >= ${roster.weekStarts[0]}::date
           group by 1`,
    );
    const perWeek = new Map(weekly.map((w) => [w.week, w.n]));
    expect(riley?.weekly.map((w) => w.activities)).toEqual(roster.weekStarts.map((w) => perWeek.get(w) ?? 0));
    expect(riley?.activitiesLast4Weeks).toBeGreaterThan(0);
  });
});
