import { addMonths, type IsoDate, type SeededRandom } from '@rightly/core';
import type { DemoArchetype } from './demo-cast';

/**
 * How a demo rep works on a given day. Steady reps vary a little around the team's norms; each
 * archetype bends exactly one right so the assessment has something specific to find.
 */
export interface RepBehaviour {
  /** Expected prospecting touches on a working day. */
  prospectingPerDay(day: IsoDate): number;
  /** Share of prospecting touches made by phone. */
  phoneShare(day: IsoDate): number;
  /** Chance a held first meeting leads to a second one. */
  firstToSecond(day: IsoDate): number;
  /** Relative weights per offering, in DEMO_OFFERINGS order. */
  offeringWeights: readonly number[];
  winRate: number;
}

const STEADY_MIX = [0.34, 0.14, 0.1, 0.24, 0.18] as const;

export function behaviourFor(params: { archetype: DemoArchetype; asOf: IsoDate; rng: SeededRandom }): RepBehaviour {
  const { archetype, asOf, rng } = params;
  const base = Math.max(5, rng.normal(8, 1));
  const phone = Math.min(0.8, Math.max(0.6, rng.normal(0.68, 0.05)));
  const conversion = Math.min(0.7, Math.max(0.45, rng.normal(0.56, 0.05)));
  const steady: RepBehaviour = {
    prospectingPerDay: () => base,
    phoneShare: () => phone,
    firstToSecond: () => conversion,
    offeringWeights: STEADY_MIX,
    winRate: Math.min(0.4, Math.max(0.22, rng.normal(0.3, 0.04))),
  };
  switch (archetype) {
    case 'steady':
    case 'late_reporter':
      // The late reporter's CRM data is healthy: lateness shows in self-reports, not in activity.
      return steady;
    case 'january_gap':
      // Full effort all year except January, when no new accounts are approached at all.
      return { ...steady, prospectingPerDay: (day) => (day.slice(5, 7) === '01' ? 0 : base) };
    case 'email_prospector':
      return { ...steady, phoneShare: () => 0.06 };
    case 'one_offering':
      return { ...steady, offeringWeights: [1, 0, 0, 0, 0] };
    case 'recovering': {
      // A slump from seven to three months ago, then a climb back to full strength by today.
      const slumpStart = addMonths(asOf, -7);
      const slumpEnd = addMonths(asOf, -3);
      const recovery = (day: IsoDate): number => {
        if (day < slumpStart) return 1;
        if (day < slumpEnd) return 0.35;
        const span = Date.parse(asOf) - Date.parse(slumpEnd);
        const progress = span > 0 ? (Date.parse(day) - Date.parse(slumpEnd)) / span : 1;
        return 0.6 + 0.45 * Math.min(1, progress);
      };
      return {
        ...steady,
        prospectingPerDay: (day) => base * recovery(day),
        phoneShare: (day) => (recovery(day) < 0.5 ? 0.3 : phone),
        firstToSecond: (day) => (recovery(day) < 0.5 ? 0.3 : conversion),
      };
    }
  }
}
