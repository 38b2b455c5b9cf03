import { Alert, Anchor, Box, Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { describeError, isApiError } from '../../lib/api/api-error';
import { unsubscribedSentence } from './notification-model';
import { unsubscribe } from './notifications-api';

function SettingsLink() {
  return (
    <Anchor component={Link} to="/settings/notifications">
      Settings → Notifications
    </Anchor>
  );
}

/**
 * `/unsubscribe?token=…`, the link at the foot of every e-mail. Public: the signed token says who
 * and what, so it works from any mail client without signing in. Nothing happens until the
 * button is pressed (a link scanner that opens the page unsubscribes nobody).
 */
export function UnsubscribePage() {
  useDocumentTitle('Unsubscribe · Rightly');
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const done = useMutation({ mutationFn: () => unsubscribe(token) });

  let content;
  if (token === '') {
    content = (
      <Alert color="red" variant="light" title="This link is incomplete" role="alert">
        The unsubscribe link has no token. Open it from the e-mail again, or change what you get in <SettingsLink />.
      </Alert>
    );
  } else if (done.isSuccess) {
    content = (
      <Alert color="teal" variant="light" title="Unsubscribed" role="status">
        <Text size="sm">{unsubscribedSentence(done.data.channel)}</Text>
        <Text size="sm" mt={4}>
          Change this in <SettingsLink />.
        </Text>
      </Alert>
    );
  } else {
    content = (
      <Stack gap="md">
        <Text size="sm">
          Stop Rightly’s reminders, overdue notices and digests on this channel. You can turn them on again at any time
          in Settings → Notifications.
        </Text>
        {done.isError ? (
          <Alert
            color="red"
            variant="light"
            role="alert"
            title={isApiError(done.error) && done.error.status === 400 ? 'This link does not work' : 'Not unsubscribed'}
          >
            <Text size="sm">{describeError(done.error)}</Text>
            <Text size="sm" mt={4}>
              Sign in and change what you get in <SettingsLink />.
            </Text>
          </Alert>
        ) : null}
        <Box>
          <Button onClick={() => done.mutate()} loading={done.isPending} color="red" variant="filled">
            Unsubscribe
          </Button>
        </Box>
      </Stack>
    );
  }

  return (
    <Center mih="100dvh" p="md">
      <Stack w="100%" maw={460} gap="lg" component="main">
        <Box ta="center">
          <Text fw={800} fz={28} c="teal.7" lh={1}>
            Rightly
          </Text>
        </Box>
        <Paper withBorder shadow="sm" p="lg" radius="md">
          <Title order={1} fz={22} mb="md">
            Unsubscribe
          </Title>
          {content}
        </Paper>
      </Stack>
    </Center>
  );
}
