import type { Viewer } from '@rightly/core';
import { teams, users } from '@rightly/db';
import type { TestDatabase } from '@rightly/db/testing';
import {
  adoptTemplate,
  assessTeam,
  createCustomMetric,
  createExpectation,
  endExpectation,
  lintDraft,
  listExpectations,
  listMetrics,
  suggestTargets,
  updateExpectation,
  type ServiceDeps,
} from '@rightly/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/support/clock';
import { openTestDatabase } from '../../../test/support/database';

let t: TestDatabase;
let deps: ServiceDeps;
let who: Map<string, Viewer>;
let teamId: Map<string, string>;
beforeAll(async () => {
  t = await openTestDatabase('demo');
  deps = { db: t.db, now: () => TEST_NOW };
  who = new Map(
    (await t.db.select().from(users)).map((u) => [u.email, { orgId: u.orgId, userId: u.id, role: u.role }]),
  );
  teamId = new Map((await t.db.select().from(teams)).map((x) => [x.name, x.id]));
});
afterAll(() => t.close());

const as = (email: string) => who.get(email) as Viewer;
const draft = (team: string, over: Record<string, unknown> = {}) => ({
  name: 'First meetings held',
  scope: { kind: 'team' as const, teamId: teamId.get(team) as string },
  metric: 'first_meetings_held',
  target: 3,
  period: 'week' as const,
  customStart: null,
  customEnd: null,
  way: [],
  time: {
    pacing: { kind: 'linear' as const },
    dueInDays: 0,
    leadTime: 'none' as const,
    selfReport: false,
    selfReportFrom: null,
  },
  startsOn: '2026-11-02',
  endsOn: null,
  note: 'Outcomes first.',
  ...over,
});

describe('expectations', () => {
  it('lets a team leader set one for their team, and refuses another team and every rep', async () => {
    const saved = await createExpectation(deps, {
      viewer: as('priya.shah@demo.test'),
      expectation: draft('NA Enterprise'),
    });
    expect(saved).toMatchObject({ active: true, repCount: 6, warnings: [] });
    await expect(
      createExpectation(deps, { viewer: as('priya.shah@demo.test'), expectation: draft('EMEA Enterprise') }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      createExpectation(deps, { viewer: as('rep@demo.test'), expectation: draft('NA Mid-Market') }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    // The region leader above the team can set one for it too.
    await expect(
      createExpectation(deps, { viewer: as('dana.whitfield@demo.test'), expectation: draft('NA Enterprise') }),
    ).resolves.toMatchObject({ repCount: 6 });
  });

  it('names the fields that point at nothing', async () => {
    await expect(
      createExpectation(deps, {
        viewer: as('admin@demo.test'),
        expectation: draft('NA Enterprise', {
          metric: 'no_such_metric',
          way: [{ metric: 'nor_this', comparator: 'at_least', bound: { kind: 'absolute', value: 1 } }],
        }),
      }),
    ).rejects.toMatchObject({ code: 'validation_failed', issues: [{ field: 'metric' }, { field: 'way.0.metric' }] });
  });

  it('warns about counting activity without an outcome beside it, and stops warning once one is there', async () => {
    const zoe = { kind: 'rep' as const, repId: as('zoe.novak@demo.test').userId };
    const calls = { ...draft('EMEA Mid-Market'), name: 'Calls', metric: 'calls_made', target: 60, scope: zoe };
    const warnings = await lintDraft(deps, { viewer: as('admin@demo.test'), expectation: calls });
    expect(warnings.map((w) => w.code)).toEqual(['activity_without_outcome']);
    expect(warnings[0]?.message).toContain('counting calls instead of first meetings');
    const saved = await createExpectation(deps, { viewer: as('henrik.vogel@demo.test'), expectation: calls });
    expect(saved.warnings.map((w) => w.code)).toEqual(['activity_without_outcome']);
    // An outcome expectation for the same rep answers it.
    await createExpectation(deps, {
      viewer: as('henrik.vogel@demo.test'),
      expectation: { ...calls, name: 'First meetings', metric: 'first_meetings_held', target: 3 },
    });
    expect(await lintDraft(deps, { viewer: as('admin@demo.test'), expectation: calls })).toEqual([]);
  });

  it('edits and ends: the merged result is validated, the end is kept as history', async () => {
    const saved = await createExpectation(deps, {
      viewer: as('marcus.cole@demo.test'),
      expectation: draft('NA Mid-Market'),
    });
    const edited = await updateExpectation(deps, {
      viewer: as('marcus.cole@demo.test'),
      id: saved.id,
      patch: { target: 4, note: 'Raised after Q3.' },
    });
    expect(edited).toMatchObject({ target: 4, note: 'Raised after Q3.', name: 'First meetings held' });
    await expect(
      updateExpectation(deps, { viewer: as('marcus.cole@demo.test'), id: saved.id, patch: { endsOn: '2026-01-01' } }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      issues: [{ field: 'endsOn' }],
    });
    const ended = await endExpectation(deps, { viewer: as('marcus.cole@demo.test'), id: saved.id });
    expect(ended).toMatchObject({ endsOn: '2026-11-27', active: true });
    // Another team's leader cannot even see it.
    await expect(
      updateExpectation(deps, { viewer: as('sofia.rossi@demo.test'), id: saved.id, patch: { target: 1 } }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('adopts a template in one click with a target from the reps’ own history', async () => {
    const suggestion = await suggestTargets(deps, {
      viewer: as('priya.shah@demo.test'),
      metric: 'prospecting_meetings_booked',
      period: 'week',
      team: 'NA Enterprise',
    });
    expect(suggestion.reps).toHaveLength(6);
    expect(suggestion.reps.every((r) => r.history.length === 12)).toBe(true);
    expect(suggestion.suggested).toBeGreaterThan(0);
    const adopted = await adoptTemplate(deps, {
      viewer: as('priya.shah@demo.test'),
      key: 'weekly_prospecting',
      scope: { kind: 'team', teamId: teamId.get('NA Enterprise') as string },
    });
    expect(adopted).toMatchObject({
      template: 'weekly_prospecting',
      target: suggestion.suggested,
      metric: 'prospecting_meetings_booked',
      startsOn: '2026-11-27',
    });
    expect(adopted.way[0]).toMatchObject({ metric: 'phone_share_of_prospecting' });
  });

  it('shows a rep the expectations that apply to them, read-only', async () => {
    const mine = await listExpectations(deps, { viewer: as('rep@demo.test') });
    expect(
      mine.expectations.every((e) => e.scope.kind !== 'team' || e.scope.teamId === teamId.get('NA Mid-Market')),
    ).toBe(true);
    expect(mine.templates.map((x) => x.key)).toContain('strategic_mix');
  });
});

describe('custom metrics', () => {
  it('are defined as data, materialised at once, and assessed like built-ins', async () => {
    const admin = as('admin@demo.test');
    const metric = await createCustomMetric(deps, {
      viewer: admin,
      metric: {
        name: 'Connected calls',
        kind: 'outcome',
        right: 'way',
        unit: 'count',
        direction: 'higher',
        description: 'Calls that reached a person.',
        definition: {
          type: 'base',
          measure: {
            source: 'activities',
            aggregate: 'count',
            filters: [
              { field: 'type', op: 'eq', value: 'call' },
              { field: 'outcome', op: 'in', value: ['connected', 'meeting_booked'] },
            ],
          },
        },
      },
    });
    expect(metric.key).toBe('custom.connected_calls');
    expect((await listMetrics(deps, { viewer: admin })).map((m) => m.key)).toContain('custom.connected_calls');
    await expect(
      createCustomMetric(deps, { viewer: admin, metric: { ...metricInput(), name: 'Connected calls' } }),
    ).rejects.toMatchObject({ code: 'conflict', issues: [{ field: 'name' }] });
    await expect(
      createCustomMetric(deps, { viewer: as('rep@demo.test'), metric: metricInput() }),
    ).rejects.toMatchObject({ code: 'forbidden' });

    await createExpectation(deps, {
      viewer: admin,
      expectation: {
        ...draft('NA Mid-Market'),
        name: 'Connected calls',
        metric: 'custom.connected_calls',
        target: 5,
        startsOn: '2026-01-01',
        scope: { kind: 'rep', repId: as('rep@demo.test').userId },
      },
    });
    const result = await assessTeam(deps, { viewer: admin, period: '2026-10' });
    const riley = result.reps.find((r) => r.rep.email === 'rep@demo.test');
    const connected = riley?.assessments.find((a) => a.metric.key === 'custom.connected_calls');
    expect(connected?.actual).toBeGreaterThan(0);
  });

  it('refuses a ratio whose part is not a count or a sum, naming the path', async () => {
    await expect(
      createCustomMetric(deps, {
        viewer: as('admin@demo.test'),
        metric: {
          ...metricInput(),
          name: 'Odd',
          definition: {
            type: 'ratio',
            numerator: { metric: 'win_rate' },
            denominator: [{ metric: 'deals_won' }],
            scale: 100,
          },
        },
      }),
    ).rejects.toMatchObject({ code: 'validation_failed', issues: [{ field: 'definition.numerator.metric' }] });
  });
});

function metricInput() {
  return {
    name: 'Emails replied',
    kind: 'outcome' as const,
    right: 'way' as const,
    unit: 'count' as const,
    direction: 'higher' as const,
    description: 'E-mails that got a reply.',
    definition: {
      type: 'base' as const,
      measure: {
        source: 'activities' as const,
        aggregate: 'count' as const,
        filters: [{ field: 'outcome' as const, op: 'eq' as const, value: 'replied' as const }],
      },
    },
  };
}
