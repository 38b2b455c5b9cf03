import { CADENCE_LABELS, cadenceRank, shorterCadence, type ReportingCadence } from './cadence';

export interface CadenceRules {
  /** Suggest a shorter cadence after this many periods in a row with a right off track. */
  shortenAfter: number;
  /** Suggest returning to the usual cadence after this many periods in a row with every right on track. */
  relaxAfter: number;
}

export const DEFAULT_CADENCE_RULES: CadenceRules = { shortenAfter: 2, relaxAfter: 3 };

export interface CadenceAdviceInput {
  current: ReportingCadence;
  /** What the rep's team or org would give without a rep override. */
  usual: ReportingCadence;
  /** Periods in a row, ending with the latest closed one, with at least one right off track. */
  offTrackStreak: number;
  /** Periods in a row, ending with the latest closed one, with no right off track or at risk. */
  onTrackStreak: number;
  rules: CadenceRules;
}

export interface CadenceAdvice {
  action: 'shorten' | 'relax';
  to: ReportingCadence;
  reason: string;
}

/**
 * A suggestion the leader confirms, never an automatic change: tighten the rhythm for a rep who
 * keeps missing, and return it once they have recovered for long enough.
 */
export function adviseCadence(input: CadenceAdviceInput): CadenceAdvice | null {
  const { current, usual, rules } = input;
  if (input.offTrackStreak >= rules.shortenAfter) {
    const to = shorterCadence(current);
    if (!to) return null;
    return {
      action: 'shorten',
      to,
      reason: `${input.offTrackStreak} periods in a row off track: report ${CADENCE_LABELS[to]} instead of ${CADENCE_LABELS[current]} until it turns`,
    };
  }
  if (cadenceRank(current) < cadenceRank(usual) && input.onTrackStreak >= rules.relaxAfter) {
    return {
      action: 'relax',
      to: usual,
      reason: `${input.onTrackStreak} periods in a row on track: back to reporting ${CADENCE_LABELS[usual]}`,
    };
  }
  return null;
}
