import type { IsoDate } from '../time/calendar';
import { cadenceRank, type CadenceSetting, type ReportingCadence } from '../reports/cadence';
import { cadenceSegments } from '../reports/reporting-windows';

/**
 * Whether the rep has reported on a shortened cadence: a rep-level setting that was in force on
 * some day up to today with a rhythm tighter than what the team and org gave the rep that day.
 */
export function shortenedCadenceTried(params: {
  settings: readonly CadenceSetting[];
  repId: string;
  teamChain: readonly string[];
  fallback: ReportingCadence;
  today: IsoDate;
}): boolean {
  const usualSettings = params.settings.filter((s) => s.level !== 'rep');
  return params.settings.some((s) => {
    if (s.level !== 'rep' || s.subjectId !== params.repId || s.effectiveFrom > params.today) return false;
    const [usual] = cadenceSegments({
      settings: usualSettings,
      repId: params.repId,
      teamChain: params.teamChain,
      range: { start: s.effectiveFrom, end: s.effectiveFrom },
      fallback: params.fallback,
    });
    return usual !== undefined && cadenceRank(s.cadence) < cadenceRank(usual.cadence);
  });
}
