import { randomUUID } from 'node:crypto';
import { signUnsubscribeToken } from '@rightly/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signInAs, type TestApp } from './helper';

let t: TestApp;
let leader: string;
let rep: string;
let otherLeader: string;
beforeAll(async () => {
  t = await buildTestApp();
  leader = await signInAs(t.app, 'leader@demo.test');
  rep = await signInAs(t.app, 'rep@demo.test');
  otherLeader = await signInAs(t.app, 'sofia.rossi@demo.test');
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string | null, payload?: object) =>
  t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });

describe('self-report routes', () => {
  it('lets a rep file their own report and a leader see it, but not file one', async () => {
    const mine = await call('GET', '/api/v1/self-reports?status=open', rep);
    expect(mine.statusCode).toBe(200);
    const open = mine.json().items[0];
    expect(open).toMatchObject({ status: 'open', window: { start: '2026-11-23', cadence: 'weekly' } });
    const filed = await call('POST', '/api/v1/self-reports', rep, {
      expectationId: open.expectationId,
      windowStart: open.window.start,
      value: 2,
      comment: '<script>alert(1)</script> two from the event',
    });
    expect(filed.statusCode).toBe(200);
    // Stored and returned as plain text; the UI escapes it when it shows it.
    expect(filed.json()).toMatchObject({
      status: 'submitted',
      reported: 2,
      comment: '<script>alert(1)</script> two from the event',
    });

    const asLeader = await call('GET', `/api/v1/self-reports?rep=${open.repId}`, leader);
    expect(asLeader.json().items.some((i: { id: string }) => i.id === filed.json().id)).toBe(true);
    const leaderFiles = await call('POST', '/api/v1/self-reports', leader, {
      expectationId: open.expectationId,
      windowStart: open.window.start,
      value: 2,
    });
    expect(leaderFiles.statusCode).toBe(403);
  });

  it('names the bad field and keeps other teams’ reports out of sight', async () => {
    const negative = await call('POST', '/api/v1/self-reports', rep, {
      expectationId: randomUUID(),
      windowStart: '2026-11-23',
      value: -1,
    });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().errors).toEqual([{ field: 'value', message: 'must be zero or more' }]);
    const badDate = await call('GET', '/api/v1/self-reports?from=2026-02-30', leader);
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().errors[0].field).toBe('from');

    const flagged = await call('GET', '/api/v1/self-reports?status=discrepancy', leader);
    const item = flagged.json().items[0];
    expect(item.discrepancy).toMatch(/CRM shows/);
    const elsewhere = await call('POST', `/api/v1/self-reports/${item.id}/resolution`, otherLeader, {
      resolution: 'noted',
    });
    expect(elsewhere.statusCode).toBe(404);
    const unknown = await call('POST', `/api/v1/self-reports/${randomUUID()}/resolution`, leader, {
      resolution: 'noted',
    });
    expect(unknown.statusCode).toBe(404);
    const resolved = await call('POST', `/api/v1/self-reports/${item.id}/resolution`, leader, {
      resolution: 'missing_in_crm',
      note: 'Asked Taylor to log the meetings',
    });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json().resolution).toMatchObject({ kind: 'missing_in_crm', resolvedBy: 'Morgan Lee' });
  });
});

describe('reporting cadence routes', () => {
  it('shows and changes a rep’s cadence, saying what is missing', async () => {
    const roster = (await call('GET', '/api/v1/roster', leader)).json();
    const casey = roster.reps.find((r: { rep: { email: string } }) => r.rep.email === 'casey.nguyen@demo.test').rep;
    const before = await call('GET', `/api/v1/reporting-cadences?rep=${casey.id}`, leader);
    expect(before.statusCode).toBe(200);
    expect(before.json().reps[0]).toMatchObject({ cadence: 'weekly', advice: { action: 'shorten' } });
    const missing = await call('PUT', '/api/v1/reporting-cadences', leader, {
      level: 'rep',
      subjectId: casey.id,
      cadence: 'daily',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { field: string }) => e.field)).toEqual(['reason', 'reviewOn']);
    const noSubject = await call('PUT', '/api/v1/reporting-cadences', leader, { level: 'team', cadence: 'daily' });
    expect(noSubject.json().errors).toEqual([{ field: 'subjectId', message: 'is required for a team cadence' }]);
    const set = await call('PUT', '/api/v1/reporting-cadences', leader, {
      level: 'rep',
      subjectId: casey.id,
      cadence: 'twice_weekly',
      reason: 'Reports keep arriving late',
      reviewOn: '2027-01-08',
    });
    expect(set.statusCode).toBe(200);
    expect(set.json().reps[0].upcoming).toMatchObject({ cadence: 'twice_weekly', effectiveFrom: '2026-11-28' });
    const asRep = await call('PUT', '/api/v1/reporting-cadences', rep, {
      level: 'rep',
      subjectId: casey.id,
      cadence: null,
    });
    expect(asRep.statusCode).toBe(403);
  });
});

describe('reporting settings', () => {
  it('lets every user read them and only an admin change them, naming a bad field', async () => {
    const settings = await call('GET', '/api/v1/reporting-settings', rep);
    expect(settings.json()).toMatchObject({ dueTime: '09:00', shortenAfterPeriods: 2, relaxAfterPeriods: 3 });
    const changed = { ...settings.json(), dueTime: '10:30', shortenAfterPeriods: 3 };
    expect((await call('PUT', '/api/v1/reporting-settings', leader, changed)).statusCode).toBe(403);
    const admin = await signInAs(t.app, 'admin@demo.test');
    const bad = await call('PUT', '/api/v1/reporting-settings', admin, { ...changed, dueTime: '25:00' });
    expect(bad.json().errors).toEqual([{ field: 'dueTime', message: 'must be a time like 09:00' }]);
    const saved = await call('PUT', '/api/v1/reporting-settings', admin, changed);
    expect(saved.json()).toMatchObject({ dueTime: '10:30', shortenAfterPeriods: 3 });
    // The due time moves every open window's due instant (10:30 in New York is 15:30 UTC).
    const open = (await call('GET', '/api/v1/self-reports?status=open', rep)).json().items[0];
    expect(open.dueAt).toBe('2026-11-30T15:30:00.000Z');
    // The report filed earlier this week keeps the due time it was filed against.
    const filed = (await call('GET', '/api/v1/self-reports?status=submitted&from=2026-11-23', rep)).json().items;
    expect(filed.find((i: { window: { start: string } }) => i.window.start === '2026-11-23')?.dueAt).toBe(
      '2026-11-30T14:00:00.000Z',
    );
  });
});

describe('notification routes', () => {
  it('keeps preferences per user and unsubscribes by a one-click form post without a session', async () => {
    const prefs = await call('GET', '/api/v1/notification-preferences', rep);
    expect(prefs.json()).toEqual({
      email: true,
      slack: false,
      slackWebhookUrl: null,
      reminders: true,
      overdue: true,
      digest: true,
    });
    const bad = await call('PUT', '/api/v1/notification-preferences', rep, { ...prefs.json(), slack: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('slackWebhookUrl');
    expect((await call('GET', '/api/v1/notifications', rep)).json()).toEqual({ unread: 0, items: [] });
    expect((await call('GET', '/api/v1/notifications', null)).statusCode).toBe(401);

    const me = (await call('GET', '/api/v1/me', rep)).json();
    const token = signUnsubscribeToken(t.deps.sessionSecret, {
      orgId: me.organization.id,
      userId: me.user.id,
      channel: 'email',
    });
    const oneClick = await t.app.inject({
      method: 'POST',
      url: `/api/v1/unsubscribe?token=${encodeURIComponent(token)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(200);
    expect((await call('GET', '/api/v1/notification-preferences', rep)).json().email).toBe(false);
    const forged = signUnsubscribeToken('another-secret-that-is-long-enough', {
      orgId: me.organization.id,
      userId: me.user.id,
      channel: 'all',
    });
    const refused = await call('POST', `/api/v1/unsubscribe?token=${encodeURIComponent(forged)}`, null);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail).not.toContain(me.user.id);
  });
});
