import { AppError } from '@rightly/core';
import {
  accounts,
  deleteOrganization,
  activities,
  insertActivities,
  insertInChunks,
  listOrganizations,
  offerings,
  opportunities,
  opportunityStageChanges,
  organizations,
  refreshActivityFacts,
  refreshRepDayRollups,
  teamMemberships,
  teams,
  users,
} from '@rightly/db';
import { eq } from 'drizzle-orm';
import { hashPassword } from '../auth/password';
import type { ServiceDeps } from '../deps';
import { DEMO_ORG, DEMO_PASSWORD } from './demo-cast';
import { generateDemoOrg } from './generate-demo-org';

export interface SeedDemoOrgInput {
  /** Replace an existing demo organization (and only a demo one) with a fresh one. */
  reset?: boolean;
  /** Fixed so every machine gets the same people, accounts and numbers. */
  seed?: number;
}

export interface SeedDemoOrgResult {
  status: 'created' | 'already_present';
  orgId: string;
  counts: { users: number; accounts: number; opportunities: number; activities: number };
}

export const DEMO_SEED = 20_260_101;

/**
 * Writes the demo organization in one transaction: all of it or nothing. Refuses to run on a
 * database that holds a real organization, so a demo command can never mix fake data into it.
 */
export async function seedDemoOrg(deps: ServiceDeps, input: SeedDemoOrgInput = {}): Promise<SeedDemoOrgResult> {
  const existing = await listOrganizations(deps.db);
  const real = existing.find((o) => !o.isDemo);
  if (real) {
    throw new AppError({
      code: 'demo_refused',
      message:
        `This database holds the organization "${real.name}", which is not the demo. ` +
        'The demo is only written to a database of its own: point DATABASE_URL or RIGHTLY_DATA_DIR elsewhere.',
    });
  }
  const demo = existing.find((o) => o.slug === DEMO_ORG.slug);
  if (demo && !input.reset) {
    return { status: 'already_present', orgId: demo.id, counts: await countDemo(deps, demo.id) };
  }

  // Every demo user shares one known password, so one hash serves them all.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const data = generateDemoOrg({ asOf: deps.now(), seed: input.seed ?? DEMO_SEED, passwordHash });

  await deps.db.transaction(async (tx) => {
    if (demo) await deleteOrganization(tx, { orgId: demo.id });
    await tx.insert(organizations).values(data.organization);
    await insertInChunks(tx, users, data.users);
    await insertInChunks(tx, teams, data.teams);
    await insertInChunks(tx, teamMemberships, data.memberships);
    await insertInChunks(tx, offerings, data.offerings);
    await insertInChunks(tx, accounts, data.accounts);
    await insertInChunks(tx, opportunities, data.opportunities);
    await insertInChunks(tx, opportunityStageChanges, data.stageChanges);
    await insertActivities(tx, data.activities);
    await refreshActivityFacts(tx, { orgId: data.organization.id });
    await refreshRepDayRollups(tx, { orgId: data.organization.id, timeZone: DEMO_ORG.timeZone });
  });

  return {
    status: 'created',
    orgId: data.organization.id,
    counts: {
      users: data.users.length,
      accounts: data.accounts.length,
      opportunities: data.opportunities.length,
      activities: data.activities.length,
    },
  };
}

async function countDemo(deps: ServiceDeps, orgId: string): Promise<SeedDemoOrgResult['counts']> {
  const count = (table: typeof users | typeof accounts | typeof opportunities | typeof activities) =>
    deps.db.$count(table, eq(table.orgId, orgId));
  const [u, a, o, act] = await Promise.all([count(users), count(accounts), count(opportunities), count(activities)]);
  return { users: u, accounts: a, opportunities: o, activities: act };
}
