import {
  Alert,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { API_TOKEN_SCOPES, type ApiTokenScope, type ApiTokenView, type CreatedApiToken } from '@rightly/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { describeError, isApiError } from '../../lib/api/api-error';
import { API_TOKENS_KEY, createApiToken, fetchApiTokens, revokeApiToken } from './api-tokens-api';

const SCOPE_HELP: Record<ApiTokenScope, string> = {
  read: 'read data (GET)',
  write: 'change data (except imports)',
  import: 'upload CRM imports',
};

const EXPIRY = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '366', label: '1 year' },
  { value: 'never', label: 'Never' },
];

function when(iso: string | null, empty: string): string {
  return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : empty;
}

/**
 * Tokens for integrations: each acts as the person who made it, limited to its scopes. The token
 * is shown once, right after it is made; afterwards only its name and first characters.
 */
export function ApiTokensCard({ showOwner }: { showOwner: boolean }) {
  const query = useQuery({ queryKey: API_TOKENS_KEY, queryFn: ({ signal }) => fetchApiTokens(signal) });
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  return (
    <Paper withBorder radius="md" p="lg" mt="lg" component="section" aria-labelledby="settings-api-tokens">
      <Title order={2} fz="lg" id="settings-api-tokens">
        API tokens
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        For integrations: send <Code>Authorization: Bearer &lt;token&gt;</Code>. A token acts as you, within its scopes.{' '}
        {showOwner ? 'As an admin you see and can revoke everyone’s tokens.' : ''}
      </Text>
      {created ? (
        <NewTokenNotice created={created} onDone={() => setCreated(null)} />
      ) : (
        <CreateTokenForm onCreated={setCreated} />
      )}
      {query.isPending ? (
        <Skeleton h={80} mt="md" />
      ) : query.isError ? (
        <QueryErrorAlert
          title="The API tokens could not be loaded"
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      ) : (
        <TokenTable tokens={query.data.tokens} showOwner={showOwner} />
      )}
    </Paper>
  );
}

function NewTokenNotice({ created, onDone }: { created: CreatedApiToken; onDone: () => void }) {
  return (
    <Alert color="teal" variant="light" title={`Token “${created.apiToken.name}” created`} role="status">
      <Text size="sm" mb="xs">
        Copy it now: Rightly keeps only a fingerprint and cannot show it again.
      </Text>
      <Group gap="xs" wrap="nowrap" align="center">
        <Code data-testid="new-api-token" style={{ overflowWrap: 'anywhere' }}>
          {created.token}
        </Code>
        <CopyButton value={created.token}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" onClick={copy}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Button size="xs" variant="subtle" mt="sm" onClick={onDone}>
        Done
      </Button>
    </Alert>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (created: CreatedApiToken) => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiTokenScope[]>(['read']);
  const [expiry, setExpiry] = useState('90');
  const create = useMutation({
    mutationFn: () => createApiToken({ name, scopes, expiresInDays: expiry === 'never' ? null : Number(expiry) }),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: API_TOKENS_KEY });
      setName('');
      onCreated(result);
    },
  });
  const err = (field: string) =>
    isApiError(create.error)
      ? create.error.fieldErrors
          .filter((e) => e.field === field || e.field.startsWith(`${field}.`))
          .map((e) => e.message)
          .join('; ') || undefined
      : undefined;
  return (
    <form
      noValidate
      aria-label="New API token"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate();
      }}
    >
      <Group align="flex-start" gap="md" wrap="wrap">
        <TextInput
          label="Token name"
          placeholder="Nightly CRM sync"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={err('name')}
          w={240}
        />
        <Checkbox.Group
          label="Scopes"
          value={scopes}
          onChange={(value) => setScopes(value as ApiTokenScope[])}
          error={err('scopes')}
        >
          <Stack gap={6} mt={6}>
            {API_TOKEN_SCOPES.map((scope) => (
              <Checkbox key={scope} value={scope} label={`${scope}: ${SCOPE_HELP[scope]}`} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Select
          label="Expires after"
          data={EXPIRY}
          value={expiry}
          onChange={(v) => setExpiry(v ?? '90')}
          allowDeselect={false}
          error={err('expiresInDays')}
          w={140}
        />
      </Group>
      <Button type="submit" mt="md" loading={create.isPending}>
        Create token
      </Button>
      {create.isError && !(isApiError(create.error) && create.error.fieldErrors.length > 0) ? (
        <Alert color="red" variant="light" mt="sm">
          {describeError(create.error)}
        </Alert>
      ) : null}
    </form>
  );
}

function TokenTable({ tokens, showOwner }: { tokens: ApiTokenView[]; showOwner: boolean }) {
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: revokeApiToken,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: API_TOKENS_KEY }),
  });
  if (tokens.length === 0) {
    return (
      <Text size="sm" c="dimmed" mt="md">
        No API tokens yet.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={640} mt="md">
      <Table aria-label="API tokens" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            {showOwner ? <Table.Th>Acts as</Table.Th> : null}
            <Table.Th>Scopes</Table.Th>
            <Table.Th>Last used</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td>
                <Text size="sm">{token.name}</Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {token.prefix}
                </Text>
              </Table.Td>
              {showOwner ? <Table.Td>{token.owner.name}</Table.Td> : null}
              <Table.Td>{token.scopes.join(', ')}</Table.Td>
              <Table.Td>{when(token.lastUsedAt, 'Never')}</Table.Td>
              <Table.Td>{when(token.expiresAt, 'Never')}</Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  color="red"
                  variant="light"
                  aria-label={`Revoke ${token.name}`}
                  loading={revoke.isPending && revoke.variables === token.id}
                  onClick={() => revoke.mutate(token.id)}
                >
                  Revoke
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
