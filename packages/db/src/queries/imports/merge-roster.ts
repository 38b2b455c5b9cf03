import type { UserRole } from '@rightly/core';
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Database } from '../../database';
import { offerings, teamMemberships, teams, users } from '../../schema/index';
import type { MergeCounts } from './merge-activities';

/**
 * Rosters and offering lists are small (hundreds of rows for a large sales org), so they are
 * merged row by row in the import's transaction, with the rules spelled out in code.
 */
export interface RosterEntry {
  line: number;
  email: string;
  name: string;
  role: UserRole;
  team: string | null;
  parentTeam: string | null;
  leadsTeam: string | null;
  active: boolean;
}

export interface RosterProblem {
  line: number;
  column: 'email' | 'team' | 'parentTeam';
  value: string;
  reason: string;
  fix: string;
}

type RosterCounts = Omit<MergeCounts, 'createdAccounts' | 'unmatchedOpportunities'> & { createdTeams: number };

/**
 * Users by e-mail (created, or their name, role and active flag updated), the teams they name
 * (created when missing, with their parent), the team each leads, and their current team (a move
 * closes the old membership and opens a new one, so history is kept).
 */
export async function mergeRoster(
  tx: Database,
  params: { orgId: string; entries: readonly RosterEntry[]; now: Date; newId: () => string },
): Promise<{ counts: RosterCounts; problems: RosterProblem[] }> {
  const { orgId, now } = params;
  const latest = new Map(params.entries.map((e) => [e.email, e]));
  const entries = [...latest.values()].sort((a, b) => a.line - b.line);
  const problems: RosterProblem[] = [];

  const emails = entries.map((e) => e.email);
  const taken = new Set(
    emails.length === 0
      ? []
      : (
          await tx
            .select({ email: users.email })
            .from(users)
            .where(and(inArray(users.email, emails), ne(users.orgId, orgId)))
        ).map((u) => u.email),
  );
  const existingUsers = new Map((await tx.select().from(users).where(eq(users.orgId, orgId))).map((u) => [u.email, u]));
  const teamRows = await tx.select().from(teams).where(eq(teams.orgId, orgId));
  const teamByName = new Map(teamRows.map((t) => [t.name.toLowerCase(), t]));
  let createdTeams = 0;

  const ensureTeam = async (name: string): Promise<(typeof teamRows)[number]> => {
    const found = teamByName.get(name.toLowerCase());
    if (found) return found;
    const team = { orgId, id: params.newId(), name, parentId: null, leaderId: null, createdAt: now };
    await tx.insert(teams).values(team);
    teamByName.set(name.toLowerCase(), team);
    createdTeams++;
    return team;
  };
  const isAncestor = (candidate: string, of: string): boolean => {
    const byId = new Map([...teamByName.values()].map((t) => [t.id, t]));
    for (let cursor = byId.get(of); cursor; cursor = cursor.parentId ? byId.get(cursor.parentId) : undefined) {
      if (cursor.id === candidate) return true;
    }
    return false;
  };

  let inserted = 0;
  let updated = 0;
  let records = 0;
  for (const entry of entries) {
    if (taken.has(entry.email)) {
      problems.push({
        line: entry.line,
        column: 'email',
        value: entry.email,
        reason: `${entry.email} already signs in to another organization.`,
        fix: 'An e-mail belongs to one organization; use the address this person has in yours.',
      });
      continue;
    }
    records++;
    let changed = false;
    let isNew = false;
    let user = existingUsers.get(entry.email);
    if (!user) {
      const row = {
        orgId,
        id: params.newId(),
        email: entry.email,
        name: entry.name,
        role: entry.role,
        passwordHash: null,
        active: entry.active,
        createdAt: now,
        deactivatedAt: entry.active ? null : now,
      };
      await tx.insert(users).values(row);
      user = row;
      existingUsers.set(entry.email, row);
      isNew = true;
      inserted++;
    } else if (user.name !== entry.name || user.role !== entry.role || user.active !== entry.active) {
      await tx
        .update(users)
        .set({
          name: entry.name,
          role: entry.role,
          active: entry.active,
          deactivatedAt: entry.active ? null : (user.deactivatedAt ?? now),
        })
        .where(and(eq(users.orgId, orgId), eq(users.id, user.id)));
      changed = true;
    }

    if (entry.team) {
      const team = await ensureTeam(entry.team);
      if (entry.parentTeam && entry.parentTeam.toLowerCase() !== entry.team.toLowerCase()) {
        const parent = await ensureTeam(entry.parentTeam);
        if (team.parentId !== parent.id) {
          if (isAncestor(team.id, parent.id)) {
            problems.push({
              line: entry.line,
              column: 'parentTeam',
              value: entry.parentTeam,
              reason: `${entry.parentTeam} is already below ${entry.team}; it cannot also be above it.`,
              fix: 'Correct the team or its parent so teams form a tree.',
            });
          } else {
            await tx
              .update(teams)
              .set({ parentId: parent.id })
              .where(and(eq(teams.orgId, orgId), eq(teams.id, team.id)));
            team.parentId = parent.id;
            changed = true;
          }
        }
      }
      const [open] = await tx
        .select()
        .from(teamMemberships)
        .where(
          and(eq(teamMemberships.orgId, orgId), eq(teamMemberships.userId, user.id), isNull(teamMemberships.validTo)),
        );
      if (open?.teamId !== team.id) {
        if (open) {
          await tx
            .update(teamMemberships)
            .set({ validTo: now })
            .where(and(eq(teamMemberships.orgId, orgId), eq(teamMemberships.id, open.id)));
        }
        await tx
          .insert(teamMemberships)
          .values({ orgId, id: params.newId(), teamId: team.id, userId: user.id, validFrom: now });
        changed = true;
      }
    }
    if (entry.leadsTeam) {
      const led = await ensureTeam(entry.leadsTeam);
      if (led.leaderId !== user.id) {
        await tx
          .update(teams)
          .set({ leaderId: user.id })
          .where(and(eq(teams.orgId, orgId), eq(teams.id, led.id)));
        led.leaderId = user.id;
        changed = true;
      }
    }
    if (changed && !isNew) updated++;
  }
  return {
    counts: { records, inserted, updated, unchanged: records - inserted - updated, createdTeams },
    problems,
  };
}

export interface OfferingEntry {
  line: number;
  name: string;
  strategicWeight: number | null;
  active: boolean | null;
}

/** Offerings by name (ignoring case): created, or their weight and active flag updated. */
export async function mergeOfferings(
  tx: Database,
  params: { orgId: string; entries: readonly OfferingEntry[]; now: Date; newId: () => string },
): Promise<{ counts: Omit<MergeCounts, 'createdAccounts' | 'unmatchedOpportunities'> }> {
  const latest = new Map(params.entries.map((e) => [e.name.toLowerCase(), e]));
  const existing = new Map(
    (await tx.select().from(offerings).where(eq(offerings.orgId, params.orgId))).map((o) => [o.name.toLowerCase(), o]),
  );
  let inserted = 0;
  let updated = 0;
  for (const [key, entry] of latest) {
    const found = existing.get(key);
    if (!found) {
      await tx.insert(offerings).values({
        orgId: params.orgId,
        id: params.newId(),
        name: entry.name,
        strategicWeight: entry.strategicWeight ?? 0,
        active: entry.active ?? true,
        createdAt: params.now,
      });
      inserted++;
      continue;
    }
    const weight = entry.strategicWeight ?? found.strategicWeight;
    const active = entry.active ?? found.active;
    if (weight !== found.strategicWeight || active !== found.active) {
      await tx
        .update(offerings)
        .set({ strategicWeight: weight, active })
        .where(and(eq(offerings.orgId, params.orgId), eq(offerings.id, found.id)));
      updated++;
    }
  }
  const records = latest.size;
  return { counts: { records, inserted, updated, unchanged: records - inserted - updated } };
}
