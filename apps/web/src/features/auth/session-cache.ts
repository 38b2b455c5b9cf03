import type { MeResponse } from '@rightly/core';
import type { QueryClient } from '@tanstack/react-query';
import { ME_QUERY_KEY } from './use-me';

/**
 * Switches the cached session to `user` (null = signed out) and drops every other cached answer,
 * which belonged to the previous session: the next user must never see the last one's roster.
 * The `me` entry is updated in place rather than removed so components watching it re-render.
 */
export function replaceSession(queryClient: QueryClient, user: MeResponse | null): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
  queryClient.setQueryData(ME_QUERY_KEY, user);
}
