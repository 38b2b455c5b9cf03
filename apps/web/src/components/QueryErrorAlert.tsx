import { Alert, Button, Group, Text } from '@mantine/core';
import { describeError, isApiError } from '../lib/api/api-error';

interface QueryErrorAlertProps {
  title: string;
  error: unknown;
  onRetry: () => void;
  retrying: boolean;
}

/** A failed load: the server's own explanation, a reference for support, and a way to try again. */
export function QueryErrorAlert({ title, error, onRetry, retrying }: QueryErrorAlertProps) {
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <Alert color="red" variant="light" title={title}>
      <Text size="sm">{describeError(error)}</Text>
      {requestId ? (
        <Text size="xs" c="dimmed" mt={4}>
          Reference: {requestId}
        </Text>
      ) : null}
      <Group mt="sm">
        <Button size="xs" variant="outline" color="red" onClick={onRetry} loading={retrying}>
          Retry
        </Button>
      </Group>
    </Alert>
  );
}
