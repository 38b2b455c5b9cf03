import type { TestDatabase } from '@rightly/db/testing';
import type { ImportActor, ServiceDeps } from '@rightly/services';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/support/clock';
import { openTestDatabase } from '../../../test/support/database';
import { createTinyOrg } from '../../../test/support/fixtures';
import { importFixture, rollupsMatchFullRebuild } from './import-support';

let t: TestDatabase;
let deps: ServiceDeps;
beforeAll(async () => {
  t = await openTestDatabase('empty');
  deps = { db: t.db, now: () => TEST_NOW };
});
afterAll(() => t.close());

const OUTCOMES = ['Connected', 'No answer', 'Left voicemail', 'Busy'] as const;

const call = fc.record({
  id: fc.integer({ min: 1, max: 1_000_000 }),
  at: fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2026-11-01T00:00:00Z'), noInvalidDate: true }),
  outcome: fc.constantFrom(...OUTCOMES),
  seconds: fc.integer({ min: 0, max: 3_600 }),
  subject: fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', 'é', '\n'), maxLength: 8 }),
  account: fc.constantFrom('Acme', 'Globex', 'Initech', ''),
  meeting: fc.boolean(),
});
type Call = typeof call extends fc.Arbitrary<infer T> ? T : never;

const quote = (cell: string) => `"${cell.replaceAll('"', '""')}"`;

/** A HubSpot-like export; without ids the rows are keyed by the documented hash (duplicates included). */
function exportOf(calls: readonly Call[], withIds: boolean): string {
  const header = [
    'Record ID',
    'Activity type',
    'Call Title',
    'Activity date',
    'Activity assigned to',
    'Call outcome',
    'Call duration',
    'Associated Company',
  ];
  const rows = calls.map((c) => [
    String(c.id),
    c.meeting ? 'Meeting' : 'Call',
    c.subject,
    c.at.toISOString(),
    'Rep',
    c.meeting ? 'Completed' : c.outcome,
    String(c.seconds * 1000),
    c.account,
  ]);
  const keep = (cells: string[]) => (withIds ? cells : cells.slice(1));
  return [keep(header), ...rows.map(keep)].map((cells) => cells.map(quote).join(',')).join('\r\n');
}

const WITHOUT_IDS = {
  mapping: {
    kind: 'activities',
    source: 'sheet',
    columns: {
      type: 'Activity type',
      subject: 'Call Title',
      occurredAt: 'Activity date',
      owner: 'Activity assigned to',
      outcome: 'Call outcome',
      durationSeconds: 'Call duration',
      account: 'Associated Company',
    },
    durationUnit: 'milliseconds',
  },
};

describe('importing, property-based', () => {
  it('changes nothing the second time, and updates exactly the row that changed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(call, { selector: (c) => c.id, minLength: 1, maxLength: 25 }),
        fc.boolean(),
        fc.nat(),
        async (calls, withIds, pick) => {
          const org = await createTinyOrg(t.db, { name: 'Prop' });
          const actor: ImportActor = { kind: 'operator', orgId: org.orgId };
          const options = withIds ? {} : WITHOUT_IDS;
          const file = (list: readonly Call[]) => ({ name: 'calls.csv', text: exportOf(list, withIds) });

          const first = await importFixture(deps, actor, file(calls), options);
          expect(first.status).toBe('succeeded');
          expect(first.counts).toMatchObject({ new: calls.length, updated: 0, unchanged: 0, rejected: 0 });

          const second = await importFixture(deps, actor, file(calls), options);
          expect(second.summary).toBe(`0 new, 0 updated, ${calls.length} unchanged, 0 rejected`);

          // Change one call's outcome (a field outside the hash, so keyless rows update too).
          const index = pick % calls.length;
          const target = calls[index] as Call;
          const changed = calls.map((c, i) =>
            i === index
              ? {
                  ...c,
                  meeting: false,
                  outcome: OUTCOMES[(OUTCOMES.indexOf(c.outcome) + 1) % OUTCOMES.length] ?? c.outcome,
                }
              : c,
          );
          const third = await importFixture(deps, actor, file(changed), options);
          // Turning a meeting into a call changes its type, which keyless rows hash: a new row
          // (the old one stays, as docs/imports.md says). Everything else is an update in place.
          if (!withIds && target.meeting)
            expect(third.counts).toMatchObject({ new: 1, updated: 0, unchanged: calls.length - 1 });
          else expect(third.counts).toMatchObject({ new: 0, updated: 1, unchanged: calls.length - 1 });
          expect(await rollupsMatchFullRebuild(t.db, { orgId: org.orgId, timeZone: 'UTC' })).toBe(true);
        },
      ),
      { numRuns: 12 },
    );
  });
});
