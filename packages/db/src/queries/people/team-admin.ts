import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../database';
import { teams } from '../../schema/index';

export async function insertTeam(
  db: Database,
  params: { orgId: string; id: string; name: string; parentId: string | null; leaderId: string | null; at: Date },
): Promise<void> {
  await db.insert(teams).values({
    orgId: params.orgId,
    id: params.id,
    name: params.name,
    parentId: params.parentId,
    leaderId: params.leaderId,
    createdAt: params.at,
  });
}

export async function updateTeamFields(
  db: Database,
  params: {
    orgId: string;
    teamId: string;
    name?: string | undefined;
    parentId?: string | null | undefined;
    leaderId?: string | null | undefined;
  },
): Promise<void> {
  const set: { name?: string; parentId?: string | null; leaderId?: string | null } = {};
  if (params.name !== undefined) set.name = params.name;
  if (params.parentId !== undefined) set.parentId = params.parentId;
  if (params.leaderId !== undefined) set.leaderId = params.leaderId;
  if (Object.keys(set).length === 0) return;
  await db
    .update(teams)
    .set(set)
    .where(and(eq(teams.orgId, params.orgId), eq(teams.id, params.teamId)));
}

/** Whether another team of the org already has this name (names are unique per org, any case). */
export async function teamNameTaken(
  db: Database,
  params: { orgId: string; name: string; exceptTeamId?: string },
): Promise<boolean> {
  const rows = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.orgId, params.orgId), sql`lower(${teams.name}) = lower(${params.name})`));
  return rows.some((r) => r.id !== params.exceptTeamId);
}
