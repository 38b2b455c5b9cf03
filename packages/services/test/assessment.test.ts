import { randomUUID } from 'node:crypto';
import type { Viewer } from '@rightly/core';
import { activities, refreshActivityFacts, refreshRepDayRollups, users } from '@rightly/db';
import type { TestDatabase } from '@rightly/db/testing';
import { assessTeam, DEMO_ORG, DEMO_REPS, getForecast, getRepAssessment, type ServiceDeps } from '@rightly/services';
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
const leader = () => viewer('leader@demo.test');
const archetype = (a: string) => DEMO_REPS.find((r) => r.archetype === a)?.name as string;
const row = (result: Awaited<ReturnType<typeof assessTeam>>, name: string) => {
  const found = result.reps.find((r) => r.rep.name === name);
  if (!found) throw new Error(`${name} is not in the matrix`);
  return found;
};

describe('the three-rights assessment of the demo organization', () => {
  it('finds the e-mail-only prospector off track on the right way, with the phone share as evidence', async () => {
    const result = await assessTeam(deps, { viewer: leader(), period: '2026-10' });
    const taylor = row(result, archetype('email_prospector'));
    expect(taylor.rights.way.status).toBe('off_track');
    expect(taylor.rights.way.sentences[0]).toMatch(
      /phone share of prospecting \d+% against a standard of at least 55%/,
    );
  });

  it('finds the one-offering seller off track on the right thing: no strategic pipeline', async () => {
    const result = await assessTeam(deps, { viewer: leader(), period: '2026-Q3' });
    const sam = row(result, archetype('one_offering'));
    expect(sam.rights.thing.status).toBe('off_track');
    expect(sam.rights.thing.sentences[0]).toContain('strategic share of new pipeline 0% against a target of 25%');
    expect(sam.rights.way.status).toBe('on_track');
  });

  it('finds the January non-prospector off track on the right time, with the hole a sales cycle later', async () => {
    const result = await assessTeam(deps, { viewer: leader(), period: '2026-01' });
    const jamie = row(result, archetype('january_gap'));
    expect(jamie.rights.time.status).toBe('off_track');
    expect(jamie.rights.time.sentences.join(' ')).toMatch(
      /(April|May|June)[^;]* 2026 closes forecast at \$[\d,]+ against a normal \$[\d,]+/,
    );

    const forecast = await getForecast(deps, {
      viewer: leader(),
      rep: 'jamie.ortiz@demo.test',
      months: 6,
      asOf: '2026-01-31',
    });
    const spring = forecast.months.filter((m) => ['2026-04', '2026-05', '2026-06'].includes(m.month));
    expect(spring.some((m) => m.total < m.reference * 0.6)).toBe(true);
    expect(forecast.gap?.sentence).toMatch(
      /^To close \$[\d,]+ in \w+ 2026 at your conversion, book \d+ more first meetings? by \d+ \w+ 2026\.$|only pipeline already open/,
    );
  });

  it('keeps the steady reps on track: none is off track on any right in a normal quarter', async () => {
    const result = await assessTeam(deps, { viewer: leader(), period: '2026-Q3' });
    const steady = DEMO_REPS.filter((r) => r.archetype === 'steady');
    for (const rep of steady) {
      const rights = row(result, rep.name).rights;
      expect([rights.thing.status, rights.way.status, rights.time.status], rep.name).not.toContain('off_track');
    }
    const allOn = steady.filter((rep) => {
      const r = row(result, rep.name).rights;
      return r.thing.status === 'on_track' && r.way.status === 'on_track';
    });
    expect(allOn.length).toBeGreaterThanOrEqual(steady.length - 2);
    // The late reporter's CRM work is as healthy; only the reports that came late or not at all
    // put the right time off track.
    const casey = row(result, archetype('late_reporter')).rights;
    expect([casey.thing.status, casey.way.status, casey.time.status]).toEqual(['on_track', 'on_track', 'off_track']);
    expect(casey.time.sentences.join(' ')).toMatch(/self-reports in by their due date \(\d+ late, \d+ missing\)/);
  });

  it('ranks who needs help with evidence and a next step, coaching first', async () => {
    const result = await assessTeam(deps, { viewer: leader(), period: '2026-Q3' });
    const names = result.needsHelp.map((n) => n.rep.name);
    expect(names[0]).toBe(archetype('email_prospector'));
    expect(names).toContain(archetype('one_offering'));
    const taylor = result.needsHelp[0];
    expect(taylor?.offTrack).toEqual(expect.arrayContaining(['thing', 'way']));
    expect(taylor?.periodsOffTrack).toBeGreaterThanOrEqual(3);
    expect(taylor?.nextStep.action).toBe('start_coaching_plan');
    expect(taylor?.evidence.length).toBeGreaterThan(0);
  });

  it('shows each viewer only the reps they may see', async () => {
    const team = await assessTeam(deps, { viewer: viewer('priya.shah@demo.test'), period: '2026-10' });
    expect(team.reps.map((r) => r.team?.name)).toEqual(Array(6).fill('NA Enterprise'));
    const own = await assessTeam(deps, { viewer: viewer('rep@demo.test'), period: '2026-10' });
    expect(own.reps.map((r) => r.rep.name)).toEqual(['Riley Carter']);
    await expect(
      getRepAssessment(deps, {
        viewer: viewer('rep@demo.test'),
        repId: people.get('sam.patel@demo.test')?.userId as string,
        periods: 4,
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(assessTeam(deps, { viewer: leader(), team: 'No Such Team' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('refuses a period it cannot read, naming the field', async () => {
    await expect(assessTeam(deps, { viewer: leader(), period: 'last week' })).rejects.toMatchObject({
      code: 'validation_failed',
      issues: [{ field: 'period' }],
    });
  });

  it('assesses as of an earlier date with only what was known then', async () => {
    const midweek = await assessTeam(deps, { viewer: leader(), period: '2026-W47', asOf: '2026-11-18' });
    const later = await assessTeam(deps, { viewer: leader(), period: '2026-W47' });
    const riley = (r: typeof midweek) => r.reps.find((x) => x.rep.email === 'rep@demo.test')?.assessments[0];
    expect(midweek.period.closed).toBe(false);
    expect(riley(midweek)?.progress).toBeCloseTo(3 / 5);
    expect(riley(midweek)?.actual ?? 0).toBeLessThanOrEqual(riley(later)?.actual ?? 0);
  });

  it('gives a rep’s trend over 13 periods, oldest first, ending with the one asked for', async () => {
    const rep = await getRepAssessment(deps, {
      viewer: leader(),
      repId: people.get('rep@demo.test')?.userId as string,
      period: '2026-10',
      periods: 13,
    });
    expect(rep.trend).toHaveLength(13);
    expect(rep.trend.at(-1)?.period.key).toBe('2026-10');
    expect(rep.trend[0]?.period.key).toBe('2025-10');
    expect(rep.trend.at(-1)?.values.map((v) => v.metric.key)).toContain('prospecting_meetings_booked');
  });
});

describe('history that does not shift', () => {
  it('records a closed period once, and shows late data as a revision beside the record', async () => {
    const riley = people.get('rep@demo.test') as Viewer & { name: string };
    const first = await getRepAssessment(deps, {
      viewer: leader(),
      repId: riley.userId,
      period: '2026-09',
      periods: 2,
    });
    const prospecting = first.assessments.find((a) => a.metric.key === 'prospecting_meetings_booked');
    expect(prospecting?.recorded?.revision).toBe(1);
    expect(prospecting?.revisions).toEqual([]);

    // Three bookings from September turn up in the CRM in November.
    const rows = Array.from({ length: 3 }, (_, i) => ({
      orgId: riley.orgId,
      id: randomUUID(),
      repId: riley.userId,
      type: 'call' as const,
      channel: 'phone' as const,
      outcome: 'meeting_booked' as const,
      occurredAt: new Date(`2026-09-1${i}T15:00:00Z`),
      source: 'late-import',
      externalId: `late-${i}`,
      prospecting: true,
    }));
    await t.db.insert(activities).values(rows);
    await refreshActivityFacts(t.db, { orgId: riley.orgId });
    await refreshRepDayRollups(t.db, { orgId: riley.orgId, timeZone: DEMO_ORG.timeZone });

    const again = await getRepAssessment(deps, {
      viewer: leader(),
      repId: riley.userId,
      period: '2026-09',
      periods: 2,
    });
    const revised = again.assessments.find((a) => a.metric.key === 'prospecting_meetings_booked');
    expect(revised?.actual).toBe(prospecting?.actual);
    expect(revised?.revisions).toHaveLength(1);
    expect(revised?.revisions[0]?.actual).toBe((prospecting?.actual ?? 0) + 3);
    // Asking again records nothing new.
    const third = await getRepAssessment(deps, {
      viewer: leader(),
      repId: riley.userId,
      period: '2026-09',
      periods: 2,
    });
    expect(third.assessments.find((a) => a.metric.key === 'prospecting_meetings_booked')?.revisions).toHaveLength(1);
  });
});
