import { useQuery } from '@tanstack/react-query';
import { fetchMe } from './auth-api';

export const ME_QUERY_KEY = ['me'] as const;

/** The session as the server sees it: `data` is undefined while loading, null when signed out. */
export function useMe() {
  return useQuery({
    queryKey: ME_QUERY_KEY,
    queryFn: ({ signal }) => fetchMe(signal),
    // Who is signed in changes only through sign-in/out (which write this cache) or an expired
    // session (which a 401 on any other call reports), so there is no need to poll for it.
    staleTime: Infinity,
  });
}
