import { Alert, Badge, Button, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { describeError } from '../../lib/api/api-error';
import { SIGN_IN_PATH } from '../auth/return-path';
import { endSessionByChoice } from '../auth/session-cache';
import { ChangePasswordForm } from './ChangePasswordForm';
import { endSession, fetchMySessions, MY_SESSIONS_QUERY_KEY, signOutEverywhere } from './security-api';
import { describeUserAgent, formatDateTime } from './session-labels';

/**
 * Settings → Security: where I am signed in (each browser or device a session), ending one I do
 * not recognise, signing out everywhere, and changing my password.
 */
export function SecuritySection() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const sessions = useQuery({ queryKey: MY_SESSIONS_QUERY_KEY, queryFn: ({ signal }) => fetchMySessions(signal) });
  const end = useMutation({
    mutationFn: endSession,
    onSettled: () => queryClient.invalidateQueries({ queryKey: MY_SESSIONS_QUERY_KEY }),
  });
  const everywhere = useMutation({
    mutationFn: signOutEverywhere,
    onSuccess: () => {
      void navigate(SIGN_IN_PATH, { replace: true });
      endSessionByChoice(queryClient);
    },
  });

  return (
    <Paper withBorder radius="md" p="lg" mt="lg" component="section" aria-labelledby="settings-security">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <div>
            <Title order={2} fz="lg" id="settings-security">
              Security
            </Title>
            <Text size="sm" c="dimmed">
              Where you are signed in. A session ends after 30 minutes without use, and 12 hours after sign-in at the
              latest.
            </Text>
          </div>
          <Button color="red" variant="light" onClick={() => everywhere.mutate()} loading={everywhere.isPending}>
            Sign out everywhere
          </Button>
        </Group>
        {everywhere.isError ? (
          <Alert color="red" variant="light" title="Not signed out" role="alert">
            {describeError(everywhere.error)}
          </Alert>
        ) : null}
        {end.isError ? (
          <Alert color="red" variant="light" title="Session not ended" role="alert">
            {describeError(end.error)}
          </Alert>
        ) : null}
        {sessions.isPending ? (
          <Skeleton height={80} />
        ) : sessions.isError ? (
          <QueryErrorAlert
            title="Your sessions could not be loaded"
            error={sessions.error}
            onRetry={() => void sessions.refetch()}
            retrying={sessions.isFetching}
          />
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table aria-label="Your sessions" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Device</Table.Th>
                  <Table.Th>Address</Table.Th>
                  <Table.Th>Signed in</Table.Th>
                  <Table.Th>Last active</Table.Th>
                  <Table.Th aria-label="Actions" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sessions.data.sessions.map((session) => (
                  <Table.Tr key={session.id} data-testid="session-row">
                    <Table.Td title={session.userAgent ?? undefined}>
                      <Group gap="xs" wrap="nowrap">
                        <Text size="sm">{describeUserAgent(session.userAgent)}</Text>
                        {session.current ? (
                          <Badge size="sm" variant="light" color="teal">
                            This browser
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{session.ipAddress ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(session.createdAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(session.lastSeenAt)}</Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      {session.current ? null : (
                        <Button
                          size="xs"
                          variant="outline"
                          color="red"
                          onClick={() => end.mutate(session.id)}
                          loading={end.isPending && end.variables === session.id}
                          aria-label={`End session on ${describeUserAgent(session.userAgent)}`}
                        >
                          End
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <ChangePasswordForm />
      </Stack>
    </Paper>
  );
}
