import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { signOut } from '../features/auth/auth-api';
import { SIGN_IN_PATH } from '../features/auth/return-path';
import { endSessionByChoice } from '../features/auth/session-cache';
import { useSignedInUser } from '../features/auth/signed-in-user';
import { roleLabel } from '../lib/format/format';

function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase();
}

export function UserMenu() {
  const me = useSignedInUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signOutMutation = useMutation({
    mutationFn: signOut,
    // Even if the server could not be told, forget the session here: the person asked to leave.
    onSettled: () => {
      void navigate(SIGN_IN_PATH, { replace: true });
      endSessionByChoice(queryClient);
    },
  });

  return (
    <Menu position="bottom-end" width={240} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={`Account menu for ${me.user.name}`} py={4} px={6} style={{ borderRadius: 999 }}>
          <Group gap="xs" wrap="nowrap">
            <Avatar color="teal" radius="xl" size={32}>
              {initialsOf(me.user.name)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm">
              {me.user.name}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Signed in as</Menu.Label>
        <div style={{ padding: '0 var(--mantine-spacing-sm) var(--mantine-spacing-xs)' }}>
          <Text size="sm" fw={600}>
            {me.user.name}
          </Text>
          <Text size="xs" c="dimmed">
            {me.user.email}
          </Text>
          <Text size="xs" c="dimmed">
            Role: {roleLabel(me.user.role)}
          </Text>
        </div>
        <Menu.Divider />
        <Menu.Item color="red" onClick={() => signOutMutation.mutate()} disabled={signOutMutation.isPending}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
