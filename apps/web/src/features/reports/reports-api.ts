import {
  reportingCadencesResponseSchema,
  selfReportItemSchema,
  selfReportsResponseSchema,
  type DiscrepancyResolution,
  type PutReportingCadenceBody,
  type ReportingCadencesResponse,
  type SelfReportItem,
  type SelfReportsResponse,
} from '@rightly/core';
import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/api-client';
import { queryString } from '../../lib/api/query-string';

export type { SelfReportItem, SelfReportsResponse, ReportingCadencesResponse };
export type RepCadence = ReportingCadencesResponse['reps'][number];
export type CadenceEntry = RepCadence['history'][number];

/** What `GET /api/v1/self-reports` filters on; every field optional. */
export interface SelfReportsParams {
  rep?: string | null;
  team?: string | null;
  from?: string | null;
  to?: string | null;
  status?: 'open' | 'submitted' | 'late' | 'overdue' | 'discrepancy' | null;
}

export const SELF_REPORTS_QUERY_KEY = ['self-reports'] as const;
export const CADENCES_QUERY_KEY = ['reporting-cadences'] as const;

export function fetchSelfReports(params: SelfReportsParams, signal?: AbortSignal): Promise<SelfReportsResponse> {
  return api.request(
    `/api/v1/self-reports${queryString({ rep: params.rep, team: params.team, from: params.from, to: params.to, status: params.status })}`,
    selfReportsResponseSchema,
    signal ? { signal } : {},
  );
}

/** The reports the user may see for the filters; the previous answer stays up while the next loads. */
export function useSelfReports(params: SelfReportsParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [
      ...SELF_REPORTS_QUERY_KEY,
      params.rep ?? '',
      params.team ?? '',
      params.from ?? '',
      params.to ?? '',
      params.status ?? '',
    ],
    queryFn: ({ signal }) => fetchSelfReports(params, signal),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export interface SubmitSelfReportInput {
  expectationId: string;
  windowStart: string;
  value: number;
  comment: string;
}

export function submitSelfReport(body: SubmitSelfReportInput): Promise<SelfReportItem> {
  return api.request('/api/v1/self-reports', selfReportItemSchema, { method: 'POST', body });
}

export interface ResolveDiscrepancyInput {
  resolution: DiscrepancyResolution;
  note: string;
  correctedValue?: number;
}

export function resolveDiscrepancy(reportId: string, body: ResolveDiscrepancyInput): Promise<SelfReportItem> {
  return api.request(`/api/v1/self-reports/${encodeURIComponent(reportId)}/resolution`, selfReportItemSchema, {
    method: 'POST',
    body,
  });
}

export function fetchReportingCadences(
  params: { rep?: string | null; team?: string | null },
  signal?: AbortSignal,
): Promise<ReportingCadencesResponse> {
  return api.request(
    `/api/v1/reporting-cadences${queryString({ rep: params.rep, team: params.team })}`,
    reportingCadencesResponseSchema,
    signal ? { signal } : {},
  );
}

/** One rep's cadence, where it comes from, Rightly's advice and the history. */
export function useRepCadence(repId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...CADENCES_QUERY_KEY, 'rep', repId],
    queryFn: ({ signal }) => fetchReportingCadences({ rep: repId }, signal),
    enabled: options.enabled ?? true,
  });
}

export function putReportingCadence(body: PutReportingCadenceBody): Promise<ReportingCadencesResponse> {
  return api.request('/api/v1/reporting-cadences', reportingCadencesResponseSchema, { method: 'PUT', body });
}

/** A submitted report or a resolution changes the lists, the summaries and the right-time assessment. */
export function invalidateAfterReportChange(queryClient: QueryClient): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: SELF_REPORTS_QUERY_KEY }),
    queryClient.invalidateQueries({ queryKey: ['team-assessment'] }),
    queryClient.invalidateQueries({ queryKey: ['rep-assessment'] }),
  ]).then(() => undefined);
}

/** A cadence change moves future windows, so the report lists are stale too. */
export function invalidateAfterCadenceChange(queryClient: QueryClient): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: CADENCES_QUERY_KEY }),
    queryClient.invalidateQueries({ queryKey: SELF_REPORTS_QUERY_KEY }),
  ]).then(() => undefined);
}
