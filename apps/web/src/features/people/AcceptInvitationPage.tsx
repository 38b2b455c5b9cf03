import {
  Alert,
  Box,
  Button,
  Center,
  Paper,
  PasswordInput,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { describeError, isApiError } from '../../lib/api/api-error';
import { roleLabel } from '../../lib/format/format';
import { replaceSession } from '../auth/session-cache';
import { acceptInvitation, previewInvitation } from './people-api';

/**
 * `/accept-invitation?token=…`, the link in an invitation e-mail. Public: the token is the key.
 * The invitee chooses their name and password and is signed in; the link then stops working.
 */
export function AcceptInvitationPage() {
  useDocumentTitle('Accept invitation · Rightly');
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const preview = useQuery({
    queryKey: ['invitation-preview', token],
    queryFn: ({ signal }) => previewInvitation(token, signal),
    enabled: token !== '',
    retry: false,
    staleTime: Infinity,
  });

  let content;
  if (token === '') {
    content = (
      <Alert color="red" variant="light" title="This link is incomplete" role="alert">
        The invitation link has no token. Open it from the e-mail again.
      </Alert>
    );
  } else if (preview.isPending) {
    content = <Skeleton h={200} />;
  } else if (preview.isError) {
    content = (
      <Alert color="red" variant="light" title="This invitation cannot be used" role="alert">
        {describeError(preview.error)}
      </Alert>
    );
  } else {
    content = (
      <>
        <Text size="sm" mb="md">
          Join <b>{preview.data.organization.name}</b> as {roleLabel(preview.data.role).toLowerCase()}. You will sign in
          as <b>{preview.data.email}</b>.
        </Text>
        <AcceptForm token={token} initialName={preview.data.name} />
      </>
    );
  }

  return (
    <Center mih="100dvh" p="md">
      <Stack w="100%" maw={440} gap="lg" component="main">
        <Box ta="center">
          <Text fw={800} fz={28} c="teal.7" lh={1}>
            Rightly
          </Text>
        </Box>
        <Paper withBorder shadow="sm" p="lg" radius="md">
          <Title order={1} fz={22} mb="md">
            Accept your invitation
          </Title>
          {content}
        </Paper>
      </Stack>
    </Center>
  );
}

function AcceptForm({ token, initialName }: { token: string; initialName: string }) {
  const [name, setName] = useState(initialName);
  const [password, setPassword] = useState('');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const accept = useMutation({
    mutationFn: () => acceptInvitation({ token, name: name.trim(), password }),
    onSuccess: (me) => {
      replaceSession(queryClient, me);
      void navigate('/', { replace: true });
    },
  });
  const fieldError = (field: string) => (isApiError(accept.error) ? accept.error.messageFor(field) : undefined);
  const formError = accept.error && !fieldError('name') && !fieldError('password') ? describeError(accept.error) : null;
  return (
    <form
      noValidate
      aria-label="Accept the invitation"
      onSubmit={(event) => {
        event.preventDefault();
        accept.mutate();
      }}
    >
      <Stack gap="md">
        {formError ? (
          <Alert color="red" variant="light" title="Not accepted" role="alert">
            {formError}
          </Alert>
        ) : null}
        <TextInput
          label="Your name"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError('name')}
          autoComplete="name"
        />
        <PasswordInput
          label="Choose a password"
          description="At least 12 characters; a few words make a good one."
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={fieldError('password')}
          autoComplete="new-password"
          data-autofocus
        />
        <Button type="submit" loading={accept.isPending} fullWidth>
          Join and sign in
        </Button>
      </Stack>
    </form>
  );
}
