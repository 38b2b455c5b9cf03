import { Alert, Badge, Button, Group, Modal, Paper, Select, Skeleton, Table, Text, Title } from '@mantine/core';
import type { ManagedUser, UserRole } from '@rightly/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { describeError } from '../../lib/api/api-error';
import { formatDateTime } from './people-format';
import { useSignedInUser } from '../auth/signed-in-user';
import { useTeams } from '../teams/teams-api';
import { AdminOnly } from './AdminOnly';
import { InviteModal } from './InviteModal';
import { InvitationsCard } from './InvitationsCard';
import { useSetUserActive, useUpdateUser, useUsers } from './people-api';
import { ROLE_OPTIONS } from './role-options';
import { teamPickerProps } from './team-picker';

/** Settings → Users: everyone in the org with role, team and status; invite, change, deactivate. */
export function UsersSettingsPage() {
  return (
    <>
      <PageHeader
        title="Users"
        description={
          <>
            Everyone in your organization, deactivated people included. Teams are arranged under{' '}
            <Link to="/settings/teams">Settings → Teams</Link>.
          </>
        }
      />
      <AdminOnly>
        <UsersAdmin />
      </AdminOnly>
    </>
  );
}

function UsersAdmin() {
  const users = useUsers();
  const teams = useTeams();
  const [inviting, setInviting] = useState(false);
  const [confirming, setConfirming] = useState<ManagedUser | null>(null);
  const update = useUpdateUser();
  const activation = useSetUserActive();
  const { user: me } = useSignedInUser();
  const failure = update.error ?? activation.error;
  const teamPicker = teamPickerProps(teams.data?.teams ?? []);

  return (
    <>
      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="people-users">
        <Group justify="space-between" mb="md" wrap="wrap">
          <Title order={2} fz="lg" id="people-users">
            People
          </Title>
          <Button onClick={() => setInviting(true)}>Invite user</Button>
        </Group>
        {failure ? (
          <Alert color="red" variant="light" title="Not changed" role="alert" mb="md">
            {describeError(failure)}
          </Alert>
        ) : null}
        {users.isPending ? (
          <Skeleton h={200} />
        ) : users.isError ? (
          <QueryErrorAlert
            title="The users could not be loaded"
            error={users.error}
            onRetry={() => void users.refetch()}
            retrying={users.isFetching}
          />
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table aria-label="Users" verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>E-mail</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Team</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th aria-label="Actions" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.data.users.map((user) => (
                  <Table.Tr key={user.id} data-user={user.email}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {user.name}
                        {user.id === me.id ? (
                          <Text span c="dimmed" size="xs">
                            {' '}
                            (you)
                          </Text>
                        ) : null}
                      </Text>
                      {user.leads.length > 0 ? (
                        <Text size="xs" c="dimmed">
                          Leads {user.leads.map((t) => t.name).join(', ')}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{user.email}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={`Role of ${user.name}`}
                        data={ROLE_OPTIONS}
                        value={user.role}
                        allowDeselect={false}
                        size="xs"
                        w={110}
                        onChange={(role) => {
                          if (role && role !== user.role)
                            update.mutate({ id: user.id, body: { role: role as UserRole } });
                        }}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={`Team of ${user.name}`}
                        {...teamPicker}
                        value={user.team?.id ?? null}
                        placeholder="No team"
                        clearable
                        size="xs"
                        w={180}
                        onChange={(teamId) => {
                          if (teamId !== (user.team?.id ?? null)) update.mutate({ id: user.id, body: { teamId } });
                        }}
                      />
                    </Table.Td>
                    <Table.Td>
                      {user.active ? (
                        <Badge color="teal" variant="light">
                          Active
                        </Badge>
                      ) : (
                        <Badge color="gray" variant="light" title={`Since ${formatDateTime(user.deactivatedAt)}`}>
                          Deactivated
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant={user.active ? 'subtle' : 'light'}
                        color={user.active ? 'red' : 'teal'}
                        onClick={() => setConfirming(user)}
                        aria-label={`${user.active ? 'Deactivate' : 'Reactivate'} ${user.name}`}
                      >
                        {user.active ? 'Deactivate' : 'Reactivate'}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <InvitationsCard />
      <InviteModal opened={inviting} onClose={() => setInviting(false)} />
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={confirming ? `${confirming.active ? 'Deactivate' : 'Reactivate'} ${confirming.name}?` : ''}
      >
        {confirming ? (
          <>
            <Text size="sm">
              {confirming.active
                ? `${confirming.name} will be signed out everywhere and can no longer sign in. Their activities, assessments and coaching records stay.`
                : `${confirming.name} can sign in again with their password.`}
            </Text>
            <Group justify="flex-end" mt="lg">
              <Button variant="default" onClick={() => setConfirming(null)}>
                Cancel
              </Button>
              <Button
                color={confirming.active ? 'red' : 'teal'}
                loading={activation.isPending}
                onClick={() =>
                  activation.mutate(
                    { id: confirming.id, active: !confirming.active },
                    { onSettled: () => setConfirming(null) },
                  )
                }
              >
                {confirming.active ? 'Deactivate' : 'Reactivate'}
              </Button>
            </Group>
          </>
        ) : null}
      </Modal>
    </>
  );
}
