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

const SIGNED_OUT_BY_CHOICE_KEY = ['signed-out-by-choice'] as const;

/**
 * The user pressed "Sign out": the session ends like any other, and the sign-in guard is told it
 * was on purpose, so it does not offer the page they left as the way back (it re-renders with the
 * old location before the navigation to /sign-in lands). The next sign-in clears the mark.
 */
export function endSessionByChoice(queryClient: QueryClient): void {
  replaceSession(queryClient, null);
  queryClient.setQueryData(SIGNED_OUT_BY_CHOICE_KEY, true);
}

export function wasSignedOutByChoice(queryClient: QueryClient): boolean {
  return queryClient.getQueryData(SIGNED_OUT_BY_CHOICE_KEY) === true;
}
