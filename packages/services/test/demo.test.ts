import { randomUUID } from 'node:crypto';
import { isAppError } from '@rightly/core';
import { organizations, queryRows } from '@rightly/db';
import type { TestDatabase } from '@rightly/db/testing';
import { DEMO_REPS, DEMO_SEED, generateDemoOrg, seedDemoOrg } from '@rightly/services';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/support/clock';
import { openTestDatabase } from '../../../test/support/database';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase('demo');
});
afterAll(() => t.close());

const repNamed = (archetype: string) => DEMO_REPS.find((r) => r.archetype === archetype)?.name;

describe('the demo organization', () => {
  it('is the same, ids included, for the same seed and date', () => {
    const a = generateDemoOrg({ asOf: TEST_NOW, seed: DEMO_SEED, passwordHash: 'h' });
    const b = generateDemoOrg({ asOf: TEST_NOW, seed: DEMO_SEED, passwordHash: 'h' });
    expect(b.activities.length).toBe(a.activities.length);
    expect(b.activities.slice(0, 50)).toEqual(a.activities.slice(0, 50));
    expect(b.opportunities.at(-1)).toEqual(a.opportunities.at(-1));
  });

  it('has 2 regions, 4 teams, 24 reps and 18 months of work up to its as-of date', async () => {
    const [shape] = await queryRows<{ teams: number; reps: number; first: string; last: string }>(
      t.db,
      sql`select (select count(*)::int from teams) as teams,
                 (select count(*)::int from users where role = 'rep') as reps,
                 (select min(occurred_at)::text from activities) as first,
                 (select max(occurred_at)::text from activities) as last`,
    );
    expect(shape?.teams).toBe(7); // Sales, 2 regions, 4 teams
    expect(shape?.reps).toBe(24);
    const months = (TEST_NOW.getTime() - Date.parse(shape?.first ?? '')) / (30.44 * 86_400_000);
    expect(months).toBeGreaterThan(17.5);
    expect(Date.parse(shape?.last ?? '')).toBeLessThanOrEqual(TEST_NOW.getTime());
  });

  it('plants the January non-prospector: no prospecting in January while the others prospect', async () => {
    const rows = await queryRows<{ name: string; n: number }>(
      t.db,
      sql`select u.name, count(*) filter (where a.prospecting)::int as n
            from users u left join activities a on a.org_id = u.org_id and a.rep_id = u.id
                 and a.occurred_at >= '2026-01-01T05:00:00Z' and a.occurred_at < '2026-02-01T05:00:00Z'
           where u.role = 'rep' group by u.name`,
    );
    const jan = new Map(rows.map((r) => [r.name, r.n]));
    expect(jan.get(repNamed('january_gap') ?? '')).toBe(0);
    const others = rows.filter((r) => r.name !== repNamed('january_gap')).map((r) => r.n);
    expect(Math.min(...others)).toBeGreaterThan(80);
  });

  it('plants the e-mail prospector: under 15% of prospecting by phone, against 55%+ for steady reps', async () => {
    const rows = await queryRows<{ name: string; share: number }>(
      t.db,
      sql`select u.name, (count(*) filter (where a.channel = 'phone'))::float / count(*) as share
            from activities a join users u on u.org_id = a.org_id and u.id = a.rep_id
           where a.prospecting group by u.name`,
    );
    const share = new Map(rows.map((r) => [r.name, r.share]));
    expect(share.get(repNamed('email_prospector') ?? '')).toBeLessThan(0.15);
    for (const rep of DEMO_REPS.filter((r) => r.archetype === 'steady'))
      expect(share.get(rep.name)).toBeGreaterThan(0.55);
  });

  it('plants the one-offering seller: every opportunity in one non-strategic offering', async () => {
    const rows = await queryRows<{ name: string; offerings: number; strategic: number }>(
      t.db,
      sql`select u.name, count(distinct o.offering_id)::int as offerings,
                 (count(*) filter (where f.strategic_weight > 0))::int as strategic
            from opportunities o
            join users u on u.org_id = o.org_id and u.id = o.rep_id
            join offerings f on f.org_id = o.org_id and f.id = o.offering_id
           group by u.name`,
    );
    const seller = rows.find((r) => r.name === repNamed('one_offering'));
    expect(seller).toMatchObject({ offerings: 1, strategic: 0 });
    expect(rows.filter((r) => r.name !== seller?.name).every((r) => r.offerings >= 3 && r.strategic > 0)).toBe(true);
  });

  it('plants the recovering rep: a slump 4–6 months ago, back near full strength in the last month', async () => {
    const [row] = await queryRows<{ slump: number; recent: number; before: number }>(
      t.db,
      sql`select count(*) filter (where a.occurred_at between ${new Date(TEST_NOW.getTime() - 180 * 86_400_000)} and ${new Date(TEST_NOW.getTime() - 120 * 86_400_000)})::int as slump,
                 count(*) filter (where a.occurred_at > ${new Date(TEST_NOW.getTime() - 30 * 86_400_000)})::int as recent,
                 count(*) filter (where a.occurred_at between ${new Date(TEST_NOW.getTime() - 300 * 86_400_000)} and ${new Date(TEST_NOW.getTime() - 240 * 86_400_000)})::int as before
            from activities a join users u on u.org_id = a.org_id and u.id = a.rep_id
           where a.prospecting and u.name = ${repNamed('recovering') ?? ''}`,
    );
    expect(row?.slump).toBeLessThan((row?.before ?? 0) * 0.5);
    expect((row?.recent ?? 0) * 2).toBeGreaterThan((row?.before ?? 0) * 0.8);
  });

  it('keeps plausible sales cycles: won deals take weeks to months', async () => {
    const [row] = await queryRows<{ median_days: number; won: number }>(
      t.db,
      sql`select percentile_cont(0.5) within group (order by extract(epoch from closed_at - created_at) / 86400)::float as median_days,
                 count(*)::int as won
            from opportunities where status = 'won'`,
    );
    expect(row?.won).toBeGreaterThan(100);
    expect(row?.median_days).toBeGreaterThan(40);
    expect(row?.median_days).toBeLessThan(130);
  });

  it('does nothing when run again, and rebuilds only on request', async () => {
    const again = await seedDemoOrg({ db: t.db, now: () => TEST_NOW });
    expect(again.status).toBe('already_present');
    expect(again.counts.users).toBe(32);
    const reset = await seedDemoOrg({ db: t.db, now: () => TEST_NOW }, { reset: true });
    expect(reset.status).toBe('created');
    expect(reset.counts).toEqual(again.counts);
  });

  it('refuses to touch a database that holds a real organization', async () => {
    await t.db.insert(organizations).values({ id: randomUUID(), name: 'Acme Real', slug: 'acme-real' });
    let caught: unknown;
    try {
      await seedDemoOrg({ db: t.db, now: () => TEST_NOW }, { reset: true });
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught) && caught.code).toBe('demo_refused');
    expect((caught as Error).message).toContain('Acme Real');
    const [count] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from organizations where is_demo`,
    );
    expect(count?.n).toBe(1);
  });
});
