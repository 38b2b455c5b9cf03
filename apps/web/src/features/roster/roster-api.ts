import { rosterSchema, type RosterResponse } from '@rightly/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/api-client';

/** Weeks of history the roster pages show: a quarter, enough to see a trend without noise. */
export const ROSTER_WEEKS = 12;

export function fetchRoster(weeks: number, signal?: AbortSignal): Promise<RosterResponse> {
  return api.request(`/api/v1/roster?weeks=${weeks}`, rosterSchema, signal ? { signal } : {});
}

/** The reps the signed-in user may see; the Team, Reps and rep pages share this one cached answer. */
export function useRoster() {
  return useQuery({
    queryKey: ['roster', ROSTER_WEEKS],
    queryFn: ({ signal }) => fetchRoster(ROSTER_WEEKS, signal),
  });
}
