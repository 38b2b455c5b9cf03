import type { Viewer } from '@rightly/core';
import { auditLog, deleteOrganization, organizations, users } from '@rightly/db';
import type { TestDatabase } from '@rightly/db/testing';
import {
  addCoachingCommitment,
  addCoachingSession,
  assessTeam,
  closeCoachingPlan,
  createCoachingPlan,
  exportCoachingPlanPdf,
  exportMatrixCsv,
  getCoachingPlan,
  getLadder,
  getTeamHealth,
  listAuditEntries,
  listCoachingPlans,
  listSelfReports,
  setReportingCadence,
  submitSelfReport,
  takeLadderStep,
  updateCoachingCommitment,
  type ServiceDeps,
} from '@rightly/services';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/support/clock';
import { openTestDatabase } from '../../../test/support/database';

let t: TestDatabase;
let deps: ServiceDeps;
let people: Map<string, Viewer & { name: string }>;
/** Six and a half weeks after the plan starts. */
let later: ServiceDeps;
beforeAll(async () => {
  t = await openTestDatabase('demo');
  deps = { db: t.db, now: () => TEST_NOW };
  later = at('2027-01-12T15:00:00Z');
  const rows = await t.db.select().from(users);
  people = new Map(rows.map((u) => [u.name, { orgId: u.orgId, userId: u.id, role: u.role, name: u.name }]));
  const byEmail = new Map(rows.map((u) => [u.email, u.name]));
  for (const [email, name] of byEmail) people.set(email, people.get(name) as Viewer & { name: string });
});
afterAll(() => t.close());

const who = (key: string): Viewer => {
  const v = people.get(key);
  if (!v) throw new Error(`no demo user ${key}`);
  return { orgId: v.orgId, userId: v.userId, role: v.role };
};
const henrik = () => who('henrik.vogel@demo.test');
const sofia = () => who('sofia.rossi@demo.test');
const riley = () => who('rep@demo.test');
const casey = () => who('Casey Nguyen');
/** The database's own message for a refused statement (drizzle wraps it as the cause). */
const refusal = (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'accepted',
    (e: { message: string; cause?: { message?: string } }) => e.cause?.message ?? e.message,
  );
const at = (iso: string): ServiceDeps => ({ ...deps, now: () => new Date(iso) });

describe('coaching: a plan from the needs-help list to an escalation', () => {
  let planId = '';
  let repCommitment = '';
  let leaderCommitment = '';

  it('starts a plan from the "Who needs help" list with the focus and evidence filled in', async () => {
    const matrix = await assessTeam(deps, { viewer: henrik() });
    const entry = matrix.needsHelp.find((e) => e.repId === casey().userId);
    expect(entry?.offTrack.length ? entry.offTrack : entry?.atRisk).toContain('time');

    const plan = await createCoachingPlan(deps, {
      viewer: henrik(),
      plan: { repId: casey().userId, reviewOn: '2027-01-15', fromNeedsHelp: true },
    });
    planId = plan.id;
    expect(plan).toMatchObject({
      repName: 'Casey Nguyen',
      leaderName: 'Henrik Vogel',
      status: 'active',
      startedOn: '2026-11-27',
      outcome: null,
      sessions: [],
    });
    expect(plan.focus).toContain('time');
    expect(plan.evidence).toEqual(entry?.evidence);
    expect(plan.evidence.length).toBeGreaterThan(0);
    // A second active plan for the same rep is a conflict; a rep cannot start one.
    await expect(
      createCoachingPlan(deps, {
        viewer: henrik(),
        plan: { repId: casey().userId, reviewOn: '2027-01-15', focus: ['way'] },
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      createCoachingPlan(deps, {
        viewer: casey(),
        plan: { repId: casey().userId, reviewOn: '2027-01-15', focus: ['way'] },
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('holds a session whose agenda comes from the evidence, open commitments and self-report comments', async () => {
    const [open] = (await listSelfReports(deps, { viewer: casey(), status: 'open' })).items;
    if (!open) throw new Error('Casey has no open report window');
    await submitSelfReport(deps, {
      viewer: casey(),
      report: {
        expectationId: open.expectationId,
        windowStart: open.window.start,
        value: 1,
        comment: 'Trade fair all week',
      },
    });
    const first = await addCoachingSession(deps, {
      viewer: henrik(),
      planId,
      session: {
        heldOn: '2026-11-27',
        notes: 'Talked about blocking Friday mornings for the reports.',
        commitments: [
          { text: 'File every report by Monday 9:00', owner: 'rep', dueOn: '2026-12-07' },
          { text: 'Share the team’s report checklist', owner: 'leader', dueOn: '2026-12-01' },
        ],
      },
    });
    const [session] = first.sessions;
    expect(session?.agenda.some((a) => a.startsWith('Evidence: '))).toBe(true);
    expect(session?.agenda).toContain(
      `Self-report, ${open.expectationName}, from ${open.window.start}: “Trade fair all week”`,
    );
    expect(first.commitments.map((c) => [c.owner, c.ownerName])).toEqual([
      ['leader', 'Henrik Vogel'],
      ['rep', 'Casey Nguyen'],
    ]);
    repCommitment = first.commitments.find((c) => c.owner === 'rep')?.id ?? '';
    leaderCommitment = first.commitments.find((c) => c.owner === 'leader')?.id ?? '';

    // The next session opens with what is still open.
    const second = await addCoachingSession(deps, {
      viewer: henrik(),
      planId,
      session: {
        heldOn: '2026-11-27',
        notes: 'HR context: family matter, keep between leaders.',
        privateToLeaders: true,
      },
    });
    expect(second.sessions[1]?.agenda).toContain(
      'Open commitment (Casey Nguyen, due 2026-12-07): File every report by Monday 9:00',
    );
    await expect(
      addCoachingSession(deps, { viewer: henrik(), planId, session: { heldOn: '2026-12-03' } }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      issues: [{ field: 'heldOn', message: 'must not be after today' }],
    });
  });

  it('lets the rep check off their own commitment, not the leader’s', async () => {
    const done = await updateCoachingCommitment(deps, { viewer: casey(), id: repCommitment, done: true });
    expect(done).toMatchObject({ doneBy: casey().userId, doneAt: TEST_NOW.toISOString() });
    await expect(
      updateCoachingCommitment(deps, { viewer: casey(), id: leaderCommitment, done: true }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const plan = await getCoachingPlan(deps, { viewer: casey(), id: planId });
    expect(plan.openCommitments).toBe(1);
  });

  it('keeps the plan from other reps and other teams’ leaders, and private notes from the rep', async () => {
    for (const viewer of [riley(), sofia()]) {
      await expect(getCoachingPlan(deps, { viewer, id: planId })).rejects.toMatchObject({ code: 'not_found' });
      await expect(updateCoachingCommitment(deps, { viewer, id: repCommitment, done: false })).rejects.toMatchObject({
        code: 'not_found',
      });
      await expect(getLadder(deps, { viewer, repId: casey().userId })).rejects.toMatchObject({ code: 'not_found' });
      expect((await listCoachingPlans(deps, { viewer })).plans.some((p) => p.id === planId)).toBe(false);
    }
    const asCasey = await getCoachingPlan(deps, { viewer: casey(), id: planId });
    expect(asCasey.sessions.map((s) => [s.privateToLeaders, s.notes])).toEqual([
      [false, 'Talked about blocking Friday mornings for the reports.'],
      [true, null],
    ]);
    const asLeader = await getCoachingPlan(deps, { viewer: who('leader@demo.test'), id: planId });
    expect(asLeader.sessions[1]?.notes).toBe('HR context: family matter, keep between leaders.');
    await expect(listAuditEntries(deps, { viewer: casey() })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses an escalation naming everything missing, then accepts it once documented, with audit entries', async () => {
    const refused = await takeLadderStep(deps, {
      viewer: henrik(),
      repId: casey().userId,
      step: { step: 'role_outside_sales', reason: 'Not working.' },
    }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'conflict' });
    const issues = (refused as { issues: { field: string; message: string }[] }).issues;
    expect(issues.map((i) => i.field)).toEqual(['plan_length', 'sessions_held', 'cadence_shortened', 'reason']);
    expect(issues[0]?.message).toContain('the longest has run 0 days');
    expect(issues[1]?.message).toContain('2 held so far');
    await expect(
      takeLadderStep(deps, {
        viewer: henrik(),
        repId: casey().userId,
        step: { step: 'replace', reason: 'x'.repeat(30) },
      }),
    ).rejects.toMatchObject({ issues: expect.arrayContaining([expect.objectContaining({ field: 'step_order' })]) });

    await setReportingCadence(deps, {
      viewer: henrik(),
      change: {
        level: 'rep',
        subjectId: casey().userId,
        cadence: 'daily',
        reason: 'Daily check-ins while we coach the reporting habit',
        reviewOn: '2027-01-08',
      },
    });
    await addCoachingSession(later, {
      viewer: henrik(),
      planId,
      session: { heldOn: '2027-01-11', notes: 'Third session: still late most weeks.' },
    });
    const ladder = await getLadder(later, { viewer: henrik(), repId: casey().userId });
    expect(ladder).toMatchObject({ current: 'coach', next: 'role_outside_sales' });
    expect(ladder.requirements.every((r) => r.met)).toBe(true);

    const reason = 'Six weeks of coaching and daily reporting without change.\r\n2027-01-12 admin: FORGED ENTRY';
    const taken = await takeLadderStep(later, {
      viewer: henrik(),
      repId: casey().userId,
      step: { step: 'role_outside_sales', reason },
    });
    expect(taken.step).toMatchObject({ step: 'role_outside_sales', reason, takenByName: 'Henrik Vogel', planId });
    expect(taken.ladder).toMatchObject({ current: 'role_outside_sales', next: 'replace' });
    // Casey sees her own ladder.
    expect((await getLadder(later, { viewer: casey(), repId: casey().userId })).steps).toHaveLength(1);

    const { entries } = await listAuditEntries(later, { viewer: henrik(), rep: casey().userId });
    expect(entries.map((e) => e.action)).toEqual([
      'ladder_step_taken',
      'session_held',
      // Shortening Casey's cadence is a coaching step of its own, recorded where it was made.
      'reporting_cadence_changed',
      'commitment_checked_off',
      'session_held',
      'commitment_added',
      'commitment_added',
      'session_held',
      'plan_started',
    ]);
    const step = entries[0];
    expect(step).toMatchObject({
      actorName: 'Henrik Vogel',
      subjectName: 'Casey Nguyen',
      at: '2027-01-12T15:00:00.000Z',
    });
    expect(step?.details).toMatchObject({ step: 'role_outside_sales', reason });
    expect(step?.details.summary).toBe(
      'Ladder step “a role outside sales”: Six weeks of coaching and daily reporting without change.',
    );
    // Sofia leads another team: nothing about Casey.
    await expect(listAuditEntries(later, { viewer: sofia(), rep: casey().userId })).rejects.toMatchObject({
      code: 'not_found',
    });
    const sofiaAll = await listAuditEntries(later, { viewer: sofia() });
    expect(sofiaAll.entries.some((e) => e.subjectId === casey().userId)).toBe(false);
  });

  it('counts the escalation in the team health panel and closes the plan with an outcome', async () => {
    const health = await getTeamHealth(later, { viewer: henrik() });
    expect(health.escalationsLast12Months).toBe(1);
    expect(health.activePlans).toBe(1);
    expect(health.escalationRate).toBeCloseTo(1 / health.repsInScope, 3);
    expect(health.trend).toHaveLength(13);
    // "Results: target met" is the share of assessments whose result reached the target, here
    // checked against the team matrix of the latest closed week in the trend.
    const closedWeek = health.trend.at(-2);
    const matrix = await assessTeam(later, { viewer: henrik(), period: closedWeek?.period ?? null });
    const measured = matrix.reps.flatMap((r) => r.assessments).filter((a) => a.actual !== null && a.target > 0);
    const met = measured.filter((a) =>
      a.metric.key === 'average_sales_cycle_days' ? (a.actual ?? 0) <= a.target : (a.actual ?? 0) >= a.target,
    );
    expect(closedWeek?.results).toBeCloseTo(met.length / measured.length, 2);
    expect(closedWeek?.results).toBeLessThan(1);
    expect(health.expectationsCount).toBeGreaterThan(0);
    await expect(getTeamHealth(later, { viewer: casey() })).rejects.toMatchObject({ code: 'forbidden' });

    const closed = await closeCoachingPlan(later, {
      viewer: henrik(),
      planId,
      close: { outcome: 'escalated', note: 'Moved to a customer success role.' },
    });
    expect(closed).toMatchObject({ status: 'closed', outcome: 'escalated' });
    await expect(
      addCoachingCommitment(later, {
        viewer: henrik(),
        planId,
        commitment: { text: 'x', owner: 'rep', dueOn: '2027-02-01' },
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('exports the plan as a PDF and the matrix as CSV, both audited', async () => {
    const file = await exportCoachingPlanPdf(later, { viewer: henrik(), repId: casey().userId });
    expect(file.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(file.fileName).toBe('coaching-plan-casey-nguyen-2026-11-27.pdf');
    await expect(exportCoachingPlanPdf(later, { viewer: casey(), planId })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(exportCoachingPlanPdf(later, { viewer: sofia(), planId })).rejects.toMatchObject({
      code: 'not_found',
    });

    await t.db.update(users).set({ name: '=HYPERLINK("http://evil")' }).where(eq(users.id, casey().userId));
    try {
      const { csv } = await exportMatrixCsv(deps, { viewer: henrik() });
      expect(csv.split('\n')[0]).toBe('rep,email,team,period,thing,way,time,thing evidence,way evidence,time evidence');
      expect(csv).toContain('"\'=HYPERLINK(""http://evil"")"');
      expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    } finally {
      await t.db.update(users).set({ name: 'Casey Nguyen' }).where(eq(users.id, casey().userId));
    }
    const { entries } = await listAuditEntries(later, { viewer: who('leader@demo.test') });
    expect(entries.filter((e) => e.action === 'export_pdf')).toHaveLength(1);
    // Leaders see entries about their reps only; the org-wide CSV export is for admins.
    const admin = [...people.values()].find((p) => p.role === 'admin') as Viewer;
    const all = await listAuditEntries(later, { viewer: admin });
    expect(all.entries.some((e) => e.action === 'export_csv' && e.subjectId === null)).toBe(true);
  });

  it('keeps the audit log append-only in the database itself', async () => {
    await expect(refusal(t.db.execute(sql`update audit_log set action = 'plan_closed'`))).resolves.toMatch(
      /audit_log is append-only: UPDATE is not allowed/,
    );
    await expect(refusal(t.db.execute(sql`delete from audit_log`))).resolves.toMatch(/append-only: DELETE/);
    await expect(refusal(t.db.execute(sql`truncate audit_log`))).resolves.toMatch(/append-only: TRUNCATE/);
    // The setting names another org: this org's rows stay.
    await expect(
      refusal(
        t.db.transaction(async (tx) => {
          await tx.execute(
            sql`select set_config('rightly.deleting_org', ${'00000000-0000-4000-8000-000000000000'}, true)`,
          );
          await tx.execute(sql`delete from audit_log`);
        }),
      ),
    ).resolves.toMatch(/append-only: DELETE/);
    expect((await t.db.select().from(auditLog)).length).toBeGreaterThan(8);
  });

  it('still lets deleteOrganization remove the org with its audit log', async () => {
    const orgId = casey().orgId;
    await deleteOrganization(t.db, { orgId });
    expect(await t.db.select().from(auditLog)).toEqual([]);
    expect(await t.db.select().from(organizations).where(eq(organizations.id, orgId))).toEqual([]);
  });
});
