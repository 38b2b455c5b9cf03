import { randomUUID } from 'node:crypto';
import {
  accounts,
  insertActivities,
  opportunities,
  organizations,
  teamMemberships,
  teams,
  users,
  type Database,
} from '@rightly/db';
import type { ActivityChannel, ActivityOutcome, ActivityType, UserRole } from '@rightly/core';

/** A small org built by hand, for tests whose expected numbers must be obvious from the setup. */
export interface TinyOrg {
  orgId: string;
  leaderId: string;
  repId: string;
  accountId: string;
}

export async function createTinyOrg(
  db: Database,
  options: { name?: string; timeZone?: string; passwordHash?: string | null; orgId?: string } = {},
): Promise<TinyOrg> {
  const orgId = options.orgId ?? randomUUID();
  const slug = `${options.name ?? 'tiny'}-${orgId.slice(0, 8)}`.toLowerCase().replace(/[^a-z0-9-]/g, '-');
  await db
    .insert(organizations)
    .values({ id: orgId, name: options.name ?? 'Tiny Co', slug, timeZone: options.timeZone ?? 'UTC' });
  const person = async (role: UserRole, name: string): Promise<string> => {
    const id = randomUUID();
    await db.insert(users).values({
      orgId,
      id,
      email: `${name.toLowerCase()}.${id.slice(0, 6)}@${slug}.test`,
      name,
      role,
      passwordHash: options.passwordHash ?? null,
    });
    return id;
  };
  const leaderId = await person('leader', 'Lead');
  const repId = await person('rep', 'Rep');
  const teamId = randomUUID();
  await db.insert(teams).values({ orgId, id: teamId, name: 'Team', leaderId });
  await db
    .insert(teamMemberships)
    .values({ orgId, id: randomUUID(), teamId, userId: repId, validFrom: new Date('2020-01-01') });
  const accountId = randomUUID();
  await db.insert(accounts).values({ orgId, id: accountId, name: 'Acme', source: 'test', externalId: accountId });
  return { orgId, leaderId, repId, accountId };
}

export async function addActivity(
  db: Database,
  org: TinyOrg,
  row: {
    type: ActivityType;
    channel?: ActivityChannel | null;
    outcome?: ActivityOutcome | null;
    occurredAt: string;
    accountId?: string | null;
  },
): Promise<string> {
  const id = randomUUID();
  await insertActivities(db, [
    {
      orgId: org.orgId,
      id,
      repId: org.repId,
      accountId: row.accountId === undefined ? org.accountId : row.accountId,
      type: row.type,
      channel: row.channel ?? null,
      outcome: row.outcome ?? null,
      occurredAt: new Date(row.occurredAt),
      source: 'test',
      externalId: id,
    },
  ]);
  return id;
}

export async function addOpportunity(db: Database, org: TinyOrg, createdAt: string): Promise<string> {
  const id = randomUUID();
  await db.insert(opportunities).values({
    orgId: org.orgId,
    id,
    repId: org.repId,
    accountId: org.accountId,
    name: 'Deal',
    amount: '1000.00',
    currency: 'USD',
    stage: 'Discovery',
    createdAt: new Date(createdAt),
    source: 'test',
    externalId: id,
  });
  return id;
}
