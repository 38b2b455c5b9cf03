import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { replaceSession } from '../features/auth/session-cache';
import { isApiError, isUnauthenticated } from '../lib/api/api-error';

/**
 * Server state for the whole app. A 401 `unauthenticated` from any call means the session ended
 * (expired, signed out in another tab): marking the user signed out lets the sign-in guard send
 * them to /sign-in with the page they were on as the way back.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: endSessionOnUnauthenticated }),
    mutationCache: new MutationCache({ onError: endSessionOnUnauthenticated }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A client error (4xx) will not fix itself; retrying only delays the message.
        retry: (failureCount, error) =>
          !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
    },
  });

  function endSessionOnUnauthenticated(error: unknown): void {
    if (isUnauthenticated(error)) replaceSession(client, null);
  }

  return client;
}
