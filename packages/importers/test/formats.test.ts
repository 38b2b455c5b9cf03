import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  parseMapping,
  type ImportedActivity,
  type ImportedOffering,
  type ImportedOpportunity,
  type ImportedUser,
} from '../src/index';
import { fixture, readAll } from './helpers';

const activities = (records: unknown[]) => records as ImportedActivity[];
const opportunities = (records: unknown[]) => records as ImportedOpportunity[];
const byKey = <T extends { key: { value: string } }>(records: T[], key: string): T => {
  const found = records.find((r) => r.key.value === key);
  if (!found) throw new Error(`no record ${key}`);
  return found;
};

describe('Salesforce report exports', () => {
  it('reads a details-only activities report: types, outcomes, US dates in the org time zone', async () => {
    const result = await readAll('salesforce/activities-details-only.csv');
    expect(result.format).toMatchObject({
      id: 'salesforce-activities',
      source: 'salesforce',
      kind: 'activities',
      dateOrder: 'MDY',
    });
    expect(result.errors).toEqual([]);
    // "Plan the QBR" is Not Started: a plan, not a touch.
    expect(result.ignored).toBe(1);
    const records = activities(result.records);
    expect(records).toHaveLength(7);
    const intro = byKey(records, '00TFX0000000001');
    expect(intro).toMatchObject({
      line: 2,
      type: 'call',
      channel: 'phone',
      outcome: 'connected',
      durationSeconds: 245,
      accountName: 'Globex Fixture Corp',
      owner: { name: 'Riley Carter', email: null },
    });
    // 13 October 2026, midnight in New York (EDT, UTC-4).
    expect(intro.occurredAt.toISOString()).toBe('2026-10-13T04:00:00.000Z');
    expect(byKey(records, '00TFX0000000004').outcome).toBe('voicemail');
    // An untyped row with call fields is a call.
    expect(byKey(records, '00TFX0000000005')).toMatchObject({ type: 'call', outcome: 'no_answer' });
    // Events carry no outcome: a past meeting was held.
    expect(byKey(records, '00UFX0000000003')).toMatchObject({
      type: 'meeting',
      outcome: 'held',
      opportunityRef: 'Globex Fixture - Platform',
    });
    expect(byKey(records, '00UFX0000000008').owner.name).toBe('Amélie Dubois');
  });

  it('reads the formatted export the same, leaving out its footer lines', async () => {
    const plain = await readAll('salesforce/activities-details-only.csv');
    const formatted = await readAll('salesforce/activities-formatted.csv');
    expect(formatted.records).toEqual(plain.records);
    expect(formatted.errors).toEqual([]);
    // The footer's "Grand Totals (8 records)" agrees with the rows: no warning about it.
    expect(formatted.warnings.filter((w) => w.message.includes('footer'))).toEqual([]);
  });

  it('reads an opportunities report with won/closed flags, amounts and products', async () => {
    const result = await readAll('salesforce/opportunities.csv');
    expect(result.format.id).toBe('salesforce-opportunities');
    expect(result.errors).toEqual([]);
    const records = opportunities(result.records);
    expect(records.map((r) => [r.key.value, r.status, r.amount, r.currency, r.offeringName])).toEqual([
      ['006FX0000000001', 'won', '48500.00', 'USD', 'Platform License'],
      ['006FX0000000002', 'open', '22000.00', 'USD', 'Implementation Services'],
      ['006FX0000000003', 'lost', '9900.50', 'USD', 'Premium Support'],
    ]);
    const won = records[0];
    expect(won?.closeDate).toBe('2026-11-14');
    expect(won?.closedAt?.toISOString()).toBe('2026-11-14T05:00:00.000Z');
    expect(records[1]?.closedAt).toBeNull();
    expect(records[2]?.createdAt.toISOString()).toBe('2026-09-15T04:00:00.000Z');
  });

  it('reads a Salesforce user export as a roster', async () => {
    const result = await readAll('salesforce/users.csv');
    expect(result.format).toMatchObject({ kind: 'users' });
    const users = result.records as ImportedUser[];
    expect(users.map((u) => [u.email, u.role, u.team, u.parentTeam, u.active])).toEqual([
      ['alex.rivera@fixture.test', 'rep', 'Fixture Team West', 'Fixture Americas', true],
      ['sam.lee@fixture.test', 'leader', null, null, true],
      ['kim.old@fixture.test', 'rep', 'Fixture Team West', 'Fixture Americas', false],
    ]);
  });
});

describe('HubSpot exports', () => {
  it('reads calls: outcomes, milliseconds, owners written as e-mail or "Name (e-mail)"', async () => {
    const result = await readAll('hubspot/calls.csv');
    expect(result.format).toMatchObject({ id: 'hubspot-activities', source: 'hubspot', dateOrder: null });
    const records = activities(result.records);
    expect(records.map((r) => [r.type, r.outcome, r.durationSeconds])).toEqual([
      ['call', 'connected', 245],
      ['call', 'no_answer', 12],
      ['call', 'voicemail', 30],
      ['call', 'no_answer', 5],
    ]);
    expect(records[0]?.occurredAt.toISOString()).toBe('2026-10-13T18:05:00.000Z');
    expect(records[2]?.owner).toEqual({ raw: 'rep@demo.test', name: null, email: 'rep@demo.test' });
    expect(records[3]?.owner).toMatchObject({ name: 'Taylor Brooks', email: 'taylor.brooks@demo.test' });
  });

  it('reads meetings with their five outcomes', async () => {
    const records = activities((await readAll('hubspot/meetings.csv')).records);
    expect(records.map((r) => [r.type, r.outcome])).toEqual([
      ['meeting', 'held'],
      ['meeting', null],
      ['meeting', 'no_show'],
      ['meeting', 'rescheduled'],
      ['meeting', 'canceled'],
      ['meeting', 'held'],
    ]);
    expect(records[0]?.opportunityRef).toBe('HubSpot Fixture Deal');
  });

  it('reads e-mails as sent or replied', async () => {
    const records = activities((await readAll('hubspot/emails.csv')).records);
    expect(records.map((r) => [r.type, r.channel, r.outcome])).toEqual([
      ['email', 'email', 'sent'],
      ['email', 'email', 'replied'],
      ['email', 'email', 'sent'],
    ]);
  });

  it('reads deals, their status from the stage', async () => {
    const result = await readAll('hubspot/deals.csv');
    expect(result.format.id).toBe('hubspot-deals');
    expect(opportunities(result.records).map((r) => [r.name, r.status, r.amount, r.closeDate])).toEqual([
      ['HubSpot Fixture Deal', 'won', '48500.00', '2026-11-14'],
      ['Hooli Fixture Expansion', 'open', '12000.00', '2026-12-20'],
      ['Hooli Fixture Pilot', 'lost', '3500.50', '2026-10-30'],
    ]);
  });
});

describe('Pipedrive exports', () => {
  it('reads activities with separate due times, leaving out the ones not done', async () => {
    const result = await readAll('pipedrive/activities.csv');
    expect(result.format).toMatchObject({ id: 'pipedrive-activities', source: 'pipedrive' });
    expect(result.ignored).toBe(1);
    const records = activities(result.records);
    expect(records.map((r) => [r.key.value, r.type, r.outcome, r.durationSeconds])).toEqual([
      ['101', 'call', null, 240],
      ['102', 'email', null, null],
      ['103', 'meeting', 'held', 3600],
      ['105', 'meeting', 'held', null],
    ]);
    expect(records[0]?.occurredAt.toISOString()).toBe('2026-10-13T18:05:00.000Z');
    expect(records[0]?.opportunityRef).toBe('Pipe Fixture deal');
  });

  it('reads deals: currency column, won and lost times, deleted deals left out', async () => {
    const result = await readAll('pipedrive/deals.csv');
    expect(result.ignored).toBe(1);
    expect(result.warnings).toEqual([]);
    const records = opportunities(result.records);
    expect(
      records.map((r) => [r.key.value, r.status, r.currency, r.closeDate, r.closedAt?.toISOString() ?? null]),
    ).toEqual([
      ['7', 'won', 'EUR', '2026-11-10', '2026-11-10T21:00:00.000Z'],
      ['8', 'lost', 'EUR', '2026-11-12', '2026-11-12T15:00:00.000Z'],
      ['9', 'open', 'EUR', '2027-01-15', null],
    ]);
  });
});

describe('generic CSV with a mapping', () => {
  const mapping = (path: string) => parseMapping(readFileSync(fixture(path), 'utf8'));

  it('reads any columns through the mapping, its value maps, units and date format', async () => {
    const result = await readAll('generic/activities.csv', { mapping: mapping('generic/activities.mapping.json') });
    expect(result.format).toMatchObject({
      id: 'mapping',
      source: 'generic',
      recordSource: 'closeio',
      delimiter: ';',
      dateOrder: 'DMY',
    });
    expect(result.errors).toEqual([]);
    const records = activities(result.records);
    expect(records.map((r) => [r.type, r.outcome, r.durationSeconds, r.key.kind])).toEqual([
      ['call', 'connected', 300, 'hash'],
      ['email', null, null, 'hash'],
      ['meeting', 'held', 3600, 'hash'],
      ['call', 'no_answer', 60, 'hash'],
    ]);
    expect(records[2]?.occurredAt.toISOString()).toBe('2026-11-13T19:00:00.000Z');
    // The hash key is stable: the same row read again has the same key.
    const again = activities(
      (await readAll('generic/activities.csv', { mapping: mapping('generic/activities.mapping.json') })).records,
    );
    expect(again.map((r) => r.key.value)).toEqual(records.map((r) => r.key.value));
    expect(new Set(records.map((r) => r.key.value)).size).toBe(4);
  });

  it('maps stage words to won/lost and European amounts', async () => {
    const result = await readAll('generic/opportunities.csv', {
      mapping: mapping('generic/opportunities.mapping.json'),
    });
    expect(opportunities(result.records).map((r) => [r.status, r.amount, r.currency])).toEqual([
      ['open', '30000.00', 'EUR'],
      ['won', '5000.00', 'EUR'],
    ]);
  });

  it('reads a roster with teams and the team each leader leads, rejecting a bad e-mail', async () => {
    const result = await readAll('generic/roster.csv');
    expect(result.format.kind).toBe('users');
    const users = result.records as ImportedUser[];
    expect(users.map((u) => [u.name, u.role, u.team, u.leadsTeam])).toEqual([
      ['Fixture Robin Hale', 'leader', 'Fixture Team East', 'Fixture Team East'],
      ['Fixture Jo Park', 'rep', 'Fixture Team East', null],
      ['Fixture Ana Souza', 'rep', 'Fixture Team East', null],
    ]);
    expect(result.errors).toEqual([
      expect.objectContaining({
        line: 5,
        column: 'Email',
        value: 'not-an-email',
        reason: '"not-an-email" is not an e-mail address.',
      }),
    ]);
  });

  it('reads offerings with weights written as percentages, fractions and yes/no', async () => {
    const result = await readAll('generic/offerings.csv');
    expect(result.format.kind).toBe('offerings');
    expect((result.records as ImportedOffering[]).map((o) => [o.name, o.strategicWeight, o.active])).toEqual([
      ['Fixture Consulting', 1, true],
      ['Fixture Training', 0.5, true],
      ['Platform License', 0.25, true],
      ['Fixture Legacy Box', 0, false],
    ]);
  });
});
