import {
  adviseCadence,
  type CadenceSetting,
  type ReportingCadence,
  type ReportingCadencesResponse,
  type Viewer,
} from '@rightly/core';
import type { StoredCadence } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { resolveReps } from '../assessment/resolve-scope';
import { weeklyStreaks } from './cadence-streaks';
import { FALLBACK_CADENCE, loadReportingContext, teamChain, type ReportingContext } from './reporting-context';

export interface GetReportingCadencesInput {
  viewer: Viewer;
  repId?: string;
  team?: string;
}

type Entry = ReportingCadencesResponse['teams'][number];

function entryMaker(names: ReadonlyMap<string, string>): (c: StoredCadence) => Entry {
  return (c) => ({
    ...c,
    setByName: c.setBy ? (names.get(c.setBy) ?? null) : null,
    createdAt: c.createdAt.toISOString(),
  });
}

function inForce<T extends CadenceSetting>(settings: readonly T[], day: string): T | undefined {
  return settings.find((s) => s.effectiveFrom <= day && (s.effectiveTo === null || day < s.effectiveTo));
}

/**
 * Each visible rep's cadence today and where it comes from (rep override, team, org default),
 * what it would be without the override, any change set for a later day, the history, and —
 * for leaders — a suggestion to shorten or relax it from the rep's recent weeks.
 */
export async function getReportingCadences(
  deps: ServiceDeps,
  input: GetReportingCadencesInput,
): Promise<ReportingCadencesResponse> {
  const ctx = await loadReportingContext(deps, input.viewer);
  return describeCadences(deps, ctx, {
    viewer: input.viewer,
    repIds: resolveReps(ctx, { team: input.team ?? null, repId: input.repId ?? null }),
  });
}

export async function describeCadences(
  deps: ServiceDeps,
  ctx: ReportingContext,
  params: { viewer: Viewer; repIds: readonly string[] },
): Promise<ReportingCadencesResponse> {
  const today = ctx.today;
  const org = ctx.cadences.filter((c) => c.level === 'org');
  const orgDefault = inForce(org, today)?.cadence ?? FALLBACK_CADENCE;
  const rules = { shortenAfter: ctx.settings.shortenAfterPeriods, relaxAfter: ctx.settings.relaxAfterPeriods };
  // Advice is for the leader's eyes; a rep sees their cadence, not the rule that may tighten it.
  const streaks = params.viewer.role === 'rep' ? new Map() : await weeklyStreaks(deps, { ctx, repIds: params.repIds });
  const names = new Map(ctx.structure.users.map((u) => [u.id, u.name]));
  const toEntry = entryMaker(names);
  const reps = params.repIds.map((repId) => {
    const own = ctx.cadences.filter((c) => c.level === 'rep' && c.subjectId === repId);
    const teamLevels = teamChain(ctx, repId).map((t) =>
      ctx.cadences.filter((c) => c.level === 'team' && c.subjectId === t),
    );
    const above = (day: string): { cadence: ReportingCadence; source: 'team' | 'org' | 'default' } => {
      for (const level of teamLevels) {
        const found = inForce(level, day);
        if (found) return { cadence: found.cadence, source: 'team' };
      }
      const fromOrg = inForce(org, day);
      return fromOrg ? { cadence: fromOrg.cadence, source: 'org' } : { cadence: FALLBACK_CADENCE, source: 'default' };
    };
    const override = inForce(own, today);
    const usual = above(today);
    const current = override ? { cadence: override.cadence, source: 'rep' as const } : usual;
    const upcoming =
      [...own, ...teamLevels.flat(), ...org]
        .filter((c) => c.effectiveFrom > today)
        .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0] ?? null;
    const streak = streaks.get(repId);
    const advice = streak
      ? adviseCadence({
          current: current.cadence,
          usual: usual.cadence,
          offTrackStreak: streak.offTrack,
          onTrackStreak: streak.onTrack,
          rules,
        })
      : null;
    // Once the leader has set the suggested change for a later day, it is no longer a suggestion.
    const settled = advice !== null && upcoming?.level === 'rep' && upcoming.cadence === advice.to;
    return {
      repId,
      repName: names.get(repId) ?? 'Unknown rep',
      cadence: current.cadence,
      source: current.source,
      usual: usual.cadence,
      upcoming: upcoming ? toEntry(upcoming) : null,
      reviewOn: override?.reviewOn ?? null,
      advice: settled ? null : advice,
      history: own.map(toEntry).reverse(),
    };
  });
  const visibleTeams = new Set(params.repIds.flatMap((r) => teamChain(ctx, r)));
  return {
    orgDefault,
    rules,
    reps,
    teams: ctx.cadences
      .filter((c) => c.level === 'org' || (c.level === 'team' && visibleTeams.has(c.subjectId ?? '')))
      .map(toEntry)
      .reverse(),
  };
}
