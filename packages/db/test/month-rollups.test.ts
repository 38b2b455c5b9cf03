import { addDays, daysBetween } from '@rightly/core';
import { queryRows, refreshRepDayRollups } from '@rightly/db';
import type { TestDatabase } from '@rightly/db/testing';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/database';
import { addActivity, addOpportunity, createTinyOrg } from '../../../test/support/fixtures';
import { splitByMonth } from '../src/queries/month-rollups';

describe('splitting a range into whole months and edge days', () => {
  it('reads whole months from the month table and only the edges by day', () => {
    expect(splitByMonth({ start: '2026-01-15', end: '2026-04-10' })).toEqual({
      days: [
        { start: '2026-01-15', end: '2026-01-31' },
        { start: '2026-04-01', end: '2026-04-10' },
      ],
      months: { start: '2026-02-01', end: '2026-03-01' },
    });
    expect(splitByMonth({ start: '2026-02-01', end: '2026-02-28' })).toEqual({
      days: [],
      months: { start: '2026-02-01', end: '2026-02-01' },
    });
    // A week, and a month cut short by the as-of date, have no whole month.
    expect(splitByMonth({ start: '2026-03-30', end: '2026-04-05' }).months).toBeNull();
    expect(splitByMonth({ start: '2026-03-01', end: '2026-03-20' })).toEqual({
      days: [{ start: '2026-03-01', end: '2026-03-20' }],
      months: null,
    });
    expect(splitByMonth({ start: '2026-03-05', end: '2026-03-04' })).toEqual({ days: [], months: null });
  });

  it('covers every day of any range exactly once', () => {
    fc.assert(
      fc.property(fc.nat(800), fc.nat(400), (offset, length) => {
        const start = addDays('2025-11-01', offset);
        const end = addDays(start, length);
        const { days, months } = splitByMonth({ start, end });
        const covered: string[] = [];
        for (const span of days) {
          for (let d = span.start; d <= span.end; d = addDays(d, 1)) covered.push(d);
        }
        if (months) {
          for (let d = months.start; d < addDays(`${addDays(months.end, 31).slice(0, 7)}-01`, 0); d = addDays(d, 1)) {
            covered.push(d);
          }
        }
        expect(covered.sort()).toEqual(
          Array.from({ length: daysBetween(start, end) + 1 }, (_, i) => addDays(start, i)),
        );
      }),
      { numRuns: 300 },
    );
  });
});

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase('empty');
});
afterAll(() => t.close());

/** Every month row of the org next to the sum of its day rows; they must always agree. */
async function monthsAgainstDays(orgId: string) {
  const months = await queryRows<{ rep_id: string; month: string; activities: number; pipeline: string }>(
    t.db,
    sql`select coalesce(a.rep_id, p.rep_id) as rep_id, coalesce(a.month, p.month)::text as month,
               coalesce(a.activities, 0) as activities, coalesce(p.pipeline_created, 0)::text as pipeline
          from (select * from rep_month_rollups where org_id = ${orgId}) a
          full join (select * from rep_month_pipeline_rollups where org_id = ${orgId}) p
            on p.rep_id = a.rep_id and p.month = a.month
         order by 1, 2`,
  );
  const days = await queryRows<{ rep_id: string; month: string; activities: number; pipeline: string }>(
    t.db,
    sql`select rep_id, month::text as month, sum(activities)::int as activities, sum(pipeline)::text as pipeline
          from (select rep_id, date_trunc('month', day)::date as month, activities, 0::numeric as pipeline
                  from rep_day_rollups where org_id = ${orgId}
                union all
                select rep_id, date_trunc('month', day)::date, 0, pipeline_created
                  from rep_day_pipeline_rollups where org_id = ${orgId}) x
         group by 1, 2 order by 1, 2`,
  );
  return { months, days };
}

describe('month rollups', () => {
  it('stay the sums of the day rollups through full and scoped refreshes', async () => {
    const org = await createTinyOrg(t.db);
    await addActivity(t.db, org, { type: 'call', channel: 'phone', occurredAt: '2026-03-02T15:00:00Z' });
    await addActivity(t.db, org, { type: 'call', channel: 'phone', occurredAt: '2026-03-31T15:00:00Z' });
    await addActivity(t.db, org, { type: 'email', channel: 'email', occurredAt: '2026-04-01T15:00:00Z' });
    await addOpportunity(t.db, org, '2026-04-20T00:00:00Z');
    await refreshRepDayRollups(t.db, { orgId: org.orgId, timeZone: 'UTC' });
    const full = await monthsAgainstDays(org.orgId);
    expect(full.months.map((m) => [m.month, m.activities])).toEqual([
      ['2026-03-01', 2],
      ['2026-04-01', 1],
    ]);
    expect(full.months).toEqual(full.days);

    // An import touching one day of March rebuilds March from all its days, and leaves April alone.
    await addActivity(t.db, org, { type: 'call', channel: 'phone', occurredAt: '2026-03-15T15:00:00Z' });
    await refreshRepDayRollups(t.db, {
      orgId: org.orgId,
      timeZone: 'UTC',
      repIds: [org.repId],
      from: '2026-03-15',
      to: '2026-03-15',
    });
    const scoped = await monthsAgainstDays(org.orgId);
    expect(scoped.months.map((m) => [m.month, m.activities])).toEqual([
      ['2026-03-01', 3],
      ['2026-04-01', 1],
    ]);
    expect(scoped.months).toEqual(scoped.days);
  });
});
