import type { Viewer } from '@rightly/core';
import { selfReports, users } from '@rightly/db';
import type { TestDatabase } from '@rightly/db/testing';
import {
  assessTeam,
  createExpectation,
  endExpectation,
  updateExpectation,
  DEMO_REPS,
  getReportingCadences,
  listSelfReports,
  resolveDiscrepancy,
  setReportingCadence,
  submitSelfReport,
  type ServiceDeps,
} from '@rightly/services';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/support/clock';
import { openTestDatabase } from '../../../test/support/database';

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

const viewer = (email: string): Viewer => {
  const v = people.get(email);
  if (!v) throw new Error(`no demo user ${email}`);
  return { orgId: v.orgId, userId: v.userId, role: v.role };
};
const byName = (name: string): Viewer => {
  const found = [...people.values()].find((p) => p.name === name);
  if (!found) throw new Error(`no demo user ${name}`);
  return { orgId: found.orgId, userId: found.userId, role: found.role };
};
const emailOf = (archetype: string) => DEMO_REPS.find((r) => r.archetype === archetype)?.email as string;
const rep = () => viewer('rep@demo.test');
const at = (iso: string): ServiceDeps => ({ ...deps, now: () => new Date(iso) });

describe('self-reports', () => {
  it('shows a rep only their own reports, with the open window and the CRM figure beside it', async () => {
    const mine = await listSelfReports(deps, { viewer: rep() });
    expect(new Set(mine.items.map((i) => i.repId))).toEqual(new Set([rep().userId]));
    const open = mine.items.filter((i) => i.status === 'open');
    // This week (23–29 November) asks for both demo expectations that want a self-report.
    expect(open.map((i) => i.window.start)).toEqual(['2026-11-23', '2026-11-23']);
    expect(open[0]).toMatchObject({ dueAt: '2026-11-30T14:00:00.000Z', reported: null });
    // A count is always measured; a share has no figure in a week without new pipeline.
    const meetings = open.find((i) => i.metric.key === 'prospecting_meetings_booked');
    expect(typeof meetings?.measured).toBe('number');
    // Another rep's reports are not found, exactly like a rep that does not exist.
    await expect(
      listSelfReports(deps, { viewer: rep(), repId: viewer(emailOf('late_reporter')).userId }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('files a report once per window: an edit keeps the first time, and a late one stays late', async () => {
    const [open] = (await listSelfReports(deps, { viewer: rep(), status: 'open' })).items;
    if (!open) throw new Error('no open window');
    const first = await submitSelfReport(deps, {
      viewer: rep(),
      report: { expectationId: open.expectationId, windowStart: open.window.start, value: 3, comment: 'Good week' },
    });
    expect(first).toMatchObject({ status: 'submitted', reported: 3, comment: 'Good week' });
    const edited = await submitSelfReport(at('2026-12-01T10:00:00Z'), {
      viewer: rep(),
      report: { expectationId: open.expectationId, windowStart: open.window.start, value: 4, comment: 'One more' },
    });
    expect(edited).toMatchObject({ id: first.id, status: 'submitted', reported: 4, submittedAt: first.submittedAt });
    const rows = await t.db
      .select()
      .from(selfReports)
      .where(eq(selfReports.id, first.id as string));
    expect(rows).toHaveLength(1);

    // The other expectation of the same window, filed after its due date: accepted, and late.
    const other = (await listSelfReports(deps, { viewer: rep(), status: 'open' })).items[0];
    if (!other) throw new Error('no second open report');
    const late = await submitSelfReport(at('2026-11-30T15:30:00Z'), {
      viewer: rep(),
      report: { expectationId: other.expectationId, windowStart: other.window.start, value: 10, comment: '' },
    });
    expect(late.status).toBe('late');
  });

  it('owes reports from the day self-reporting is switched on, not for every window before it', async () => {
    const leaderViewer = viewer('leader@demo.test');
    const created = await createExpectation(deps, {
      viewer: leaderViewer,
      expectation: {
        name: 'Second meetings',
        scope: { kind: 'role', role: 'rep' },
        metric: 'second_meetings_held',
        target: 1,
        period: 'week',
        customStart: null,
        customEnd: null,
        way: [],
        time: { pacing: { kind: 'linear' }, dueInDays: 0, leadTime: 'none', selfReport: false, selfReportFrom: null },
        startsOn: '2026-01-05',
        endsOn: null,
        note: '',
      },
    });
    const switched = await updateExpectation(deps, {
      viewer: leaderViewer,
      id: created.id,
      patch: { time: { ...created.time, selfReport: true } },
    });
    expect(switched.time).toMatchObject({ selfReport: true, selfReportFrom: '2026-11-27' });
    const owedNow = (await listSelfReports(deps, { viewer: rep() })).items.filter(
      (i) => i.expectationId === created.id,
    );
    expect(owedNow).toEqual([]);
    // From next week's window on, it is owed like the others.
    const nextWeek = await listSelfReports(at('2026-12-01T15:00:00Z'), { viewer: rep(), status: 'open' });
    expect(nextWeek.items.filter((i) => i.expectationId === created.id).map((i) => i.window.start)).toEqual([
      '2026-11-30',
    ]);
    await endExpectation(deps, { viewer: leaderViewer, id: created.id, endsOn: '2026-11-27' });
  });

  it('refuses a report for a window that has not begun, one that is not a window, or from a leader', async () => {
    const [any] = (await listSelfReports(deps, { viewer: rep() })).items;
    const expectationId = any?.expectationId as string;
    await expect(
      submitSelfReport(deps, {
        viewer: rep(),
        report: { expectationId, windowStart: '2026-12-07', value: 1, comment: '' },
      }),
    ).rejects.toMatchObject({ code: 'validation_failed', issues: [{ field: 'windowStart' }] });
    await expect(
      submitSelfReport(deps, {
        viewer: rep(),
        report: { expectationId, windowStart: '2026-11-25', value: 1, comment: '' },
      }),
    ).rejects.toMatchObject({ code: 'validation_failed', message: expect.stringContaining('2026-11-23') });
    await expect(
      submitSelfReport(deps, {
        viewer: viewer('leader@demo.test'),
        report: { expectationId, windowStart: '2026-11-23', value: 1, comment: '' },
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('lets the late reporter’s leader see overdue reports, and counts them against the right time', async () => {
    const casey = viewer(emailOf('late_reporter'));
    const leaderView = await listSelfReports(deps, { viewer: viewer('leader@demo.test'), repId: casey.userId });
    const overdue = leaderView.items.filter((i) => i.status === 'overdue');
    expect(overdue.map((i) => i.window.start)).toContain('2026-11-16');
    expect(leaderView.summary.late + leaderView.summary.overdue).toBeGreaterThan(leaderView.summary.due / 3);

    const matrix = await assessTeam(deps, { viewer: viewer('leader@demo.test'), period: '2026-W47' });
    const row = matrix.reps.find((r) => r.rep.id === casey.userId);
    expect(row?.rights.time.status).toBe('off_track');
    expect(row?.rights.time.sentences.join(' ')).toMatch(/0 of 1 self-reports in by their due date \(1 missing\)/);
    const steady = matrix.reps.filter((r) => DEMO_REPS.find((d) => d.name === r.rep.name)?.archetype === 'steady');
    const selfReportMissing = steady.filter((r) => r.rights.time.sentences.join(' ').includes('missing'));
    expect(selfReportMissing).toHaveLength(0);
  });

  it('flags the rep who claims more first meetings than the CRM shows, and lets their leader resolve it', async () => {
    const taylor = viewer(emailOf('email_prospector'));
    const flagged = await listSelfReports(deps, {
      viewer: viewer('leader@demo.test'),
      repId: taylor.userId,
      status: 'discrepancy',
    });
    const item = flagged.items[0];
    expect(item?.discrepancy).toMatch(/^reported \d+ meetings booked from prospecting, CRM shows \d+$/);
    const id = item?.id as string;
    // Not the rep's to resolve, and not another team's leader's: that one does not even see it.
    await expect(resolveDiscrepancy(deps, { viewer: taylor, id, resolution: 'noted', note: '' })).rejects.toMatchObject(
      { code: 'forbidden' },
    );
    await expect(
      resolveDiscrepancy(deps, { viewer: viewer('sofia.rossi@demo.test'), id, resolution: 'noted', note: '' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      resolveDiscrepancy(deps, { viewer: viewer('leader@demo.test'), id, resolution: 'report_corrected', note: '' }),
    ).rejects.toMatchObject({ issues: [{ field: 'correctedValue' }] });
    const resolved = await resolveDiscrepancy(deps, {
      viewer: viewer('leader@demo.test'),
      id,
      resolution: 'report_corrected',
      note: 'Replies are not meetings',
      correctedValue: item?.measured ?? 0,
    });
    expect(resolved).toMatchObject({
      discrepancy: null,
      reported: item?.measured,
      resolution: { kind: 'report_corrected', originalValue: item?.reported, note: 'Replies are not meetings' },
    });
    const after = await listSelfReports(deps, {
      viewer: viewer('leader@demo.test'),
      repId: taylor.userId,
      status: 'discrepancy',
    });
    expect(after.items.map((i) => i.id)).not.toContain(id);
  });
});

describe('reporting cadences', () => {
  it('suggests shortening the late reporter’s cadence, and the leader shortens it from tomorrow with a reason', async () => {
    const casey = viewer(emailOf('late_reporter'));
    const henrik = viewer('henrik.vogel@demo.test');
    const before = await getReportingCadences(deps, { viewer: henrik, repId: casey.userId });
    expect(before.reps[0]).toMatchObject({
      cadence: 'weekly',
      source: 'default',
      advice: { action: 'shorten', to: 'twice_weekly' },
    });

    await expect(
      setReportingCadence(deps, {
        viewer: henrik,
        change: { level: 'rep', subjectId: casey.userId, cadence: 'daily', reason: '', reviewOn: null },
      }),
    ).rejects.toMatchObject({ issues: [{ field: 'reason' }, { field: 'reviewOn' }] });
    await expect(
      setReportingCadence(deps, {
        viewer: casey,
        change: { level: 'rep', subjectId: casey.userId, cadence: 'monthly', reason: 'x', reviewOn: null },
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      setReportingCadence(deps, {
        viewer: viewer('sofia.rossi@demo.test'),
        change: { level: 'rep', subjectId: casey.userId, cadence: 'daily', reason: 'x', reviewOn: '2027-01-15' },
      }),
    ).rejects.toMatchObject({ code: 'not_found' });

    // Casey files this week's report first (Friday 27 November), then the cadence changes.
    const open = (await listSelfReports(deps, { viewer: casey, status: 'open' })).items[0];
    if (!open) throw new Error('Casey has no open report');
    const filed = await submitSelfReport(deps, {
      viewer: casey,
      report: {
        expectationId: open.expectationId,
        windowStart: open.window.start,
        value: 1,
        comment: 'Sorry, late again',
      },
    });
    const after = await setReportingCadence(deps, {
      viewer: henrik,
      change: {
        level: 'rep',
        subjectId: casey.userId,
        cadence: 'daily',
        reason: 'Reports keep arriving late; daily until January',
        reviewOn: '2027-01-15',
      },
    });
    expect(after.reps[0]).toMatchObject({
      cadence: 'weekly',
      upcoming: {
        cadence: 'daily',
        effectiveFrom: '2026-11-28',
        reason: 'Reports keep arriving late; daily until January',
      },
    });

    // The running week is cut at Friday and falls due Monday as before; the filed report stays on it, once.
    const nextWeek = await listSelfReports(at('2026-12-02T20:00:00Z'), {
      viewer: casey,
      from: '2026-11-23',
      to: '2026-12-02',
    });
    const windows = [...new Set(nextWeek.items.map((i) => `${i.window.start}..${i.window.end} ${i.window.cadence}`))];
    expect(windows.sort()).toEqual([
      '2026-11-23..2026-11-27 weekly',
      '2026-11-30..2026-11-30 daily',
      '2026-12-01..2026-12-01 daily',
      '2026-12-02..2026-12-02 daily',
    ]);
    const kept = nextWeek.items.filter((i) => i.id === filed.id);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ status: 'submitted', reported: 1 });

    // A second change the same day replaces the first (it never took effect); history keeps the rest.
    const relaxed = await setReportingCadence(deps, {
      viewer: henrik,
      change: {
        level: 'rep',
        subjectId: casey.userId,
        cadence: 'twice_weekly',
        reason: 'Twice a week is enough',
        reviewOn: '2027-01-15',
      },
    });
    expect(relaxed.reps[0]?.history.map((h) => h.cadence)).toEqual(['twice_weekly']);
    const cadence = await getReportingCadences(at('2026-12-01T12:00:00Z'), { viewer: henrik, repId: casey.userId });
    expect(cadence.reps[0]).toMatchObject({
      cadence: 'twice_weekly',
      source: 'rep',
      usual: 'weekly',
      reviewOn: '2027-01-15',
    });
  });

  it('lets only an admin change the org default, and a leader their own team', async () => {
    const team = byName('Henrik Vogel');
    await expect(
      setReportingCadence(deps, {
        viewer: team,
        change: { level: 'org', cadence: 'monthly', reason: '', reviewOn: null },
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const admin = [...people.values()].find((p) => p.role === 'admin') as Viewer;
    const result = await setReportingCadence(deps, {
      viewer: admin,
      change: { level: 'org', cadence: 'weekly', reason: 'The playbook default', reviewOn: null },
    });
    expect(result.orgDefault).toBe('weekly');
    expect(result.teams.some((c) => c.level === 'org' && c.effectiveFrom === '2026-11-28')).toBe(true);
  });
});
