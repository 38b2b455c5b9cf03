import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { describeError, isApiError } from '../../lib/api/api-error';
import { PublicCard } from './PublicCard';
import { requestPasswordReset } from './security-api';

/** `/forgot-password`: asks for a reset link. The answer never says whether the e-mail has an account. */
export function ForgotPasswordPage() {
  useDocumentTitle('Forgot password · Rightly');
  const [email, setEmail] = useState('');
  const send = useMutation({ mutationFn: requestPasswordReset });
  const emailError = isApiError(send.error) ? send.error.messageFor('email') : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    send.mutate(email.trim());
  }

  return (
    <PublicCard title="Forgot your password?">
      {send.isSuccess ? (
        <Alert color="teal" variant="light" role="status" title="Check your e-mail">
          {send.data.message}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate aria-label="Ask for a reset link">
          <Stack gap="md">
            <Text size="sm">Enter the e-mail you sign in with. We send a link to set a new password.</Text>
            {send.isError && !emailError ? (
              <Alert color="red" variant="light" role="alert" title="Not sent">
                {describeError(send.error)}
              </Alert>
            ) : null}
            <TextInput
              label="E-mail"
              type="email"
              autoComplete="username"
              placeholder="name@company.com"
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={emailError ? `E-mail ${emailError}` : undefined}
              data-autofocus
            />
            <Button type="submit" loading={send.isPending} fullWidth>
              Send the link
            </Button>
          </Stack>
        </form>
      )}
    </PublicCard>
  );
}
