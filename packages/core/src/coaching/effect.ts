import { addDays, type IsoDate } from '../time/calendar';

export interface WeeklyValue {
  weekStart: IsoDate;
  /** The rep's value that week; null when there is none (a share with nothing to divide). */
  rep: number | null;
  /** The team's per-rep average that week. */
  team: number | null;
}

export interface EffectEstimate {
  before: number | null;
  during: number | null;
  teamBefore: number | null;
  teamDuring: number | null;
  repChange: number | null;
  teamChange: number | null;
  /** repChange − teamChange: how much more the rep moved than the team did over the same weeks. */
  effect: number | null;
  baselineWeeks: number;
  duringWeeks: number;
}

function mean(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0) / known.length;
}

const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

/**
 * Difference in differences. Weeks that end before the plan started are the baseline, the rest
 * (the week the plan started included) are "during/after". The rep's change between the two
 * windows, minus the team's change over the same weeks, is the effect: a season, a campaign or
 * a new price list that moves everyone is taken out, what remains moved with the coaching.
 */
export function estimatePlanEffect(params: { weekly: readonly WeeklyValue[]; planStart: IsoDate }): EffectEstimate {
  const before = params.weekly.filter((w) => addDays(w.weekStart, 6) < params.planStart);
  const during = params.weekly.filter((w) => addDays(w.weekStart, 6) >= params.planStart);
  const rb = mean(before.map((w) => w.rep));
  const rd = mean(during.map((w) => w.rep));
  const tb = mean(before.map((w) => w.team));
  const td = mean(during.map((w) => w.team));
  const repChange = minus(rd, rb);
  const teamChange = minus(td, tb);
  return {
    before: rb,
    during: rd,
    teamBefore: tb,
    teamDuring: td,
    repChange,
    teamChange,
    effect: minus(repChange, teamChange),
    baselineWeeks: before.length,
    duringWeeks: during.length,
  };
}
