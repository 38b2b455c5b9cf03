import {
  createInvitationResponseSchema,
  invitationPreviewSchema,
  invitationsResponseSchema,
  managedUserSchema,
  meSchema,
  teamSchema,
  usersResponseSchema,
  type CreateInvitationBody,
  type CreateTeamBody,
  type UpdateTeamBody,
  type UpdateUserBody,
} from '@rightly/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/api-client';

const USERS_KEY = ['people', 'users'] as const;
const INVITATIONS_KEY = ['people', 'invitations'] as const;

export function useUsers() {
  return useQuery({
    queryKey: USERS_KEY,
    queryFn: ({ signal }) => api.request('/api/v1/users', usersResponseSchema, { signal }),
  });
}

export function useInvitations() {
  return useQuery({
    queryKey: INVITATIONS_KEY,
    queryFn: ({ signal }) => api.request('/api/v1/invitations', invitationsResponseSchema, { signal }),
  });
}

/** After any people change: users, invitations, teams and everything scoped by them may differ. */
function useRefreshPeople() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['people'] });
    void queryClient.invalidateQueries({ queryKey: ['teams'] });
    void queryClient.invalidateQueries({ queryKey: ['roster'] });
  };
}

export function useInvite() {
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: (body: CreateInvitationBody) =>
      api.request('/api/v1/invitations', createInvitationResponseSchema, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useRevokeInvitation() {
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: (id: string) => api.requestNoContent(`/api/v1/invitations/${id}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}

export function useUpdateUser() {
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserBody }) =>
      api.request(`/api/v1/users/${id}`, managedUserSchema, { method: 'PATCH', body }),
    onSuccess: refresh,
  });
}

export function useSetUserActive() {
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      api.request(`/api/v1/users/${id}/${active ? 'reactivate' : 'deactivate'}`, managedUserSchema, {
        method: 'POST',
      }),
    onSuccess: refresh,
  });
}

export function useSaveTeam() {
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: CreateTeamBody | UpdateTeamBody }) =>
      id
        ? api.request(`/api/v1/teams/${id}`, teamSchema, { method: 'PATCH', body })
        : api.request('/api/v1/teams', teamSchema, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function previewInvitation(token: string, signal?: AbortSignal) {
  return api.request('/api/v1/invitations/preview', invitationPreviewSchema, {
    method: 'POST',
    body: { token },
    ...(signal ? { signal } : {}),
  });
}

export function acceptInvitation(body: { token: string; name: string; password: string }) {
  return api.request('/api/v1/invitations/accept', meSchema, { method: 'POST', body });
}
