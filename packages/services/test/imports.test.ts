import { AppError, type Viewer } from '@rightly/core';
import { accounts, imports, opportunityStageChanges, queryRows, teams, users } from '@rightly/db';
import type { TestDatabase } from '@rightly/db/testing';
import {
  DEMO_ORG,
  getImport,
  importErrorsCsv,
  listImports,
  previewImport,
  type ImportActor,
  type ServiceDeps,
} from '@rightly/services';
import { and, eq, sql } from 'drizzle-orm';
import { createReadStream, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/support/clock';
import { openTestDatabase } from '../../../test/support/database';
import {
  FIXTURES,
  importFixture,
  rollupOf,
  rollupsMatchFullRebuild,
  storedActivities,
  viewerByEmail,
} from './import-support';

let t: TestDatabase;
let deps: ServiceDeps;
let admin: ImportActor;
let rep: Viewer;
let orgId: string;
beforeAll(async () => {
  t = await openTestDatabase('demo');
  deps = { db: t.db, now: () => TEST_NOW };
  const viewer = await viewerByEmail(t.db, 'admin@demo.test');
  admin = { kind: 'user', viewer };
  orgId = viewer.orgId;
  rep = await viewerByEmail(t.db, 'rep@demo.test');
});
afterAll(() => t.close());

describe('importing a Salesforce activities report', () => {
  it('imports every touch, leaves plans out, creates accounts, and builds the rollups', async () => {
    const result = await importFixture(deps, admin, 'salesforce/activities-details-only.csv');
    expect(result).toMatchObject({
      status: 'succeeded',
      source: 'salesforce',
      kind: 'activities',
      counts: { new: 7, updated: 0, unchanged: 0, rejected: 0, ignored: 1 },
      summary: '7 new, 0 updated, 0 unchanged, 0 rejected, 1 left out (planned or deleted)',
    });
    expect(result.report?.createdAccounts).toBe(3);
    expect(result.report?.format).toMatchObject({ id: 'salesforce-activities', dateOrder: 'MDY' });
    const stored = await storedActivities(t.db, { orgId, source: 'salesforce', account: 'Globex Fixture Corp' });
    expect(stored.map((a) => [a.external_id, a.type, a.outcome, a.rep])).toEqual([
      ['00TFX0000000001', 'call', 'connected', 'Riley Carter'],
      ['00TFX0000000002', 'email', null, 'Riley Carter'],
      ['00UFX0000000003', 'meeting', 'held', 'Riley Carter'],
      ['00UFX0000000007', 'meeting', 'held', 'Riley Carter'],
    ]);
    // Derived at import: touches before any deal are prospecting; held meetings are numbered.
    expect(stored.map((a) => [a.prospecting, a.meeting_number])).toEqual([
      [true, null],
      [true, null],
      [false, 1],
      [false, 2],
    ]);
    // "Amélie Dubois" in the file is the demo's Amelie Dubois: accents do not matter.
    expect(
      (await storedActivities(t.db, { orgId, source: 'salesforce', account: 'Umbrella Fixture Health' }))[0]?.rep,
    ).toBe('Amelie Dubois');
    expect(await rollupsMatchFullRebuild(t.db, { orgId, timeZone: DEMO_ORG.timeZone })).toBe(true);
  });

  it('changes nothing when the same file comes again, in its formatted form too', async () => {
    const again = await importFixture(deps, admin, 'salesforce/activities-details-only.csv');
    expect(again.summary).toBe('0 new, 0 updated, 7 unchanged, 0 rejected, 1 left out (planned or deleted)');
    const formatted = await importFixture(deps, admin, 'salesforce/activities-formatted.csv');
    expect(formatted.counts).toMatchObject({ new: 0, updated: 0, unchanged: 7 });
    expect(formatted.report?.createdAccounts).toBe(0);
  });

  it('updates exactly the rows that changed', async () => {
    const original = readFileSync(`${FIXTURES}salesforce/activities-details-only.csv`, 'utf8');
    const changed = original.replace('"Completed","Left Voicemail"', '"Completed","Connected"');
    expect(changed).not.toBe(original);
    const result = await importFixture(deps, admin, { name: 'changed.csv', text: changed });
    expect(result.counts).toMatchObject({ new: 0, updated: 1, unchanged: 6 });
    const [call] = await storedActivities(t.db, { orgId, source: 'salesforce', account: 'Initech Fixture' });
    expect(call?.outcome).toBe('connected');
  });
});

describe('derived facts when data arrives out of order', () => {
  it('renumbers meetings when an earlier meeting is imported later', async () => {
    const meetings = await importFixture(deps, admin, 'hubspot/meetings.csv');
    expect(meetings.counts.new).toBe(6);
    const numbers = async () =>
      (await storedActivities(t.db, { orgId, source: 'hubspot', account: 'HubSpot Fixture Co' }))
        .filter((a) => a.type === 'meeting')
        .map((a) => [a.external_id, a.meeting_number]);
    expect(await numbers()).toEqual([
      ['60000001', 1],
      ['60000005', null],
      ['60000006', 2],
      ['60000002', null],
    ]);
    // The demo has meetings of its own on these days: compare before and after.
    const oct20 = await rollupOf(t.db, { orgId, repName: 'Riley Carter', day: '2026-10-20' });
    const nov04 = await rollupOf(t.db, { orgId, repName: 'Riley Carter', day: '2026-11-04' });

    const earlier = [
      'Record ID,Meeting name,Activity date,Activity assigned to,Meeting outcome,Associated Company',
      '60000000,First contact,2026-10-05 10:00,Riley Carter,Completed,HubSpot Fixture Co',
    ].join('\n');
    const late = await importFixture(deps, admin, { name: 'late-meeting.csv', text: earlier });
    expect(late.counts.new).toBe(1);
    expect(await numbers()).toEqual([
      ['60000000', 1],
      ['60000001', 2],
      ['60000005', null],
      ['60000006', 3],
      ['60000002', null],
    ]);
    // The rollups of days the file never mentioned moved with the numbers.
    expect(await rollupOf(t.db, { orgId, repName: 'Riley Carter', day: '2026-10-20' })).toMatchObject({
      first_meetings_held: (oct20?.first_meetings_held ?? 0) - 1,
      second_meetings_held: (oct20?.second_meetings_held ?? 0) + 1,
    });
    expect(await rollupOf(t.db, { orgId, repName: 'Riley Carter', day: '2026-11-04' })).toMatchObject({
      second_meetings_held: (nov04?.second_meetings_held ?? 0) - 1,
    });
    expect(await rollupsMatchFullRebuild(t.db, { orgId, timeZone: DEMO_ORG.timeZone })).toBe(true);
  });

  it('stops counting touches as prospecting once an opportunity with the account turns out to exist', async () => {
    await importFixture(deps, admin, 'hubspot/calls.csv');
    const calls = async () =>
      (await storedActivities(t.db, { orgId, source: 'hubspot', account: 'HubSpot Fixture Co' }))
        .filter((a) => a.type === 'call')
        .map((a) => a.prospecting);
    expect(await calls()).toEqual([true, true, true]);
    const before = await rollupOf(t.db, { orgId, repName: 'Riley Carter', day: '2026-10-15' });

    // A deal opened at noon on 14 October, imported after the calls (13th, 14th 09:10, 15th).
    const deal = [
      'Record ID,Deal Name,Deal Stage,Deal owner,Amount,Create Date,Close Date,Associated Company',
      '89000001,Early deal,Qualified,Riley Carter,1000,2026-10-14 12:00,2026-12-01,HubSpot Fixture Co',
    ].join('\n');
    expect((await importFixture(deps, admin, { name: 'early-deal.csv', text: deal })).counts.new).toBe(1);
    expect(await calls()).toEqual([true, true, false]);
    const after = await rollupOf(t.db, { orgId, repName: 'Riley Carter', day: '2026-10-15' });
    expect(after?.prospecting_touches).toBe((before?.prospecting_touches ?? 0) - 1);
    expect(await rollupsMatchFullRebuild(t.db, { orgId, timeZone: DEMO_ORG.timeZone })).toBe(true);
  });
});

describe('opportunities, rosters and offerings', () => {
  it('imports deals with their stage history, offerings found or created, and re-imports as unchanged', async () => {
    const first = await importFixture(deps, admin, 'salesforce/opportunities.csv');
    expect(first.counts).toMatchObject({ new: 3, updated: 0, unchanged: 0 });
    // Platform License, Implementation Services and Premium Support are demo offerings already.
    expect(first.report?.createdOfferings).toBe(0);
    const history = await t.db
      .select({ stage: opportunityStageChanges.stage, status: opportunityStageChanges.status })
      .from(opportunityStageChanges)
      .innerJoin(
        sql`opportunities o`,
        sql`o.org_id = ${opportunityStageChanges.orgId} and o.id = ${opportunityStageChanges.opportunityId}`,
      )
      .where(sql`o.external_id = '006FX0000000001'`);
    expect(history).toEqual([{ stage: 'Closed Won', status: 'won' }]);
    const again = await importFixture(deps, admin, 'salesforce/opportunities.csv');
    expect(again.counts).toMatchObject({ new: 0, updated: 0, unchanged: 3 });
    // The Globex deal was created on 21 October: the call on the 13th stays prospecting.
    const globex = await storedActivities(t.db, { orgId, source: 'salesforce', account: 'Globex Fixture Corp' });
    expect(globex[0]?.prospecting).toBe(true);
  });

  it('loads a roster: users, teams, who leads which, and their memberships; the second time nothing changes', async () => {
    const result = await importFixture(deps, admin, 'generic/roster.csv', { onError: 'skip' });
    expect(result.counts).toMatchObject({ new: 3, updated: 0, rejected: 1 });
    expect(result.report?.createdTeams).toBe(2);
    const [east] = await t.db
      .select()
      .from(teams)
      .where(and(eq(teams.orgId, orgId), eq(teams.name, 'Fixture Team East')));
    const [robin] = await t.db.select().from(users).where(eq(users.email, 'robin.hale@fixture.test'));
    expect(east?.leaderId).toBe(robin?.id);
    expect(robin).toMatchObject({ role: 'leader', passwordHash: null });
    const again = await importFixture(deps, admin, 'generic/roster.csv', { onError: 'skip' });
    expect(again.counts).toMatchObject({ new: 0, updated: 0, unchanged: 3, rejected: 1 });
  });

  it('imports offerings with their strategic weights', async () => {
    const result = await importFixture(deps, admin, 'generic/offerings.csv');
    expect(result.counts).toMatchObject({ new: 3, updated: 1, unchanged: 0 });
  });
});

describe('bad rows', () => {
  it('rejects the whole file by default: nothing written, every problem in the report', async () => {
    const result = await importFixture(deps, admin, 'messy/bad-rows.csv');
    expect(result.status).toBe('failed');
    expect(result.failure?.code).toBe('rows_rejected');
    expect(result.counts).toMatchObject({ new: 0, rejected: 4 });
    expect(result.report?.unknownOwners).toEqual([{ owner: 'Pat Nobody', rows: 1, firstLine: 5 }]);
    expect(await storedActivities(t.db, { orgId, source: 'hubspot', account: 'Bad Rows Fixture' })).toEqual([]);
    const csv = await importErrorsCsv(deps, { actor: admin, importId: result.id });
    let text = '';
    for await (const chunk of csv.lines) text += chunk;
    expect(text.split('\r\n').slice(0, 3)).toEqual([
      'line,column,value,reason,fix',
      '"3","Activity date",,"The date is empty.","Every activity needs the date it happened."',
      expect.stringMatching(
        /^"4","Activity date","2026-13-45 10:00","""2026-13-45 10:00"" is not a real date or time\."/,
      ),
    ]);
    expect(text).toContain('"5","Activity assigned to","Pat Nobody","No user of this organization is ""Pat Nobody""."');
    expect(csv.fileName).toBe('bad-rows-errors.csv');
  });

  it('imports the good rows under `skip` and still reports the bad ones and the unknown owner', async () => {
    const result = await importFixture(deps, admin, 'messy/bad-rows.csv', { onError: 'skip' });
    expect(result.status).toBe('succeeded');
    expect(result.counts).toMatchObject({ new: 2, rejected: 4 });
    expect(result.errorCount).toBe(4);
  });

  it('maps or creates unknown owners when asked, never silently', async () => {
    const mapped = await importFixture(deps, admin, 'messy/bad-rows.csv', {
      onError: 'skip',
      ownerMap: { 'Pat Nobody': 'pat.nobody@fixture.test' },
    });
    expect(mapped.counts).toMatchObject({ new: 1, unchanged: 2, rejected: 3 });
    expect(mapped.report?.createdOwners).toEqual([{ name: 'Pat Nobody', email: 'pat.nobody@fixture.test' }]);
    const [pat] = await t.db.select().from(users).where(eq(users.email, 'pat.nobody@fixture.test'));
    expect(pat).toMatchObject({ name: 'Pat Nobody', role: 'rep', orgId });
    const csv =
      'Record ID,Call Title,Activity date,Activity assigned to,Call outcome\n56000001,Hi,2026-10-13 14:05,New Person <new.person@fixture.test>,Connected\n';
    const refused = await importFixture(deps, admin, { name: 'new-owner.csv', text: csv });
    expect(refused.report?.unknownOwners).toEqual([
      { owner: 'New Person <new.person@fixture.test>', rows: 1, firstLine: 2 },
    ]);
    const created = await importFixture(deps, admin, { name: 'new-owner.csv', text: csv }, { createOwners: true });
    expect(created.counts.new).toBe(1);
    expect(created.report?.createdOwners).toEqual([{ name: 'New Person', email: 'new.person@fixture.test' }]);
  });

  it('neutralises formula cells in the error report', async () => {
    const csv =
      'Record ID,Call Title,Activity date,Activity assigned to,Call outcome\n57000001,x,=HYPERLINK("http://evil"),Riley Carter,Connected\n';
    const result = await importFixture(deps, admin, { name: 'formula.csv', text: csv });
    let text = '';
    for await (const chunk of (await importErrorsCsv(deps, { actor: admin, importId: result.id })).lines) text += chunk;
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it('refuses an ambiguous file as a whole, saying how to fix it', async () => {
    const result = await importFixture(deps, admin, 'messy/ambiguous-dates.csv');
    expect(result.status).toBe('failed');
    expect(result.failure).toMatchObject({ code: 'unreadable_file' });
    expect(result.failure?.fix).toContain('--date-format');
    const fixed = await importFixture(deps, admin, 'messy/ambiguous-dates.csv', { dateFormat: 'DD/MM/YYYY' });
    expect(fixed.counts.new).toBe(3);
  });
});

describe('dry runs, previews, access', () => {
  it('counts what an import would do and writes nothing', async () => {
    const before = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from activities where org_id = ${orgId}`,
    );
    const result = await importFixture(deps, admin, 'pipedrive/activities.csv', { dryRun: true });
    expect(result).toMatchObject({ status: 'succeeded', dryRun: true, counts: { new: 4, ignored: 1 } });
    expect(result.summary).toMatch(/^Dry run: would be 4 new/);
    const after = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from activities where org_id = ${orgId}`,
    );
    expect(after).toEqual(before);
    const accountsNamed = await t.db
      .select()
      .from(accounts)
      .where(and(eq(accounts.orgId, orgId), eq(accounts.name, 'Pipe Fixture GmbH')));
    expect(accountsNamed).toEqual([]);
  });

  it('previews the first rows of a mapped CSV without writing, flagging unknown owners', async () => {
    const mapping = JSON.parse(readFileSync(`${FIXTURES}generic/activities.mapping.json`, 'utf8')) as unknown;
    const preview = await previewImport(deps, {
      actor: admin,
      file: { bytes: 0, open: () => createReadStream(`${FIXTURES}generic/activities.csv`) },
      options: { mapping },
    });
    expect(preview.format).toMatchObject({ id: 'mapping', kind: 'activities', dateOrder: 'DMY' });
    expect(preview.rows).toHaveLength(4);
    expect(preview.rows[0]).toMatchObject({
      status: 'ok',
      values: { type: 'call', outcome: 'connected', durationSeconds: 300 },
    });

    const unmapped = await previewImport(deps, {
      actor: admin,
      file: { bytes: 0, open: () => Readable.from(['Sales Rep,When,Activity Type\nSomebody Else,2026-10-01,call\n']) },
      options: { source: 'generic' },
    });
    expect(unmapped.problem?.reason).toMatch(/A generic CSV needs a column mapping/);
    expect(unmapped.guess?.mapping.columns).toEqual({ owner: 'Sales Rep', occurredAt: 'When', type: 'Activity Type' });
    expect(unmapped.guess?.missing).toEqual([]);
  });

  it('lets only admins import or see imports, and hides other orgs’ imports', async () => {
    const asRep: ImportActor = { kind: 'user', viewer: rep };
    await expect(importFixture(deps, asRep, 'hubspot/calls.csv')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(listImports(deps, { actor: asRep, limit: 10 })).rejects.toBeInstanceOf(AppError);
    const history = await listImports(deps, { actor: admin, limit: 100 });
    expect(history.imports.length).toBeGreaterThan(5);
    const someone = history.imports[0]?.id ?? '';
    const stranger: ImportActor = { kind: 'operator', orgId: '00000000-0000-4000-8000-000000000000' };
    await expect(getImport(deps, { actor: stranger, importId: someone })).rejects.toMatchObject({ code: 'not_found' });
    const rows = await t.db.select({ via: imports.via }).from(imports).where(eq(imports.orgId, orgId));
    expect(new Set(rows.map((r) => r.via))).toEqual(new Set(['cli']));
  });
});
