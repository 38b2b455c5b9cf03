import { randomUUID } from 'node:crypto';
import { accounts, queryRows, refreshActivityFacts, refreshRepDayRollups } from '@rightly/db';
import type { TestDatabase } from '@rightly/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/database';
import { addActivity, addOpportunity, createTinyOrg } from '../../../test/support/fixtures';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase('empty');
});
afterAll(() => t.close());

const rollups = (orgId: string) =>
  queryRows<{ day: string; activities: number; prospecting_touches: number }>(
    t.db,
    sql`select day::text, activities, prospecting_touches from rep_day_rollups where org_id = ${orgId} order by day`,
  );

describe('refreshing derived facts and rollups for part of an org', () => {
  it('recomputes only the given accounts, and says which reps and times changed', async () => {
    const org = await createTinyOrg(t.db);
    const otherAccount = randomUUID();
    await t.db
      .insert(accounts)
      .values({ orgId: org.orgId, id: otherAccount, name: 'Other', source: 'test', externalId: otherAccount });
    await addActivity(t.db, org, { type: 'call', channel: 'phone', occurredAt: '2026-03-02T15:00:00Z' });
    await addActivity(t.db, org, {
      type: 'call',
      channel: 'phone',
      occurredAt: '2026-03-03T15:00:00Z',
      accountId: otherAccount,
    });
    // Opportunities on both accounts before the calls: both calls stop being prospecting…
    await addOpportunity(t.db, org, '2026-03-01T00:00:00Z');
    await t.db.execute(sql`update opportunities set account_id = ${otherAccount} where org_id = ${org.orgId}`);
    await addOpportunity(t.db, org, '2026-03-01T00:00:00Z');

    // …but a refresh scoped to the first account changes only its call.
    const change = await refreshActivityFacts(t.db, { orgId: org.orgId, accountIds: [org.accountId] });
    expect(change).toEqual({
      changed: 1,
      repIds: [org.repId],
      from: new Date('2026-03-02T15:00:00Z'),
      to: new Date('2026-03-02T15:00:00Z'),
    });
    const flags = await queryRows<{ prospecting: boolean }>(
      t.db,
      sql`select prospecting from activities where org_id = ${org.orgId} order by occurred_at`,
    );
    expect(flags.map((f) => f.prospecting)).toEqual([false, true]);
    expect(await refreshActivityFacts(t.db, { orgId: org.orgId, accountIds: [] })).toMatchObject({ changed: 0 });
    expect((await refreshActivityFacts(t.db, { orgId: org.orgId })).changed).toBe(1);
  });

  it('rebuilds the rollups of the given reps and days only', async () => {
    const org = await createTinyOrg(t.db);
    await addActivity(t.db, org, { type: 'call', channel: 'phone', occurredAt: '2026-03-02T15:00:00Z' });
    await addActivity(t.db, org, { type: 'call', channel: 'phone', occurredAt: '2026-03-05T15:00:00Z' });
    await refreshRepDayRollups(t.db, { orgId: org.orgId, timeZone: 'UTC' });
    await addActivity(t.db, org, { type: 'call', channel: 'phone', occurredAt: '2026-03-02T16:00:00Z' });
    await addActivity(t.db, org, { type: 'call', channel: 'phone', occurredAt: '2026-03-05T16:00:00Z' });

    await refreshRepDayRollups(t.db, {
      orgId: org.orgId,
      timeZone: 'UTC',
      repIds: [org.repId],
      from: '2026-03-01',
      to: '2026-03-03',
    });
    expect((await rollups(org.orgId)).map((r) => [r.day, r.activities])).toEqual([
      ['2026-03-02', 2],
      ['2026-03-05', 1],
    ]);
    await refreshRepDayRollups(t.db, {
      orgId: org.orgId,
      timeZone: 'UTC',
      repIds: [org.leaderId],
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect((await rollups(org.orgId)).map((r) => r.activities)).toEqual([2, 1]);
    await refreshRepDayRollups(t.db, { orgId: org.orgId, timeZone: 'UTC' });
    expect((await rollups(org.orgId)).map((r) => r.activities)).toEqual([2, 2]);
  });
});
