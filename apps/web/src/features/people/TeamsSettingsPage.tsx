import { Alert, Button, Group, Modal, Paper, Select, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import type { ManagedUser } from '@rightly/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { describeError, isApiError } from '../../lib/api/api-error';
import { teamOptions, useTeams, type TeamItem } from '../teams/teams-api';
import { AdminOnly } from './AdminOnly';
import { useSaveTeam, useUsers } from './people-api';
import { teamPickerProps } from './team-picker';

/** Settings → Teams: the team tree with leaders and members; create, rename, move, set the leader. */
export function TeamsSettingsPage() {
  return (
    <>
      <PageHeader
        title="Teams"
        description={
          <>
            Teams nest: a leader sees their team and every team below it. People join a team under{' '}
            <Link to="/settings/users">Settings → Users</Link>.
          </>
        }
      />
      <AdminOnly>
        <TeamsAdmin />
      </AdminOnly>
    </>
  );
}

/** `null` creates a team; a team edits it. */
type Editing = { team: TeamItem | null } | null;

function TeamsAdmin() {
  const teams = useTeams();
  const users = useUsers();
  const [editing, setEditing] = useState<Editing>(null);
  const list = teams.data?.teams ?? [];
  const byId = new Map(list.map((t) => [t.id, t]));
  const membersOf = (teamId: string) => (users.data?.users ?? []).filter((u) => u.team?.id === teamId && u.active);

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="people-teams">
      <Group justify="space-between" mb="md">
        <Title order={2} fz="lg" id="people-teams">
          Team tree
        </Title>
        <Button onClick={() => setEditing({ team: null })}>New team</Button>
      </Group>
      {teams.isPending ? (
        <Skeleton h={200} />
      ) : teams.isError ? (
        <QueryErrorAlert
          title="The teams could not be loaded"
          error={teams.error}
          onRetry={() => void teams.refetch()}
          retrying={teams.isFetching}
        />
      ) : (
        <Stack
          gap={0}
          component="ul"
          role="tree"
          aria-label="Teams"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {teamOptions(list).map((option) => {
            const team = byId.get(option.value) as TeamItem;
            const members = membersOf(team.id);
            return (
              <Group
                key={team.id}
                component="li"
                role="treeitem"
                aria-level={option.depth + 1}
                aria-label={team.name}
                justify="space-between"
                wrap="nowrap"
                py="xs"
                pl={option.depth * 24}
                style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
              >
                <div>
                  <Text fw={600} size="sm">
                    {team.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {team.leader ? `Led by ${team.leader.name}` : 'No leader'} · {memberLine(members)}
                  </Text>
                </div>
                <Button size="xs" variant="light" onClick={() => setEditing({ team })} aria-label={`Edit ${team.name}`}>
                  Edit
                </Button>
              </Group>
            );
          })}
        </Stack>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.team ? `Edit ${editing.team.name}` : 'New team'}
      >
        {editing ? (
          <TeamForm
            key={editing.team?.id ?? 'new'}
            team={editing.team}
            teams={list}
            users={users.data?.users ?? []}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </Modal>
    </Paper>
  );
}

function memberLine(members: ManagedUser[]): string {
  if (members.length === 0) return 'no members';
  const names = members.map((m) => m.name);
  return `${members.length} ${members.length === 1 ? 'member' : 'members'}: ${names.slice(0, 4).join(', ')}${names.length > 4 ? ', …' : ''}`;
}

function TeamForm({
  team,
  teams,
  users,
  onDone,
}: {
  team: TeamItem | null;
  teams: TeamItem[];
  users: ManagedUser[];
  onDone: () => void;
}) {
  const [name, setName] = useState(team?.name ?? '');
  const [parentId, setParentId] = useState<string | null>(team?.parentId ?? null);
  const [leaderId, setLeaderId] = useState<string | null>(team?.leader?.id ?? null);
  const save = useSaveTeam();
  const fieldError = (field: string) => (isApiError(save.error) ? save.error.messageFor(field) : undefined);
  const parents = teamPickerProps(teams, team?.id);
  const leaders = users.filter((u) => u.active && u.role !== 'rep').map((u) => ({ value: u.id, label: u.name }));

  return (
    <form
      noValidate
      aria-label={team ? `Edit ${team.name}` : 'New team'}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ id: team?.id ?? null, body: { name: name.trim(), parentId, leaderId } }, { onSuccess: onDone });
      }}
    >
      <Stack gap="md">
        {save.error ? (
          <Alert color="red" variant="light" title="Not saved" role="alert">
            {describeError(save.error)}
          </Alert>
        ) : null}
        <TextInput
          label="Name"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError('name')}
          data-autofocus
        />
        <Select
          label="Parent team"
          placeholder="None (top level)"
          clearable
          {...parents}
          value={parentId}
          onChange={setParentId}
          error={fieldError('parentId')}
        />
        <Select
          label="Leader"
          placeholder="No leader"
          description="Leaders and admins; make someone a leader under Users first."
          clearable
          searchable
          data={leaders}
          value={leaderId}
          onChange={setLeaderId}
          error={fieldError('leaderId')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {team ? 'Save' : 'Create team'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
