import { addDays, createSeededRandom, type SelfReportItem } from '@rightly/core';
import { insertSelfReports } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { buildReportItems } from '../reports/report-items';
import { loadOrgReportingContext } from '../reports/reporting-context';
import { DEMO_REPS, DEMO_SELF_REPORT_WEEKS, type DemoArchetype } from './demo-cast';

const HOUR = 3_600_000;

/** How each kind of rep files: on time, late, or not at all (the rest is on time). */
const HABITS: Record<DemoArchetype, { late: number; missing: number }> = {
  steady: { late: 0.01, missing: 0 },
  january_gap: { late: 0.05, missing: 0.02 },
  email_prospector: { late: 0.02, missing: 0 },
  one_offering: { late: 0.02, missing: 0 },
  late_reporter: { late: 0.45, missing: 0.25 },
  recovering: { late: 0.1, missing: 0.05 },
};

const COMMENTS = [
  'Good week on the phones; two meetings moved to next week.',
  'Conference Tuesday ate half the week.',
  'Booked mostly from the webinar list.',
  'Need help getting past gatekeepers at the larger accounts.',
  '',
  '',
];

/**
 * Self-reports for the demo's last twelve weeks, as its people would have filed them: most on
 * time and matching the CRM; the late reporter late or not at all (last week's still missing);
 * the e-mail prospector claiming more first meetings than the CRM shows. The current windows
 * are left open for the reps to fill in.
 */
export async function seedDemoSelfReports(deps: ServiceDeps, params: { orgId: string; seed: number }): Promise<number> {
  const ctx = await loadOrgReportingContext(deps, { orgId: params.orgId });
  const now = deps.now();
  const archetypeOf = new Map(
    DEMO_REPS.map((r) => [ctx.structure.users.find((u) => u.email === r.email)?.id ?? '', r.archetype]),
  );
  const items = await buildReportItems(deps, {
    ctx,
    repIds: ctx.visibleReps.map((r) => r.id),
    range: { start: addDays(ctx.today, -7 * DEMO_SELF_REPORT_WEEKS), end: ctx.today },
  });
  const rng = createSeededRandom(params.seed);
  // The newest due window per rep, for "last week's report is still missing".
  const latestDue = new Map<string, string>();
  for (const item of items) {
    if (new Date(item.dueAt) > now) continue;
    if ((latestDue.get(item.repId) ?? '') < item.window.start) latestDue.set(item.repId, item.window.start);
  }
  const rows = items.flatMap((item) => {
    const due = new Date(item.dueAt);
    if (due > now) return [];
    const archetype = archetypeOf.get(item.repId) ?? 'steady';
    const habit = HABITS[archetype];
    if (archetype === 'late_reporter' && latestDue.get(item.repId) === item.window.start) return [];
    const roll = rng.next();
    if (roll < habit.missing) return [];
    const late = roll < habit.missing + habit.late;
    const submittedAt = late
      ? new Date(due.getTime() + (1 + rng.next() * 40) * HOUR)
      : new Date(due.getTime() - (1 + rng.next() * 60) * HOUR);
    if (submittedAt > now) return [];
    return [
      {
        orgId: params.orgId,
        repId: item.repId,
        expectationId: item.expectationId,
        windowStart: item.window.start,
        windowEnd: item.window.end,
        cadence: item.window.cadence,
        dueAt: due,
        value: reportedValue(item, archetype, rng.next()),
        comment: rng.pick(COMMENTS),
        measured: item.measured,
        submittedBy: item.repId,
        submittedAt,
      },
    ];
  });
  await insertSelfReports(deps.db, rows);
  return rows.length;
}

function reportedValue(item: SelfReportItem, archetype: DemoArchetype, roll: number): number {
  const measured = item.measured ?? 0;
  const rounded = item.metric.unit === 'percent' ? Math.round(measured) : Math.round(measured * 100) / 100;
  // The e-mail prospector counts the replies that "will turn into" meetings.
  if (archetype === 'email_prospector' && item.metric.unit === 'count' && roll < 0.6) return rounded + 2;
  return rounded;
}
