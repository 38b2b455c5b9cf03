import { activities, loadRepDays, refreshActivityFacts, refreshRepDayRollups } from '@rightly/db';
import type { TestDatabase } from '@rightly/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/database';
import { addActivity, addOpportunity, createTinyOrg } from '../../../test/support/fixtures';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase('empty');
});
afterAll(() => t.close());

async function facts(orgId: string, id: string) {
  const [row] = await t.db
    .select({ prospecting: activities.prospecting, meetingNumber: activities.meetingNumber })
    .from(activities)
    .where(and(eq(activities.orgId, orgId), eq(activities.id, id)));
  return row;
}

describe('derived activity facts', () => {
  it('marks touches before the first opportunity with an account as prospecting, and later ones not', async () => {
    const org = await createTinyOrg(t.db);
    const coldCall = await addActivity(t.db, org, {
      type: 'call',
      channel: 'phone',
      occurredAt: '2026-01-05T15:00:00Z',
    });
    const coldMail = await addActivity(t.db, org, {
      type: 'email',
      channel: 'email',
      occurredAt: '2026-01-06T15:00:00Z',
    });
    const meeting = await addActivity(t.db, org, {
      type: 'meeting',
      outcome: 'held',
      occurredAt: '2026-01-07T15:00:00Z',
    });
    const orphan = await addActivity(t.db, org, { type: 'call', occurredAt: '2026-02-01T15:00:00Z', accountId: null });
    const note = await addActivity(t.db, org, { type: 'other', channel: null, occurredAt: '2026-01-05T16:00:00Z' });
    const social = await addActivity(t.db, org, {
      type: 'other',
      channel: 'social',
      occurredAt: '2026-01-05T17:00:00Z',
    });
    await addOpportunity(t.db, org, '2026-01-10T12:00:00Z');
    const followUp = await addActivity(t.db, org, {
      type: 'call',
      channel: 'phone',
      occurredAt: '2026-01-12T15:00:00Z',
    });

    expect(await facts(org.orgId, coldCall)).toMatchObject({ prospecting: true });
    expect(await facts(org.orgId, coldMail)).toMatchObject({ prospecting: true });
    expect(await facts(org.orgId, meeting)).toMatchObject({ prospecting: false });
    expect(await facts(org.orgId, orphan)).toMatchObject({ prospecting: true });
    // An "other" touch counts only when it is social; one with no channel is not prospecting.
    expect(await facts(org.orgId, note)).toMatchObject({ prospecting: false });
    expect(await facts(org.orgId, social)).toMatchObject({ prospecting: true });
    expect(await facts(org.orgId, followUp)).toMatchObject({ prospecting: false });
  });

  it('re-marks earlier touches when an opportunity arrives with an older engage date', async () => {
    const org = await createTinyOrg(t.db);
    const call = await addActivity(t.db, org, { type: 'call', channel: 'phone', occurredAt: '2026-03-05T15:00:00Z' });
    expect(await facts(org.orgId, call)).toMatchObject({ prospecting: true });
    await addOpportunity(t.db, org, '2026-03-01T00:00:00Z');
    await refreshActivityFacts(t.db, { orgId: org.orgId });
    expect(await facts(org.orgId, call)).toMatchObject({ prospecting: false });
  });

  it('numbers held meetings per rep and account, skipping no-shows', async () => {
    const org = await createTinyOrg(t.db);
    const first = await addActivity(t.db, org, {
      type: 'meeting',
      outcome: 'held',
      occurredAt: '2026-01-07T15:00:00Z',
    });
    const noShow = await addActivity(t.db, org, {
      type: 'meeting',
      outcome: 'no_show',
      occurredAt: '2026-01-09T15:00:00Z',
    });
    const second = await addActivity(t.db, org, {
      type: 'meeting',
      outcome: 'held',
      occurredAt: '2026-01-14T15:00:00Z',
    });
    await refreshActivityFacts(t.db, { orgId: org.orgId });
    expect((await facts(org.orgId, first))?.meetingNumber).toBe(1);
    expect((await facts(org.orgId, noShow))?.meetingNumber).toBeNull();
    expect((await facts(org.orgId, second))?.meetingNumber).toBe(2);

    // A meeting found later in the CRM but held earlier becomes the first; the others move up.
    const earlier = await addActivity(t.db, org, {
      type: 'meeting',
      outcome: 'held',
      occurredAt: '2026-01-02T15:00:00Z',
    });
    await refreshActivityFacts(t.db, { orgId: org.orgId });
    expect((await facts(org.orgId, earlier))?.meetingNumber).toBe(1);
    expect((await facts(org.orgId, second))?.meetingNumber).toBe(3);
  });

  it('rolls activities up by day on the org’s wall clock', async () => {
    const org = await createTinyOrg(t.db, { timeZone: 'America/Los_Angeles' });
    // 23:30 in Los Angeles on Jan 5 is already Jan 6 in UTC: it must count for Jan 5.
    await addActivity(t.db, org, { type: 'call', channel: 'phone', occurredAt: '2026-01-06T07:30:00Z' });
    await addActivity(t.db, org, { type: 'meeting', outcome: 'held', occurredAt: '2026-01-06T17:00:00Z' });
    await addActivity(t.db, org, { type: 'email', channel: 'email', occurredAt: '2026-01-06T18:00:00Z' });
    await refreshActivityFacts(t.db, { orgId: org.orgId });
    await refreshRepDayRollups(t.db, { orgId: org.orgId, timeZone: 'America/Los_Angeles' });
    const days = await loadRepDays(t.db, {
      orgId: org.orgId,
      repIds: [org.repId],
      from: '2026-01-01',
      to: '2026-01-31',
    });
    expect(days.sort((a, b) => a.day.localeCompare(b.day))).toEqual([
      { repId: org.repId, day: '2026-01-05', activities: 1, meetingsHeld: 0 },
      { repId: org.repId, day: '2026-01-06', activities: 2, meetingsHeld: 1 },
    ]);
  });
});
