import {
  repAssessmentSchema,
  teamAssessmentSchema,
  type RepAssessmentResponse,
  type TeamAssessmentResponse,
} from '@rightly/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/api-client';
import { queryString } from '../../lib/api/query-string';

export type TeamAssessment = TeamAssessmentResponse;
export type RepAssessment = RepAssessmentResponse;
export type ExpectationAssessment = TeamAssessment['reps'][number]['assessments'][number];
export type TeamAssessmentRep = TeamAssessment['reps'][number];
export type NeedsHelpEntry = TeamAssessment['needsHelp'][number];

export function fetchTeamAssessment(
  params: { team?: string | null; period?: string | null },
  signal?: AbortSignal,
): Promise<TeamAssessment> {
  return api.request(
    `/api/v1/assessments${queryString({ team: params.team, period: params.period })}`,
    teamAssessmentSchema,
    signal ? { signal } : {},
  );
}

/** The team matrix and who needs help for one period; the last answer stays up while the next loads. */
export function useTeamAssessment(params: { team: string | null; period: string | null }) {
  return useQuery({
    queryKey: ['team-assessment', params.team ?? '', params.period ?? ''],
    queryFn: ({ signal }) => fetchTeamAssessment(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function fetchRepAssessment(
  repId: string,
  params: { period?: string | null; periods?: number },
  signal?: AbortSignal,
): Promise<RepAssessment> {
  return api.request(
    `/api/v1/reps/${encodeURIComponent(repId)}/assessment${queryString({ period: params.period, periods: params.periods })}`,
    repAssessmentSchema,
    signal ? { signal } : {},
  );
}

/** One rep's evidence for a period, with the trend of the periods before it. */
export function useRepAssessment(repId: string, params: { period: string | null; periods: number }) {
  return useQuery({
    queryKey: ['rep-assessment', repId, params.period ?? '', params.periods],
    queryFn: ({ signal }) => fetchRepAssessment(repId, params, signal),
    placeholderData: keepPreviousData,
  });
}
