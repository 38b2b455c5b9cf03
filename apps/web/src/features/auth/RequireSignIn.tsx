import { Box, Center } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { FullPageLoader } from '../../components/FullPageLoader';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { SIGN_IN_PATH, signInPathFor } from './return-path';
import { wasSignedOutByChoice } from './session-cache';
import { SignedInUserProvider } from './signed-in-user';
import { useMe } from './use-me';

/**
 * Pages behind sign-in. A visitor without a session (or whose session just ended, see
 * query-client.ts) goes to /sign-in with the page they asked for as the way back.
 */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const location = useLocation();
  const me = useMe();
  const queryClient = useQueryClient();

  if (me.isPending) return <FullPageLoader label="Loading your session" />;
  if (me.isError) {
    return (
      <Center h="100dvh" p="md">
        <Box maw={480} w="100%">
          <QueryErrorAlert
            title="Rightly could not check your session"
            error={me.error}
            onRetry={() => void me.refetch()}
            retrying={me.isFetching}
          />
        </Box>
      </Center>
    );
  }
  if (me.data === null) {
    const to = wasSignedOutByChoice(queryClient)
      ? SIGN_IN_PATH
      : signInPathFor(`${location.pathname}${location.search}${location.hash}`);
    return <Navigate to={to} replace />;
  }
  return <SignedInUserProvider user={me.data}>{children}</SignedInUserProvider>;
}
