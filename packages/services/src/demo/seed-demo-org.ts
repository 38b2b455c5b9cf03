import { AppError } from '@rightly/core';
import {
  accounts,
  countOrganizationRecords,
  deleteOrganization,
  insertActivities,
  insertExpectation,
  insertInChunks,
  listOrganizations,
  offerings,
  opportunities,
  opportunityStageChanges,
  organizations,
  refreshActivityFacts,
  refreshRepDayRollups,
  teamMemberships,
  takeTransactionLock,
  teams,
  users,
  scopeTransactionToOrg,
  withOrgScope,
  type Database,
} from '@rightly/db';
import { hashPassword } from '../auth/password';
import type { ServiceDeps } from '../deps';
import { DEMO_ORG, DEMO_PASSWORD } from './demo-cast';
import { generateDemoOrg } from './generate-demo-org';
import { seedDemoSelfReports } from './demo-self-reports';

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
 * Several instances starting on one empty database seed it once: the check is repeated under a
 * lock inside the transaction.
 */
export async function seedDemoOrg(deps: ServiceDeps, input: SeedDemoOrgInput = {}): Promise<SeedDemoOrgResult> {
  const before = await findDemo(deps.db);
  if (before && !input.reset) return withOrgScope({ orgId: before.id }, () => alreadyPresent(deps.db, before.id));

  // Every demo user shares one known password, so one hash serves them all.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const data = generateDemoOrg({ asOf: deps.now(), seed: input.seed ?? DEMO_SEED, passwordHash });

  // Everything written belongs to the new org: the transaction runs in its scope (row-level security).
  return withOrgScope({ orgId: data.organization.id }, () =>
    deps.db.transaction(async (tx) => {
      await takeTransactionLock(tx, 'demoSeed');
      const demo = await findDemo(tx);
      if (demo && !input.reset) {
        await scopeTransactionToOrg(tx, { orgId: demo.id });
        return alreadyPresent(tx, demo.id);
      }
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
      const createdBy = data.users.find((u) => u.email === 'leader@demo.test')?.id ?? data.users[0]?.id ?? '';
      for (const e of data.expectations) {
        await insertExpectation(tx, {
          orgId: data.organization.id,
          id: e.id,
          input: e.input,
          template: e.template,
          createdBy,
          now: data.organization.createdAt ?? deps.now(),
        });
      }
      await seedDemoSelfReports({ ...deps, db: tx }, { orgId: data.organization.id, seed: input.seed ?? DEMO_SEED });
      return {
        status: 'created' as const,
        orgId: data.organization.id,
        counts: {
          users: data.users.length,
          accounts: data.accounts.length,
          opportunities: data.opportunities.length,
          activities: data.activities.length,
        },
      };
    }),
  );
}

/** The demo organization, if any; throws when a real organization shares the database. */
async function findDemo(db: Database): Promise<{ id: string } | null> {
  const existing = await listOrganizations(db);
  const real = existing.find((o) => !o.isDemo);
  if (real) {
    throw new AppError({
      code: 'demo_refused',
      message:
        `This database holds the organization "${real.name}", which is not the demo. ` +
        'The demo is only written to a database of its own: point DATABASE_URL or RIGHTLY_DATA_DIR elsewhere.',
    });
  }
  return existing.find((o) => o.slug === DEMO_ORG.slug) ?? null;
}

async function alreadyPresent(db: Database, orgId: string): Promise<SeedDemoOrgResult> {
  return { status: 'already_present', orgId, counts: await countOrganizationRecords(db, { orgId }) };
}
