import {
  auditResponseSchema,
  coachingPlanSchema,
  coachingPlansResponseSchema,
  commitmentSchema,
  ladderResponseSchema,
  ladderStepResponseSchema,
  teamHealthSchema,
  type AddSessionBody,
  type AuditEntry,
  type ClosePlanBody,
  type CoachingPlan,
  type CoachingPlanStatus,
  type CoachingPlanSummary,
  type CoachingSession,
  type Commitment,
  type CreateCoachingPlanBody,
  type LadderResponse,
  type LadderStepBody,
  type PlanEffect,
  type PlanEffectMetric,
  type TeamHealth,
} from '@rightly/core';
import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/api-client';
import { queryString } from '../../lib/api/query-string';

export type {
  AuditEntry,
  CoachingPlan,
  CoachingPlanSummary,
  CoachingSession,
  Commitment,
  LadderResponse,
  PlanEffect,
  PlanEffectMetric,
  TeamHealth,
};

export const COACHING_PLANS_QUERY_KEY = ['coaching-plans'] as const;
export const COACHING_PLAN_QUERY_KEY = ['coaching-plan'] as const;
export const LADDER_QUERY_KEY = ['ladder'] as const;
export const AUDIT_QUERY_KEY = ['audit'] as const;
export const COACHING_HEALTH_QUERY_KEY = ['coaching-health'] as const;

export interface CoachingPlansParams {
  rep?: string | null;
  team?: string | null;
  status?: CoachingPlanStatus | null;
}

export function fetchCoachingPlans(params: CoachingPlansParams, signal?: AbortSignal) {
  return api.request(
    `/api/v1/coaching-plans${queryString({ rep: params.rep, team: params.team, status: params.status })}`,
    coachingPlansResponseSchema,
    signal ? { signal } : {},
  );
}

/** Plan summaries the user may see: one rep's, one team's, or every plan in scope. */
export function useCoachingPlans(params: CoachingPlansParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...COACHING_PLANS_QUERY_KEY, params.rep ?? '', params.team ?? '', params.status ?? ''],
    queryFn: ({ signal }) => fetchCoachingPlans(params, signal),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function fetchCoachingPlan(planId: string, signal?: AbortSignal): Promise<CoachingPlan> {
  return api.request(
    `/api/v1/coaching-plans/${encodeURIComponent(planId)}`,
    coachingPlanSchema,
    signal ? { signal } : {},
  );
}

/** One plan with its sessions, commitments and measured effect. */
export function useCoachingPlan(planId: string | null) {
  return useQuery({
    queryKey: [...COACHING_PLAN_QUERY_KEY, planId ?? ''],
    queryFn: ({ signal }) => fetchCoachingPlan(planId ?? '', signal),
    enabled: planId !== null,
  });
}

export function createCoachingPlan(body: CreateCoachingPlanBody): Promise<CoachingPlan> {
  return api.request('/api/v1/coaching-plans', coachingPlanSchema, { method: 'POST', body });
}

export function addSession(planId: string, body: AddSessionBody): Promise<CoachingPlan> {
  return api.request(`/api/v1/coaching-plans/${encodeURIComponent(planId)}/sessions`, coachingPlanSchema, {
    method: 'POST',
    body,
  });
}

export function setCommitmentDone(commitmentId: string, done: boolean): Promise<Commitment> {
  return api.request(`/api/v1/commitments/${encodeURIComponent(commitmentId)}`, commitmentSchema, {
    method: 'PATCH',
    body: { done },
  });
}

export function closeCoachingPlan(planId: string, body: ClosePlanBody): Promise<CoachingPlan> {
  return api.request(`/api/v1/coaching-plans/${encodeURIComponent(planId)}/close`, coachingPlanSchema, {
    method: 'POST',
    body,
  });
}

export function fetchLadder(repId: string, signal?: AbortSignal): Promise<LadderResponse> {
  return api.request(
    `/api/v1/reps/${encodeURIComponent(repId)}/ladder`,
    ladderResponseSchema,
    signal ? { signal } : {},
  );
}

/** Where the rep stands on the consequence ladder and what the next step needs. */
export function useLadder(repId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...LADDER_QUERY_KEY, repId],
    queryFn: ({ signal }) => fetchLadder(repId, signal),
    enabled: options.enabled ?? true,
  });
}

export function takeLadderStep(repId: string, body: LadderStepBody) {
  return api.request(`/api/v1/reps/${encodeURIComponent(repId)}/ladder-steps`, ladderStepResponseSchema, {
    method: 'POST',
    body,
  });
}

export function fetchAudit(repId: string, signal?: AbortSignal) {
  return api.request(`/api/v1/audit${queryString({ rep: repId })}`, auditResponseSchema, signal ? { signal } : {});
}

/** The append-only audit entries about one rep (who, when, why). */
export function useRepAudit(repId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...AUDIT_QUERY_KEY, repId],
    queryFn: ({ signal }) => fetchAudit(repId, signal),
    enabled: options.enabled ?? true,
  });
}

export function fetchTeamHealth(team: string | null, signal?: AbortSignal): Promise<TeamHealth> {
  return api.request(`/api/v1/coaching/health${queryString({ team })}`, teamHealthSchema, signal ? { signal } : {});
}

/** The accountability health panel and the 13-period trend for a team (or everything in scope). */
export function useTeamHealth(team: string | null) {
  return useQuery({
    queryKey: [...COACHING_HEALTH_QUERY_KEY, team ?? ''],
    queryFn: ({ signal }) => fetchTeamHealth(team, signal),
    placeholderData: keepPreviousData,
  });
}

/** A plain link: the browser downloads the PDF with the session cookie. */
export function planPdfUrl(planId: string): string {
  return `/api/v1/coaching-plans/${encodeURIComponent(planId)}/export.pdf`;
}

export function matrixCsvUrl(params: { team?: string | null; period?: string | null }): string {
  return `/api/v1/assessments/export.csv${queryString({ team: params.team, period: params.period })}`;
}

/** A plan change moves the lists, the overview, the ladder's requirements and the audit log. */
export function invalidateAfterCoachingChange(queryClient: QueryClient, repId: string): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: COACHING_PLANS_QUERY_KEY }),
    queryClient.invalidateQueries({ queryKey: COACHING_PLAN_QUERY_KEY }),
    queryClient.invalidateQueries({ queryKey: [...LADDER_QUERY_KEY, repId] }),
    queryClient.invalidateQueries({ queryKey: [...AUDIT_QUERY_KEY, repId] }),
    queryClient.invalidateQueries({ queryKey: COACHING_HEALTH_QUERY_KEY }),
  ]).then(() => undefined);
}
