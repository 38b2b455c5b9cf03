import { expectationInputSchema, type AuditEntry, type Viewer } from '@rightly/core';
import { users } from '@rightly/db';
import type { TestDatabase } from '@rightly/db/testing';
import {
  createExpectation,
  endExpectation,
  exportAuditCsv,
  getReportingSettings,
  listAuditEntries,
  setReportingCadence,
  updateExpectation,
  updateReportingSettings,
  type ServiceDeps,
} from '@rightly/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/support/clock';
import { openTestDatabase } from '../../../test/support/database';
import { importFixture } from './import-support';

let t: TestDatabase;
let deps: ServiceDeps;
let people: Map<string, Viewer & { name: string }>;
beforeAll(async () => {
  t = await openTestDatabase('demo');
  deps = { db: t.db, now: () => TEST_NOW };
  const rows = await t.db.select().from(users);
  people = new Map(rows.map((u) => [u.email, { orgId: u.orgId, userId: u.id, role: u.role, name: u.name }]));
});
afterAll(() => t.close());

const who = (email: string): Viewer & { name: string } => {
  const v = people.get(email);
  if (!v) throw new Error(`no demo user ${email}`);
  return v;
};
const admin = () => who('admin@demo.test');
const riley = () => who('rep@demo.test');
/** Leads NA Mid-Market, Riley's team. */
const marcus = () => who('marcus.cole@demo.test');
/** Leads EMEA Mid-Market. */
const henrik = () => who('henrik.vogel@demo.test');

/** Forges a second line, flips text with a bidi override and hides a formula in a spreadsheet. */
const HOSTILE = '=HYPERLINK("x")\n2026-11-27T09:00Z admin deleted everything\u2028\u202egnp.exe\u0085';

async function all(viewer: Viewer, filters: Omit<Parameters<typeof listAuditEntries>[1], 'viewer'> = {}) {
  const entries: AuditEntry[] = [];
  let before: string | undefined;
  for (;;) {
    const page = await listAuditEntries(deps, { viewer, ...filters, ...(before ? { before } : {}) });
    entries.push(...page.entries);
    if (!page.nextCursor) return entries;
    before = page.nextCursor;
  }
}

describe('the org audit log', () => {
  let expectationId = '';

  it('records expectation changes with the terms before and after, in the same transaction', async () => {
    const created = await createExpectation(deps, {
      viewer: marcus(),
      expectation: expectationInputSchema.parse({
        name: HOSTILE,
        scope: { kind: 'rep', repId: riley().userId },
        metric: 'calls_made',
        target: 40,
        period: 'week',
        startsOn: '2026-11-02',
      }),
    });
    expectationId = created.id;
    await updateExpectation(deps, { viewer: marcus(), id: expectationId, patch: { target: 45 } });
    await endExpectation(deps, { viewer: admin(), id: expectationId });

    const entries = await listAuditEntries(deps, { viewer: admin(), subject: riley().userId, limit: 3 });
    expect(entries.entries.map((e) => e.action)).toEqual([
      'expectation_ended',
      'expectation_updated',
      'expectation_created',
    ]);
    const [ended, updated, made] = entries.entries;
    expect(made).toMatchObject({ actorName: 'Marcus Cole', subjectName: 'Riley Carter' });
    expect(made?.details).toMatchObject({ expectationId, before: null, after: { name: HOSTILE, target: 40 } });
    expect(updated?.details).toMatchObject({ before: { target: 40 }, after: { target: 45 } });
    expect(ended?.details).toMatchObject({ before: { endsOn: null }, after: { endsOn: '2026-11-27' } });
    expect(ended?.actorName).toBe('Avery Quinn');
    // The summary is one line whatever the name holds; the name itself is kept as data.
    expect(made?.details.summary).toBe(
      'Expectation "=HYPERLINK("x") 2026-11-27T09:00Z admin deleted everything gnp.exe " created',
    );
  });

  it('records reporting settings and cadence changes; leaders read only about their own reps', async () => {
    const settings = await getReportingSettings(deps, { viewer: admin() });
    await updateReportingSettings(deps, { viewer: admin(), settings: { ...settings, dueTime: '10:30' } });
    await setReportingCadence(deps, {
      viewer: marcus(),
      change: {
        level: 'rep',
        subjectId: riley().userId,
        cadence: 'twice_weekly',
        reason: HOSTILE,
        reviewOn: '2027-01-08',
      },
    });
    const [cadence, changed] = (await listAuditEntries(deps, { viewer: admin(), limit: 2 })).entries;
    expect(changed).toMatchObject({
      action: 'reporting_settings_changed',
      subjectId: null,
      details: { summary: 'Reporting settings changed (dueTime)', before: { dueTime: '09:00' } },
    });
    expect(changed?.details.after).toMatchObject({ dueTime: '10:30' });
    expect(cadence).toMatchObject({
      action: 'reporting_cadence_changed',
      subjectName: 'Riley Carter',
      details: { level: 'rep', cadence: 'twice_weekly', reason: HOSTILE, effectiveFrom: '2026-11-28' },
    });

    const marcusSees = await all(marcus());
    expect(marcusSees.some((e) => e.action === 'reporting_cadence_changed')).toBe(true);
    // Org-wide entries (the settings) and other teams' reps are not a leader's.
    expect(marcusSees.some((e) => e.subjectId === null)).toBe(false);
    const henrikSees = await all(henrik());
    expect(henrikSees.some((e) => e.subjectId === riley().userId)).toBe(false);
    await expect(listAuditEntries(deps, { viewer: henrik(), subject: riley().userId })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(listAuditEntries(deps, { viewer: riley() })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('records imports from start to finish, without the file contents', async () => {
    const operator = { kind: 'operator' as const, orgId: admin().orgId };
    await importFixture(deps, operator, 'generic/offerings.csv', { source: 'generic', kind: 'offerings' });
    const entries = (await listAuditEntries(deps, { viewer: admin(), limit: 2 })).entries;
    expect(entries.map((e) => e.action)).toEqual(['import_finished', 'import_started']);
    expect(entries[0]?.details).toMatchObject({ fileName: 'offerings.csv', via: 'cli', status: 'succeeded' });
    expect(entries[0]?.actorId).toBeNull();
  });

  it('filters by action, actor, subject and days, and pages by cursor without repeats or gaps', async () => {
    const everything = await all(admin(), { limit: 1000 });
    const paged = await all(admin(), { limit: 3 });
    expect(paged.map((e) => e.id)).toEqual(everything.map((e) => e.id));
    expect(new Set(paged.map((e) => e.id)).size).toBe(paged.length);

    const byMarcus = await all(admin(), { actor: marcus().userId });
    expect(byMarcus.length).toBeGreaterThan(0);
    expect(byMarcus.every((e) => e.actorId === marcus().userId)).toBe(true);
    const created = await all(admin(), { action: 'expectation_created' });
    expect(created.every((e) => e.action === 'expectation_created')).toBe(true);
    const aboutRiley = await all(admin(), { subject: riley().userId });
    expect(aboutRiley.every((e) => e.subjectId === riley().userId)).toBe(true);
    // Today on the org's calendar (New York) holds everything of this test; tomorrow nothing.
    expect((await all(admin(), { from: '2026-11-27', to: '2026-11-27' })).length).toBeGreaterThan(0);
    expect(await all(admin(), { from: '2026-11-28' })).toEqual([]);
    await expect(
      listAuditEntries(deps, { viewer: admin(), from: '2026-11-27', to: '2026-11-01' }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      issues: [{ field: 'to', message: 'must be 2026-11-27 or later' }],
    });
  });

  it('exports one line per entry: no forged rows, no formulas, no bidi overrides; the export is audited', async () => {
    const { csv } = await exportAuditCsv(deps, { viewer: admin(), subject: riley().userId });
    const lines = csv.trimEnd().split('\n');
    const aboutRiley = await all(admin(), { subject: riley().userId });
    expect(lines).toHaveLength(aboutRiley.length + 1);
    expect(lines[0]).toBe('at,action,actor,actor id,subject,subject id,summary,details');
    expect(csv).not.toMatch(/[\r\u0085\u2028\u2029\u202a-\u202e]/);
    expect(lines.every((line) => !/(^|,)"?[=+@]/.test(line))).toBe(true);
    const cadence = lines.find((line) => line.includes('reporting_cadence_changed')) ?? '';
    expect(cadence).toContain('\\u2028\\u202egnp.exe\\u0085');
    const latest = (await listAuditEntries(deps, { viewer: admin(), limit: 1 })).entries[0];
    expect(latest).toMatchObject({
      action: 'export_csv',
      details: { export: 'audit_log', entries: aboutRiley.length, filters: { subject: riley().userId } },
    });
    await expect(exportAuditCsv(deps, { viewer: riley() })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
