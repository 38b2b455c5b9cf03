import { randomUUID } from 'node:crypto';
import {
  ACTIVITY_CHANNELS,
  ACTIVITY_OUTCOMES,
  ACTIVITY_TYPES,
  addDays,
  baseMeasureKey,
  BUILT_IN_METRICS,
  combineMeasures,
  createMetricRegistry,
  evaluateBaseMeasure,
  type ActivityFilter,
  type BaseMeasure,
  type Facts,
  type OpportunityFilter,
  type StageChangeFilter,
} from '@rightly/core';
import {
  accounts,
  deleteOrganization,
  insertActivities,
  insertInChunks,
  loadFacts,
  loadMeasureTotals,
  offerings,
  opportunities,
  opportunityStageChanges,
  refreshActivityFacts,
  refreshCustomMeasureRollups,
  refreshRepDayRollups,
  users,
} from '@rightly/db';
import type { TestDatabase } from '@rightly/db/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/database';
import { createTinyOrg } from '../../../test/support/fixtures';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase('empty');
});
afterAll(() => t.close());

const TZ = 'America/Chicago';
const START = '2026-03-01'; // spans the US daylight-saving change on March 8
// Seventy days: ranges may hold a whole month (April), read from the month rollups, with days
// either side from the day rollups.
const DAYS = 70;
const STAGES = ['Discovery', 'Proposal', 'Negotiation'] as const;

const instant = fc
  .integer({ min: 0, max: DAYS * 24 * 60 - 1 })
  .map((m) => new Date(Date.parse(`${START}T06:00:00Z`) + m * 60_000));
const anyOf = <T>(values: readonly T[]) => fc.constantFrom(...values);

const activityArb = fc.record({
  rep: fc.nat(1),
  account: fc.option(fc.nat(2), { nil: null }),
  type: anyOf(ACTIVITY_TYPES),
  channel: fc.option(anyOf(ACTIVITY_CHANNELS), { nil: null }),
  outcome: fc.option(anyOf(ACTIVITY_OUTCOMES), { nil: null }),
  at: instant,
  duration: fc.option(fc.nat(3600), { nil: null }),
});
const opportunityArb = fc.record({
  rep: fc.nat(1),
  account: fc.nat(2),
  offering: fc.nat(2),
  created: instant,
  closeAfterMinutes: fc.option(fc.nat(10 * 24 * 60), { nil: null }),
  won: fc.boolean(),
  amount: fc.integer({ min: 0, max: 500_000 }).map((c) => c / 100),
  stages: fc.array(anyOf(STAGES), { minLength: 1, maxLength: 3 }),
});

type ActivityRow = typeof activityArb extends fc.Arbitrary<infer T> ? T : never;
type OpportunityRow = typeof opportunityArb extends fc.Arbitrary<infer T> ? T : never;

const enumFilter = <F extends string>(field: F, values: readonly string[]) =>
  fc.oneof(
    fc.record({ field: fc.constant(field), op: anyOf(['eq', 'neq'] as const), value: anyOf(values) }),
    fc.record({
      field: fc.constant(field),
      op: anyOf(['in', 'not_in'] as const),
      value: fc.uniqueArray(anyOf(values), { minLength: 1, maxLength: 3 }),
    }),
  );
const numberFilter = <F extends string>(field: F, max: number) =>
  fc.record({
    field: fc.constant(field),
    op: anyOf(['eq', 'neq', 'gt', 'gte', 'lt', 'lte'] as const),
    value: fc.integer({ min: 0, max }),
  });

const activityFilterArb = fc.oneof(
  enumFilter('type', ACTIVITY_TYPES),
  enumFilter('channel', ACTIVITY_CHANNELS),
  enumFilter('outcome', ACTIVITY_OUTCOMES),
  fc.record({ field: fc.constant('prospecting'), op: fc.constant('eq'), value: fc.boolean() }),
  numberFilter('meeting_number', 3),
  numberFilter('duration_seconds', 3600),
) as fc.Arbitrary<ActivityFilter>;

const measureArb = (offeringIds: string[]): fc.Arbitrary<BaseMeasure> =>
  fc.oneof(
    fc.record({
      source: fc.constant('activities' as const),
      aggregate: anyOf(['count', 'sum'] as const),
      field: fc.constant('duration_seconds' as const),
      filters: fc.array(activityFilterArb, { maxLength: 3 }),
    }),
    fc.record({
      source: fc.constant('opportunities' as const),
      event: anyOf(['created', 'won', 'lost', 'closed'] as const),
      aggregate: anyOf(['count', 'sum'] as const),
      field: anyOf(['amount', 'strategic_amount', 'cycle_days'] as const),
      filters: fc.array(
        fc.oneof(
          enumFilter('offering', offeringIds),
          fc.record({ field: fc.constant('strategic'), op: fc.constant('eq'), value: fc.boolean() }),
          enumFilter('stage', STAGES),
          enumFilter('status', ['open', 'won', 'lost']),
          numberFilter('amount', 5000),
        ) as fc.Arbitrary<OpportunityFilter>,
        { maxLength: 2 },
      ),
    }),
    fc.record({
      source: fc.constant('stage_changes' as const),
      aggregate: fc.constant('count' as const),
      filters: fc.array(
        fc.oneof(
          enumFilter('stage', STAGES),
          fc.record({ field: fc.constant('advance'), op: fc.constant('eq'), value: fc.boolean() }),
        ) as fc.Arbitrary<StageChangeFilter>,
        { maxLength: 2 },
      ),
    }),
  );

describe('a metric evaluated by SQL over the rollups and in memory over the raw records', () => {
  it('gives the same number for every built-in metric and for random custom definitions', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(activityArb, { maxLength: 60 }),
        fc.array(opportunityArb, { maxLength: 12 }),
        fc.nat(DAYS - 1),
        fc.nat(DAYS - 1),
        async (activityRows, opportunityRows, a, b) => {
          const org = await createTinyOrg(t.db, { timeZone: TZ });
          try {
            const ids = await populate(org, activityRows, opportunityRows);
            const [from, to] = [addDays(START, Math.min(a, b)), addDays(START, Math.max(a, b))];
            const measures = fc.sample(measureArb(ids.offerings), { numRuns: 8, seed: a * 31 + b });
            await refreshCustomMeasureRollups(t.db, { orgId: org.orgId, timeZone: TZ, measures });
            const registry = createMetricRegistry([]);
            const all = new Map<string, BaseMeasure>(registry.baseMeasures(BUILT_IN_METRICS.map((m) => m.key)));
            for (const m of measures) all.set(baseMeasureKey(m), m);

            const totals = await loadMeasureTotals(t.db, {
              orgId: org.orgId,
              repIds: ids.reps,
              // The random range, and March–April whole (always read from the month rollups).
              ranges: [
                { start: from, end: to },
                { start: START, end: '2026-04-30' },
              ],
              measures: all,
            });
            const facts = await loadFacts(t.db, {
              orgId: org.orgId,
              timeZone: TZ,
              from: addDays(START, -5),
              to: addDays(START, DAYS + 10),
            });
            for (const rep of ids.reps) {
              const mine: Facts = {
                activities: facts.activities.filter((f) => f.repId === rep),
                opportunities: facts.opportunities.filter((f) => f.repId === rep),
                stageChanges: facts.stageChanges.filter((f) => f.repId === rep),
              };
              for (const [key, measure] of all) {
                const inMemory = evaluateBaseMeasure(measure, mine, from, to);
                expect(totals.get(rep, 0, key), key).toBeCloseTo(inMemory, 1);
                const wholeMonths = evaluateBaseMeasure(measure, mine, START, '2026-04-30');
                expect(totals.get(rep, 1, key), `${key} over whole months`).toBeCloseTo(wholeMonths, 1);
              }
              for (const metric of BUILT_IN_METRICS) {
                if (!metric.definition) continue;
                const definition = metric.definition;
                const viaSql = combineMeasures({
                  definition,
                  lookup: registry.lookup,
                  total: (k) => totals.get(rep, 0, k),
                });
                const viaMemory = combineMeasures({
                  definition,
                  lookup: registry.lookup,
                  total: (k) => evaluateBaseMeasure(all.get(k) as BaseMeasure, mine, from, to),
                });
                if (viaMemory === null) expect(viaSql, metric.key).toBeNull();
                else expect(viaSql, metric.key).toBeCloseTo(viaMemory, 1);
              }
            }
          } finally {
            await deleteOrganization(t.db, { orgId: org.orgId });
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

async function populate(
  org: Awaited<ReturnType<typeof createTinyOrg>>,
  activityRows: ActivityRow[],
  opportunityRows: OpportunityRow[],
): Promise<{ reps: string[]; offerings: string[] }> {
  const secondRep = randomUUID();
  await t.db.insert(users).values({
    orgId: org.orgId,
    id: secondRep,
    email: `second.${secondRep.slice(0, 8)}@t.test`,
    name: 'Second',
    role: 'rep',
  });
  const reps = [org.repId, secondRep];
  const accountIds = [org.accountId, await account(org.orgId), await account(org.orgId)];
  const offeringIds = [randomUUID(), randomUUID(), randomUUID()];
  await insertInChunks(
    t.db,
    offerings,
    offeringIds.map((id, i) => ({
      orgId: org.orgId,
      id,
      name: `Offering ${i} ${id.slice(0, 4)}`,
      strategicWeight: [0, 0.5, 1][i],
    })),
  );
  const opps = opportunityRows.map((o) => {
    const closedAt = o.closeAfterMinutes === null ? null : new Date(o.created.getTime() + o.closeAfterMinutes * 60_000);
    const id = randomUUID();
    return {
      row: {
        orgId: org.orgId,
        id,
        repId: reps[o.rep] as string,
        accountId: accountIds[o.account] as string,
        offeringId: offeringIds[o.offering] as string,
        name: 'Deal',
        amount: o.amount.toFixed(2),
        currency: 'USD',
        stage: o.stages.at(-1) as string,
        status: closedAt === null ? ('open' as const) : o.won ? ('won' as const) : ('lost' as const),
        createdAt: o.created,
        closedAt,
        source: 'prop',
        externalId: id,
      },
      stages: o.stages,
    };
  });
  await insertInChunks(
    t.db,
    opportunities,
    opps.map((o) => o.row),
  );
  await insertInChunks(
    t.db,
    opportunityStageChanges,
    opps.flatMap((o) =>
      o.stages.map((stage, i) => ({
        orgId: org.orgId,
        id: randomUUID(),
        opportunityId: o.row.id,
        stage,
        status: 'open' as const,
        changedAt: new Date(o.row.createdAt.getTime() + i * 3 * 3_600_000),
      })),
    ),
  );
  await insertActivities(
    t.db,
    activityRows.map((r) => {
      const id = randomUUID();
      return {
        orgId: org.orgId,
        id,
        repId: reps[r.rep] as string,
        accountId: r.account === null ? null : (accountIds[r.account] as string),
        type: r.type,
        channel: r.channel,
        outcome: r.outcome,
        occurredAt: r.at,
        durationSeconds: r.duration,
        source: 'prop',
        externalId: id,
      };
    }),
  );
  await refreshActivityFacts(t.db, { orgId: org.orgId });
  await refreshRepDayRollups(t.db, { orgId: org.orgId, timeZone: TZ });
  return { reps, offerings: offeringIds };
}

async function account(orgId: string): Promise<string> {
  const id = randomUUID();
  await t.db.insert(accounts).values({ orgId, id, name: `Account ${id.slice(0, 4)}`, source: 'prop', externalId: id });
  return id;
}
