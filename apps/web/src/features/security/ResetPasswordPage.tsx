import { Alert, Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { PASSWORD_MIN_LENGTH } from '@rightly/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { describeError, isApiError } from '../../lib/api/api-error';
import { PublicCard } from './PublicCard';
import { completePasswordReset } from './security-api';

/**
 * `/reset-password?token=…`, the link in the reset e-mail. Nothing is used up until the form is
 * sent, so a mail scanner opening the link changes nothing.
 */
export function ResetPasswordPage() {
  useDocumentTitle('Choose a new password · Rightly');
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const reset = useMutation({ mutationFn: completePasswordReset });
  const passwordError = isApiError(reset.error) ? reset.error.messageFor('password') : undefined;
  const tokenError = isApiError(reset.error) ? reset.error.messageFor('token') : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const differs = password !== repeated;
    setMismatch(differs);
    if (!differs) reset.mutate({ token, password });
  }

  if (token === '') {
    return (
      <PublicCard title="Choose a new password">
        <Alert color="red" variant="light" role="alert" title="This link is incomplete">
          Open the link from the e-mail again, or{' '}
          <Anchor component={Link} to="/forgot-password">
            ask for a new one
          </Anchor>
          .
        </Alert>
      </PublicCard>
    );
  }

  return (
    <PublicCard title="Choose a new password">
      {reset.isSuccess ? (
        <Alert color="teal" variant="light" role="status" title="Password changed">
          <Text size="sm">Every session of yours has ended. Sign in with the new password.</Text>
          <Button component={Link} to="/sign-in" mt="sm" size="xs">
            Sign in
          </Button>
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate aria-label="Choose a new password">
          <Stack gap="md">
            {tokenError ? (
              <Alert color="red" variant="light" role="alert" title="This link does not work">
                {describeError(reset.error)}{' '}
                <Anchor component={Link} to="/forgot-password">
                  Ask for a new link
                </Anchor>
                .
              </Alert>
            ) : reset.isError && !passwordError ? (
              <Alert color="red" variant="light" role="alert" title="Password not changed">
                {describeError(reset.error)}
              </Alert>
            ) : null}
            <Text size="sm">At least {PASSWORD_MIN_LENGTH} characters; a few unrelated words make a good one.</Text>
            <PasswordInput
              label="New password"
              autoComplete="new-password"
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={passwordError ? `New password ${passwordError}` : undefined}
              data-autofocus
            />
            <PasswordInput
              label="New password again"
              autoComplete="new-password"
              value={repeated}
              onChange={(event) => setRepeated(event.currentTarget.value)}
              error={mismatch ? 'The two passwords differ' : undefined}
            />
            <Button type="submit" loading={reset.isPending} fullWidth>
              Set the new password
            </Button>
          </Stack>
        </form>
      )}
    </PublicCard>
  );
}
