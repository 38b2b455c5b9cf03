import { Alert, Badge, Button, Paper, Skeleton, Table, Text, Title } from '@mantine/core';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { describeError } from '../../lib/api/api-error';
import { roleLabel } from '../../lib/format/format';
import { useInvitations, useRevokeInvitation } from './people-api';
import { formatDateTime } from './people-format';

/** Open invitations: pending ones can be revoked; expired ones are revoked or invited again. */
export function InvitationsCard() {
  const invitations = useInvitations();
  const revoke = useRevokeInvitation();
  return (
    <Paper withBorder radius="md" p="lg" mt="lg" component="section" aria-labelledby="people-invitations">
      <Title order={2} fz="lg" id="people-invitations" mb="md">
        Open invitations
      </Title>
      {revoke.error ? (
        <Alert color="red" variant="light" title="Not revoked" role="alert" mb="md">
          {describeError(revoke.error)}
        </Alert>
      ) : null}
      {invitations.isPending ? (
        <Skeleton h={80} />
      ) : invitations.isError ? (
        <QueryErrorAlert
          title="The invitations could not be loaded"
          error={invitations.error}
          onRetry={() => void invitations.refetch()}
          retrying={invitations.isFetching}
        />
      ) : invitations.data.invitations.length === 0 ? (
        <Text size="sm" c="dimmed">
          No open invitations.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label="Open invitations" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>E-mail</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Team</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invitations.data.invitations.map((invitation) => (
                <Table.Tr key={invitation.id}>
                  <Table.Td>{invitation.email}</Table.Td>
                  <Table.Td>{invitation.name}</Table.Td>
                  <Table.Td>{roleLabel(invitation.role)}</Table.Td>
                  <Table.Td>{invitation.team?.name ?? '—'}</Table.Td>
                  <Table.Td>
                    {invitation.status === 'expired' ? (
                      <Badge color="gray" variant="light">
                        Expired
                      </Badge>
                    ) : (
                      formatDateTime(invitation.expiresAt)
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      loading={revoke.isPending && revoke.variables === invitation.id}
                      onClick={() => revoke.mutate(invitation.id)}
                      aria-label={`Revoke the invitation for ${invitation.email}`}
                    >
                      Revoke
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
