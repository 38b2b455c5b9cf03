import { formatValue, longDate, monthName } from '../assessment/format';
import { addDays, type IsoDate } from '../time/calendar';
import type { ForecastMonth, RepRates } from './forecast-rep';
import type { HistoryModel } from './model';

export interface GapAdvice {
  month: string;
  gap: number;
  /** First meetings that would close the gap at the rep's conversion; null when it is too late. */
  firstMeetingsNeeded: number | null;
  /** The last day those first meetings can be held to close in that month. */
  bookBy: IsoDate;
  sentence: string;
}

/** A month counts as a hole when it is forecast below this share of its reference. */
export const HOLE_THRESHOLD = 0.9;

/**
 * The earliest month forecast clearly below its reference, and what would fill it:
 * "To close $120,000 in April 2026 at your conversion, book 9 more first meetings by 31 January 2026."
 */
export function gapAdvice(params: {
  months: readonly ForecastMonth[];
  rates: RepRates;
  model: HistoryModel;
  currency: string;
}): GapAdvice | null {
  const { rates, model } = params;
  const hole = params.months.find((m) => m.reference > 0 && m.total < m.reference * HOLE_THRESHOLD);
  if (!hole) return null;
  const gap = hole.reference - hole.total;
  const leadDays = model.medianLagDays + model.medianCycleDays;
  const bookBy = addDays(`${hole.month}-01`, -leadDays);
  const perMeeting = rates.firstMeetingToOpportunity * rates.winRate * rates.averageWonAmount;
  const money = (v: number) => formatValue(v, 'currency', params.currency);
  if (bookBy < model.asOf || perMeeting <= 0) {
    return {
      month: hole.month,
      gap,
      firstMeetingsNeeded: null,
      bookBy,
      sentence:
        `${monthName(hole.month)} is forecast at ${money(hole.total)} against ${money(hole.reference)}; new first meetings ` +
        `take about ${leadDays} days to close, so only pipeline already open can still fill it.`,
    };
  }
  const needed = Math.ceil(gap / perMeeting);
  return {
    month: hole.month,
    gap,
    firstMeetingsNeeded: needed,
    bookBy,
    sentence:
      `To close ${money(hole.reference)} in ${monthName(hole.month)} at your conversion, book ${needed} more first ` +
      `meeting${needed === 1 ? '' : 's'} by ${longDate(bookBy)}.`,
  };
}
