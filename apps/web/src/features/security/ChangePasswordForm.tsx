import { Alert, Button, Group, PasswordInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { PASSWORD_MIN_LENGTH } from '@rightly/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { describeError, isApiError } from '../../lib/api/api-error';
import { changePassword, MY_SESSIONS_QUERY_KEY } from './security-api';

/** Needs the current password; the server then ends every other session of mine. */
export function ChangePasswordForm() {
  const queryClient = useQueryClient();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: changePassword,
    onSuccess: () => {
      setCurrentPassword('');
      setNewPassword('');
      setRepeated('');
      void queryClient.invalidateQueries({ queryKey: MY_SESSIONS_QUERY_KEY });
    },
  });
  const fieldError = (field: string) => (isApiError(change.error) ? change.error.messageFor(field) : undefined);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const differs = newPassword !== repeated;
    setMismatch(differs);
    if (!differs) change.mutate({ currentPassword, newPassword });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="change-password-title">
      <Stack gap="sm">
        <div>
          <Title order={3} fz="md" id="change-password-title">
            Change your password
          </Title>
          <Text size="sm" c="dimmed">
            At least {PASSWORD_MIN_LENGTH} characters; a few unrelated words make a good one. Your other sessions end.
          </Text>
        </div>
        {change.isSuccess ? (
          <Alert color="teal" variant="light" role="status" title="Password changed">
            Your other sessions have ended.
          </Alert>
        ) : null}
        {change.isError && !fieldError('currentPassword') && !fieldError('newPassword') ? (
          <Alert color="red" variant="light" role="alert" title="Password not changed">
            {describeError(change.error)}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            value={currentPassword}
            onChange={(event) => setCurrentPassword(event.currentTarget.value)}
            error={fieldError('currentPassword') ? `Current password ${fieldError('currentPassword')}` : undefined}
          />
          <PasswordInput
            label="New password"
            autoComplete="new-password"
            value={newPassword}
            onChange={(event) => setNewPassword(event.currentTarget.value)}
            error={fieldError('newPassword') ? `New password ${fieldError('newPassword')}` : undefined}
          />
          <PasswordInput
            label="New password again"
            autoComplete="new-password"
            value={repeated}
            onChange={(event) => setRepeated(event.currentTarget.value)}
            error={mismatch ? 'The two new passwords differ' : undefined}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" variant="light" loading={change.isPending}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
