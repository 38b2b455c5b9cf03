import { randomUUID } from 'node:crypto';
import { AppError, wouldCreateCycle, type Team, type Viewer } from '@rightly/core';
import {
  appendAudit,
  insertTeam,
  loadOrgStructure,
  teamNameTaken,
  updateTeamFields,
  type OrgStructure,
} from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { listTeams } from '../teams/list-teams';
import { requireAdmin } from './require-admin';

export interface CreateTeamInput {
  viewer: Viewer;
  name: string;
  parentId: string | null;
  leaderId: string | null;
}

export interface UpdateTeamInput {
  viewer: Viewer;
  teamId: string;
  name?: string | undefined;
  parentId?: string | null | undefined;
  leaderId?: string | null | undefined;
}

/** An admin creates a team, optionally under a parent team and with a leader. */
export async function createTeam(deps: ServiceDeps, input: CreateTeamInput): Promise<Team> {
  requireAdmin(input.viewer);
  const { orgId } = input.viewer;
  const structure = await loadOrgStructure(deps.db, { orgId });
  checkParent(structure, input.parentId);
  checkLeader(structure, input.leaderId);
  await checkName(deps, { orgId, name: input.name });
  const id = randomUUID();
  const now = deps.now();
  await insertTeam(deps.db, {
    orgId,
    id,
    name: input.name,
    parentId: input.parentId,
    leaderId: input.leaderId,
    at: now,
  });
  await appendAudit(deps.db, {
    orgId,
    at: now,
    actorId: input.viewer.userId,
    action: 'team_created',
    subjectId: null,
    details: {
      summary: `Team ${input.name} created`,
      teamId: id,
      after: { name: input.name, parentId: input.parentId, leaderId: input.leaderId },
    },
  });
  return teamById(deps, input.viewer, id);
}

/** An admin renames a team, moves it under another parent (never below itself) or sets its leader. */
export async function updateTeam(deps: ServiceDeps, input: UpdateTeamInput): Promise<Team> {
  requireAdmin(input.viewer);
  const { orgId } = input.viewer;
  const structure = await loadOrgStructure(deps.db, { orgId });
  const team = structure.teams.find((t) => t.id === input.teamId);
  if (!team)
    throw new AppError({ code: 'not_found', message: `There is no team ${input.teamId} in your organization.` });
  if (input.parentId !== undefined) {
    checkParent(structure, input.parentId);
    if (wouldCreateCycle({ teamId: team.id, newParentId: input.parentId, teams: structure.teams })) {
      const parentName = structure.teams.find((t) => t.id === input.parentId)?.name ?? '';
      throw new AppError({
        code: 'conflict',
        message: `${team.name} cannot move under ${parentName}: ${parentName === team.name ? 'a team cannot be its own parent' : `${parentName} is inside ${team.name}`}. Move ${parentName} out first.`,
        issues: [{ field: 'parentId', message: 'would put the team below itself' }],
      });
    }
  }
  if (input.leaderId !== undefined) checkLeader(structure, input.leaderId);
  if (input.name !== undefined) await checkName(deps, { orgId, name: input.name, exceptTeamId: team.id });

  const before = { name: team.name, parentId: team.parentId, leaderId: team.leaderId };
  const after = {
    name: input.name ?? team.name,
    parentId: input.parentId === undefined ? team.parentId : input.parentId,
    leaderId: input.leaderId === undefined ? team.leaderId : input.leaderId,
  };
  if (before.name !== after.name || before.parentId !== after.parentId || before.leaderId !== after.leaderId) {
    const now = deps.now();
    await updateTeamFields(deps.db, { orgId, teamId: team.id, ...after });
    await appendAudit(deps.db, {
      orgId,
      at: now,
      actorId: input.viewer.userId,
      action: 'team_changed',
      subjectId: null,
      details: { summary: `Team ${after.name} changed`, teamId: team.id, before, after },
    });
  }
  return teamById(deps, input.viewer, team.id);
}

function checkParent(structure: OrgStructure, parentId: string | null): void {
  if (parentId !== null && !structure.teams.some((t) => t.id === parentId)) {
    throw new AppError({
      code: 'not_found',
      message: `parentId: there is no team ${parentId} in your organization.`,
      issues: [{ field: 'parentId', message: 'is not a team of your organization' }],
    });
  }
}

/** A team's leader is an active leader (or admin) of the same org. */
function checkLeader(structure: OrgStructure, leaderId: string | null): void {
  if (leaderId === null) return;
  const leader = structure.users.find((u) => u.id === leaderId);
  if (!leader) {
    throw new AppError({
      code: 'not_found',
      message: `leaderId: there is no user ${leaderId} in your organization.`,
      issues: [{ field: 'leaderId', message: 'is not a user of your organization' }],
    });
  }
  if (!leader.active || leader.role === 'rep') {
    throw new AppError({
      code: 'conflict',
      message: `${leader.name} cannot lead a team: ${!leader.active ? 'they are deactivated' : 'they are a rep; make them a leader first'}.`,
      issues: [{ field: 'leaderId', message: 'must be an active leader or admin' }],
    });
  }
}

async function checkName(deps: ServiceDeps, params: { orgId: string; name: string; exceptTeamId?: string }) {
  if (await teamNameTaken(deps.db, params)) {
    throw new AppError({
      code: 'conflict',
      message: `A team named ${params.name} exists already; team names are unique in an organization.`,
      issues: [{ field: 'name', message: 'is taken by another team' }],
    });
  }
}

async function teamById(deps: ServiceDeps, viewer: Viewer, teamId: string): Promise<Team> {
  const teams = await listTeams(deps, { viewer });
  const team = teams.find((t) => t.id === teamId);
  if (!team) throw new Error(`team ${teamId} vanished after saving`);
  return team;
}
