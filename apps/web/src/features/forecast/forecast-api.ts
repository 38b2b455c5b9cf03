import { forecastResponseSchema, type ForecastResponse } from '@rightly/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/api-client';
import { queryString } from '../../lib/api/query-string';

export type Forecast = ForecastResponse;
export type ForecastMonth = Forecast['months'][number];

export const FORECAST_MONTHS = 6;

export function fetchForecast(
  scope: { rep: string } | { team: string },
  months: number,
  signal?: AbortSignal,
): Promise<Forecast> {
  return api.request(
    `/api/v1/forecast${queryString({ ...scope, months })}`,
    forecastResponseSchema,
    signal ? { signal } : {},
  );
}

/** Bookings the rep's pipeline and prospecting will close in the coming months, and the gap. */
export function useRepForecast(repId: string, months = FORECAST_MONTHS) {
  return useQuery({
    queryKey: ['forecast', 'rep', repId, months],
    queryFn: ({ signal }) => fetchForecast({ rep: repId }, months, signal),
  });
}
