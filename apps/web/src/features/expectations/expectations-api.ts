import {
  expectationSchema,
  expectationsResponseSchema,
  lintResponseSchema,
  targetSuggestionResponseSchema,
  type ExpectationInput,
  type ExpectationPatch,
  type ExpectationResponse,
  type ExpectationScope,
} from '@rightly/core';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/api-client';
import { queryString } from '../../lib/api/query-string';

export type Expectation = ExpectationResponse;
export type ExpectationWarning = Expectation['warnings'][number];

export const EXPECTATIONS_QUERY_KEY = ['expectations'] as const;

export function fetchExpectations(signal?: AbortSignal) {
  return api.request('/api/v1/expectations', expectationsResponseSchema, signal ? { signal } : {});
}

/** Every expectation of the organization the user may see, with the playbook templates. */
export function useExpectations() {
  return useQuery({ queryKey: EXPECTATIONS_QUERY_KEY, queryFn: ({ signal }) => fetchExpectations(signal) });
}

export function createExpectation(body: ExpectationInput): Promise<Expectation> {
  return api.request('/api/v1/expectations', expectationSchema, { method: 'POST', body });
}

export function updateExpectation(id: string, patch: ExpectationPatch): Promise<Expectation> {
  return api.request(`/api/v1/expectations/${encodeURIComponent(id)}`, expectationSchema, {
    method: 'PATCH',
    body: patch,
  });
}

export function endExpectation(id: string, endsOn?: string): Promise<Expectation> {
  return api.request(`/api/v1/expectations/${encodeURIComponent(id)}/end`, expectationSchema, {
    method: 'POST',
    body: endsOn ? { endsOn } : {},
  });
}

export function adoptTemplate(key: string, body: { scope: ExpectationScope; startsOn?: string }): Promise<Expectation> {
  return api.request(`/api/v1/expectations/templates/${encodeURIComponent(key)}/adopt`, expectationSchema, {
    method: 'POST',
    body,
  });
}

export function lintExpectation(expectation: ExpectationInput, id: string | undefined, signal?: AbortSignal) {
  return api.request('/api/v1/expectations/lint', lintResponseSchema, {
    method: 'POST',
    body: id ? { expectation, id } : { expectation },
    ...(signal ? { signal } : {}),
  });
}

export function fetchTargetSuggestion(
  params: { metric: string; period: 'week' | 'month' | 'quarter'; team?: string | null },
  signal?: AbortSignal,
) {
  return api.request(
    `/api/v1/expectations/target-suggestions${queryString(params)}`,
    targetSuggestionResponseSchema,
    signal ? { signal } : {},
  );
}

/** A suggested target from the reps' own history; only for calendar periods. */
export function useTargetSuggestion(params: { metric: string | null; period: string; team: string | null }) {
  const { metric, period, team } = params;
  const calendar = period === 'week' || period === 'month' || period === 'quarter' ? period : null;
  return useQuery({
    queryKey: ['target-suggestion', metric ?? '', calendar ?? '', team ?? ''],
    queryFn: ({ signal }) =>
      fetchTargetSuggestion({ metric: metric as string, period: calendar as 'week', team }, signal),
    enabled: metric !== null && calendar !== null,
    staleTime: 5 * 60_000,
  });
}

/** Assessments and forecasts depend on expectations: after a change, all of them are stale. */
export function invalidateAfterExpectationChange(queryClient: QueryClient): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: EXPECTATIONS_QUERY_KEY }),
    queryClient.invalidateQueries({ queryKey: ['team-assessment'] }),
    queryClient.invalidateQueries({ queryKey: ['rep-assessment'] }),
  ]).then(() => undefined);
}

/** Replaces (or adds) one expectation in the cached list, so the list is right before it reloads. */
export function useStoreExpectation() {
  const queryClient = useQueryClient();
  return (saved: Expectation) => {
    queryClient.setQueryData(
      EXPECTATIONS_QUERY_KEY,
      (old: Awaited<ReturnType<typeof fetchExpectations>> | undefined) =>
        old
          ? {
              ...old,
              expectations: old.expectations.some((e) => e.id === saved.id)
                ? old.expectations.map((e) => (e.id === saved.id ? saved : e))
                : [...old.expectations, saved],
            }
          : old,
    );
    void invalidateAfterExpectationChange(queryClient);
  };
}

export function useEndExpectation() {
  const store = useStoreExpectation();
  return useMutation({
    mutationFn: ({ id, endsOn }: { id: string; endsOn?: string }) => endExpectation(id, endsOn),
    onSuccess: store,
  });
}
