import {
  addDays,
  addMonths,
  createSeededRandom,
  dayOfWeek,
  localDate,
  startOfLocalDay,
  weekStart,
  type IsoDate,
  type ExpectationInput,
  type SeededRandom,
} from '@rightly/core';
import type { offerings, organizations, teamMemberships, teams, users } from '@rightly/db';
import { behaviourFor } from './demo-behaviour';
import { createAccountNamer } from './account-names';
import { DEMO_ADMIN, DEMO_OFFERINGS, DEMO_ORG, DEMO_REPS, DEMO_SELF_REPORT_WEEKS, DEMO_TEAMS } from './demo-cast';
import { demoExpectations } from './demo-expectations';
import { simulateRep, type RepHistory } from './simulate-rep';

export interface DemoExpectation {
  id: string;
  template: string;
  input: ExpectationInput;
}

export interface DemoDataset extends RepHistory {
  expectations: DemoExpectation[];
  organization: typeof organizations.$inferInsert;
  users: (typeof users.$inferInsert)[];
  teams: (typeof teams.$inferInsert)[];
  memberships: (typeof teamMemberships.$inferInsert)[];
  offerings: (typeof offerings.$inferInsert)[];
}

export interface GenerateDemoOrgInput {
  /** The demo's "today": activity runs up to this instant, 18 months back. */
  asOf: Date;
  seed: number;
  /** One argon2id hash of the shared demo password, computed by the caller (hashing is I/O-bound work). */
  passwordHash: string;
}

export const DEMO_HISTORY_MONTHS = 18;
const WARM_UP_MONTHS = 6;

/**
 * Builds the whole demo organization in memory, deterministically: the same seed and as-of date
 * give the same rows, ids included, on every machine.
 */
export function generateDemoOrg(input: GenerateDemoOrgInput): DemoDataset {
  const rng = createSeededRandom(input.seed);
  const orgId = rng.uuid();
  const today = localDate(input.asOf, DEMO_ORG.timeZone);
  const start = addMonths(today, -DEMO_HISTORY_MONTHS);
  const since = startOfLocalDay(start, DEMO_ORG.timeZone);
  const person = (name: string, email: string, role: 'admin' | 'leader' | 'rep') => ({
    orgId,
    id: rng.uuid(),
    email,
    name,
    role,
    passwordHash: input.passwordHash,
    createdAt: since,
  });

  const admin = person(DEMO_ADMIN.name, DEMO_ADMIN.email, 'admin');
  const leaders = DEMO_TEAMS.map((t) => person(t.leader.name, t.leader.email, 'leader'));
  const reps = DEMO_REPS.map((r) => person(r.name, r.email, 'rep'));

  const teamIds = new Map(DEMO_TEAMS.map((t) => [t.name, rng.uuid()]));
  const teamId = (name: string): string => {
    const id = teamIds.get(name);
    if (!id) throw new Error(`Demo cast names an unknown team: ${name}`);
    return id;
  };
  const teamRows = DEMO_TEAMS.map((t, i) => ({
    orgId,
    id: teamId(t.name),
    name: t.name,
    parentId: t.parent === null ? null : teamId(t.parent),
    leaderId: leaders[i]?.id ?? null,
    createdAt: since,
  }));

  const transferAt = startOfLocalDay(addMonths(today, -9), DEMO_ORG.timeZone);
  const memberships = DEMO_REPS.flatMap((r, i) => {
    const userId = (reps[i] as { id: string }).id;
    if (!r.previousTeam) {
      return [{ orgId, id: rng.uuid(), teamId: teamId(r.team), userId, validFrom: since, validTo: null }];
    }
    return [
      { orgId, id: rng.uuid(), teamId: teamId(r.previousTeam), userId, validFrom: since, validTo: transferAt },
      { orgId, id: rng.uuid(), teamId: teamId(r.team), userId, validFrom: transferAt, validTo: null },
    ];
  });

  const offeringRows = DEMO_OFFERINGS.map((o) => ({ ...o, id: rng.uuid() }));
  // The simulation warms up for six months before the history begins, so the first visible month
  // already has pipeline open and deals closing, as a real CRM export would. What happened in the
  // warm-up is dropped, except opportunities still open or closing inside the history.
  const workdays = workingDays(addMonths(start, -WARM_UP_MONTHS), today);
  const nameAccount = createAccountNamer(rng);
  const midnights = new Map<IsoDate, number>();
  const midnight = (day: IsoDate): number => {
    let ms = midnights.get(day);
    if (ms === undefined) {
      ms = startOfLocalDay(day, DEMO_ORG.timeZone).getTime();
      midnights.set(day, ms);
    }
    return ms;
  };
  const history: RepHistory = { accounts: [], activities: [], opportunities: [], stageChanges: [] };
  DEMO_REPS.forEach((r, i) => {
    // Each rep draws from a stream of their own, so editing one rep's profile leaves the others unchanged.
    const repRng: SeededRandom = createSeededRandom(input.seed * 7919 + i + 1);
    const segment = DEMO_TEAMS.find((t) => t.name === r.team)?.segment ?? 'mid_market';
    const one = simulateRep({
      rng: repRng,
      orgId,
      repId: (reps[i] as { id: string }).id,
      behaviour: behaviourFor({ archetype: r.archetype, asOf: today, rng: repRng }),
      segment,
      workdays,
      asOf: input.asOf,
      timeZone: DEMO_ORG.timeZone,
      midnight,
      currency: DEMO_ORG.currency,
      offerings: offeringRows,
      nameAccount,
    });
    history.accounts.push(...one.accounts);
    history.activities.push(...one.activities);
    history.opportunities.push(...one.opportunities);
    history.stageChanges.push(...one.stageChanges);
  });

  const visible = keepVisible(history, since);
  return {
    expectations: demoExpectations(rng, { startsOn: start, selfReportsFrom: selfReportsFrom(today) }),
    organization: { id: orgId, ...DEMO_ORG, isDemo: true, createdAt: since },
    users: [admin, ...leaders, ...reps],
    teams: teamRows,
    memberships,
    offerings: offeringRows.map((o) => ({ orgId, id: o.id, name: o.name, strategicWeight: o.strategicWeight })),
    ...visible,
  };
}

/** Activities from the start of the history on; opportunities open at it or created after, with their accounts. */
function keepVisible(history: RepHistory, since: Date): RepHistory {
  const activities = history.activities.filter((a) => a.occurredAt >= since);
  const opportunities = history.opportunities.filter((o) => !o.closedAt || o.closedAt >= since);
  const keptOpportunities = new Set(opportunities.map((o) => o.id));
  const usedAccounts = new Set([...activities, ...opportunities].map((r) => r.accountId).filter((id) => id));
  return {
    activities,
    opportunities,
    stageChanges: history.stageChanges.filter((c) => keptOpportunities.has(c.opportunityId)),
    accounts: history.accounts.filter((a) => usedAccounts.has(a.id)),
  };
}

function workingDays(from: IsoDate, to: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const weekday = dayOfWeek(day);
    if (weekday !== 0 && weekday !== 6) days.push(day);
  }
  return days;
}

/** The demo asked for self-reports twelve weeks ago (a Monday): its seeded history starts there. */
export function selfReportsFrom(today: IsoDate): IsoDate {
  return addDays(weekStart(today, 1), -7 * DEMO_SELF_REPORT_WEEKS);
}
