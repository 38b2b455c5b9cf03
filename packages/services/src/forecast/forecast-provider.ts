import {
  addDays,
  addMonths,
  buildHistoryModel,
  forecastRep,
  repRates,
  splitByRep,
  type ForecastData,
  type HistoryModel,
  type IsoDate,
} from '@rightly/core';

/**
 * Forecasts for many reps and dates within one request: the history model is built once per
 * as-of date and shared by every rep.
 */
export interface ForecastProvider {
  model(asOf: IsoDate): HistoryModel;
  /**
   * The months a period ending on `asOf` mostly closes in (one sales cycle later, with the month
   * before and after, since single months are lumpy), and their forecast against the reference.
   */
  leadTime(params: { repId: string; asOf: IsoDate; monthlyTarget: number | null }): {
    months: string[];
    forecast: number;
    reference: number;
    referenceKind: 'target' | 'normal';
  };
}

export function createForecastProvider(data: ForecastData): ForecastProvider {
  const byRep = splitByRep(data);
  const none: ForecastData = { opportunities: [], firstMeetings: [] };
  const models = new Map<IsoDate, HistoryModel>();
  // The provider lives as long as the data it was built from, so answers can be kept too.
  const leadTimes = new Map<string, ReturnType<ForecastProvider['leadTime']>>();
  const model = (asOf: IsoDate): HistoryModel => {
    let m = models.get(asOf);
    if (!m) {
      m = buildHistoryModel(data, asOf);
      models.set(asOf, m);
    }
    return m;
  };
  return {
    model,
    leadTime: ({ repId, asOf, monthlyTarget }) => {
      const key = `${repId}|${asOf}|${monthlyTarget ?? ''}`;
      const known = leadTimes.get(key);
      if (known) return known;
      const m = model(asOf);
      const mine = byRep.get(repId) ?? none;
      const rates = repRates(mine, m, repId);
      const cycle = rates.medianCycleDays;
      const centre = addDays(asOf, m.medianLagDays + cycle).slice(0, 7);
      const window = [-1, 0, 1].map((d) => addMonths(`${centre}-01`, d).slice(0, 7));
      let horizon = 1;
      while (addMonths(`${asOf.slice(0, 7)}-01`, horizon).slice(0, 7) < (window.at(-1) as string)) horizon++;
      const result = forecastRep({ data: mine, model: m, repId, months: horizon, monthlyTarget, rates });
      const inWindow = result.months.filter((x) => window.includes(x.month));
      const answer = {
        months: window,
        forecast: inWindow.reduce((sum, x) => sum + x.total, 0),
        reference: inWindow.reduce((sum, x) => sum + x.reference, 0),
        referenceKind: monthlyTarget === null ? ('normal' as const) : ('target' as const),
      };
      leadTimes.set(key, answer);
      return answer;
    },
  };
}
