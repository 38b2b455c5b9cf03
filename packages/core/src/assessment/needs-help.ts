import { RIGHTS, type Right } from '../metrics/metric-definition';
import type { RepRights } from './team-matrix';
import type { AssessmentStatus } from './status';

export const NEXT_STEPS = [
  'start_coaching_plan',
  'shorten_reporting_interval',
  'coach_way',
  'coach_thing',
  'check_in',
] as const;
export type NextStepAction = (typeof NEXT_STEPS)[number];

export interface NeedsHelpEntry {
  repId: string;
  offTrack: Right[];
  atRisk: Right[];
  /** Periods in a row, up to and including this one, with at least one right off track. */
  periodsOffTrack: number;
  /** The same count per right. */
  periodsOffTrackByRight: Record<Right, number>;
  /** The sentences behind what is off (or at risk), most serious first. */
  evidence: string[];
  nextStep: { action: NextStepAction; text: string };
}

export interface RepHistory {
  repId: string;
  name: string;
  current: RepRights;
  /** Statuses per right in the periods before, oldest first. */
  previous: readonly Record<Right, AssessmentStatus>[];
}

const RIGHT_NAMES: Record<Right, string> = { thing: 'the right thing', way: 'the right way', time: 'the right time' };

/**
 * Who needs help, most first: more rights off track, then longer off track, then more at risk.
 * Each with the evidence and one next step, coaching first: a plan when it is serious or lasting,
 * a shorter reporting interval when timing slips, targeted coaching otherwise.
 */
export function rankNeedsHelp(reps: readonly RepHistory[]): NeedsHelpEntry[] {
  const entries = reps.flatMap((rep): (NeedsHelpEntry & { name: string })[] => {
    const offTrack = RIGHTS.filter((r) => rep.current[r].status === 'off_track');
    const atRisk = RIGHTS.filter((r) => rep.current[r].status === 'at_risk');
    if (offTrack.length === 0 && atRisk.length === 0) return [];
    const byRight = Object.fromEntries(RIGHTS.map((r) => [r, streak(rep, (s) => s[r] === 'off_track')])) as Record<
      Right,
      number
    >;
    const periodsOffTrack = streak(rep, (s) => RIGHTS.some((r) => s[r] === 'off_track'));
    const evidence = [...offTrack, ...atRisk].flatMap((r) => rep.current[r].sentences.slice(0, 2));
    return [
      {
        repId: rep.repId,
        name: rep.name,
        offTrack,
        atRisk,
        periodsOffTrack,
        periodsOffTrackByRight: byRight,
        evidence,
        nextStep: nextStep(rep, offTrack, atRisk, periodsOffTrack),
      },
    ];
  });
  entries.sort(
    (a, b) =>
      b.offTrack.length - a.offTrack.length ||
      b.periodsOffTrack - a.periodsOffTrack ||
      b.atRisk.length - a.atRisk.length ||
      a.name.localeCompare(b.name),
  );
  return entries.map(({ name: _name, ...entry }) => entry);
}

function streak(rep: RepHistory, isOff: (statuses: Record<Right, AssessmentStatus>) => boolean): number {
  const current = Object.fromEntries(RIGHTS.map((r) => [r, rep.current[r].status])) as Record<Right, AssessmentStatus>;
  const all = [...rep.previous, current];
  let count = 0;
  for (let i = all.length - 1; i >= 0 && isOff(all[i] as Record<Right, AssessmentStatus>); i--) count++;
  return count;
}

// Built once: an Intl formatter costs far more to construct than to use, and a large org has
// hundreds of reps on this path.
const LIST = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });

function nextStep(
  rep: RepHistory,
  offTrack: readonly Right[],
  atRisk: readonly Right[],
  periodsOffTrack: number,
): NeedsHelpEntry['nextStep'] {
  const first = (r: Right) => rep.current[r].sentences[0] ?? '';
  // One bad period is a conversation; a pattern is a plan. Coaching always comes first.
  if (periodsOffTrack >= 3 || (offTrack.length >= 2 && periodsOffTrack >= 2)) {
    const rights = LIST.format(offTrack.map((r) => RIGHT_NAMES[r]));
    return {
      action: 'start_coaching_plan',
      text: `Start a coaching plan on ${rights}: off track ${periodsOffTrack} periods in a row.`,
    };
  }
  if (offTrack.includes('time') && periodsOffTrack >= 2) {
    return {
      action: 'shorten_reporting_interval',
      text: `Shorten the reporting interval until the work is back ahead of the sales cycle (${first('time')}).`,
    };
  }
  if (offTrack.includes('way')) return { action: 'coach_way', text: `Coach on the method: ${first('way')}.` };
  if (offTrack.includes('thing'))
    return { action: 'coach_thing', text: `Coach on what to work on: ${first('thing')}.` };
  const right = (offTrack[0] ?? atRisk[0]) as Right;
  return { action: 'check_in', text: `Check in at the next 1:1 on ${RIGHT_NAMES[right]}: ${first(right)}.` };
}
