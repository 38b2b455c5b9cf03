import { Alert, Button, Code, CopyButton, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import type { CreateInvitationResponse, UserRole } from '@rightly/core';
import { useState } from 'react';
import { describeError, isApiError } from '../../lib/api/api-error';
import { useTeams } from '../teams/teams-api';
import { useInvite } from './people-api';
import { ROLE_OPTIONS } from './role-options';
import { teamPickerProps } from './team-picker';

/** Invite someone by e-mail; when the server cannot e-mail, the link is shown once to pass on. */
export function InviteModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Invite a user" size="md">
      {opened ? <InviteForm onClose={onClose} /> : null}
    </Modal>
  );
}

function InviteForm({ onClose }: { onClose: () => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<UserRole>('rep');
  const [teamId, setTeamId] = useState<string | null>(null);
  const teams = useTeams();
  const invite = useInvite();
  const fieldError = (field: string) => (isApiError(invite.error) ? invite.error.messageFor(field) : undefined);

  if (invite.data) return <InviteResult result={invite.data} onClose={onClose} />;
  return (
    <form
      noValidate
      aria-label="Invite a user"
      onSubmit={(event) => {
        event.preventDefault();
        invite.mutate({ email: email.trim(), name: name.trim(), role, teamId });
      }}
    >
      <Stack gap="md">
        {invite.error ? (
          <Alert color="red" variant="light" title="Not invited" role="alert">
            {describeError(invite.error)}
          </Alert>
        ) : null}
        <TextInput
          label="E-mail"
          type="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={fieldError('email')}
          data-autofocus
        />
        <TextInput
          label="Name"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError('name')}
        />
        <Select
          label="Role"
          data={ROLE_OPTIONS}
          value={role}
          onChange={(value) => setRole((value as UserRole | null) ?? 'rep')}
          allowDeselect={false}
          error={fieldError('role')}
        />
        <Select
          label="Team"
          placeholder="No team"
          clearable
          {...teamPickerProps(teams.data?.teams ?? [])}
          value={teamId}
          onChange={setTeamId}
          error={fieldError('teamId')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={invite.isPending}>
            Send invitation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function InviteResult({ result, onClose }: { result: CreateInvitationResponse; onClose: () => void }) {
  const link = result.acceptUrl ? new URL(result.acceptUrl, window.location.origin).toString() : null;
  return (
    <Stack gap="md">
      {result.delivery === 'email' ? (
        <Alert color="teal" variant="light" title="Invitation sent" role="status">
          {result.invitation.name} gets an e-mail at {result.invitation.email} with a link that works once, for 7 days.
        </Alert>
      ) : (
        <Alert color="yellow" variant="light" title="Invitation created, not e-mailed" role="status">
          <Text size="sm">{result.deliveryNote}</Text>
        </Alert>
      )}
      {link ? (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Invitation link
          </Text>
          <Code block data-testid="invitation-link">
            {link}
          </Code>
          <CopyButton value={link}>
            {({ copied, copy }) => (
              <Button variant="light" onClick={copy}>
                {copied ? 'Copied' : 'Copy link'}
              </Button>
            )}
          </CopyButton>
        </Stack>
      ) : null}
      <Group justify="flex-end">
        <Button onClick={onClose}>Done</Button>
      </Group>
    </Stack>
  );
}
