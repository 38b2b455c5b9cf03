import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  PasswordInput,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { USER_ROLES, type SsoSettingsView, type UserRole } from '@rightly/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { isApiError } from '../../lib/api/api-error';
import { roleLabel } from '../../lib/format/format';
import { fetchSsoSettings, saveSsoSettings, SSO_SETTINGS_KEY } from './sso-api';
import { bodyFrom, draftFrom, type SsoDraft } from './sso-form';

/** The organization's OpenID Connect provider (admins only; the server refuses everyone else). */
export function SsoSettingsCard() {
  const query = useQuery({ queryKey: SSO_SETTINGS_KEY, queryFn: ({ signal }) => fetchSsoSettings(signal) });
  return (
    <Paper withBorder radius="md" p="lg" mt="lg" component="section" aria-labelledby="settings-sso">
      <Title order={2} fz="lg" id="settings-sso">
        Single sign-on (OpenID Connect)
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        People with an allowed e-mail domain sign in through your identity provider. New people get an account on their
        first sign-in, with the role from the claim below or the default role.
      </Text>
      {query.isPending ? (
        <Skeleton h={160} />
      ) : query.isError ? (
        <QueryErrorAlert
          title="The SSO settings could not be loaded"
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      ) : (
        <SsoSettingsForm initial={query.data} />
      )}
    </Paper>
  );
}

function CopyLine({ label, value }: { label: string; value: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" w={110} c="dimmed">
        {label}
      </Text>
      <Code style={{ overflowWrap: 'anywhere' }}>{value}</Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button size="compact-xs" variant="subtle" onClick={copy}>
            {copied ? 'Copied' : 'Copy'}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

function SsoSettingsForm({ initial }: { initial: SsoSettingsView }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<SsoDraft>(() => draftFrom(initial));
  const [secretState, setSecretState] = useState(initial.clientSecret);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => saveSsoSettings(bodyFrom(draft)),
    onSuccess: (next) => {
      queryClient.setQueryData(SSO_SETTINGS_KEY, next);
      setDraft(draftFrom(next));
      setSecretState(next.clientSecret);
      setSaved(true);
    },
  });
  const err = (field: string) => {
    if (!isApiError(save.error)) return undefined;
    const own = save.error.fieldErrors.filter((e) => e.field === field || e.field.startsWith(`${field}.`));
    return own.length > 0 ? own.map((e) => e.message).join('; ') : undefined;
  };
  const set = <K extends keyof SsoDraft>(key: K, value: SsoDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setSaved(false);
  };
  return (
    <form
      noValidate
      aria-label="SSO settings"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="md">
        <Switch
          label="Allow sign-in with SSO"
          checked={draft.enabled}
          onChange={(e) => set('enabled', e.currentTarget.checked)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label="Issuer URL"
            placeholder="https://login.example.com"
            value={draft.issuer}
            onChange={(e) => set('issuer', e.currentTarget.value)}
            error={err('issuer')}
          />
          <TextInput
            label="Client ID"
            value={draft.clientId}
            onChange={(e) => set('clientId', e.currentTarget.value)}
            error={err('clientId')}
          />
          <PasswordInput
            label="Client secret"
            description={secretState === 'set' ? 'Set. Leave empty to keep it.' : 'Not set.'}
            autoComplete="new-password"
            value={draft.clientSecret}
            onChange={(e) => set('clientSecret', e.currentTarget.value)}
            error={err('clientSecret')}
          />
          <TagsInput
            label="Allowed e-mail domains"
            description="Press Enter after each, e.g. company.com"
            value={draft.allowedDomains}
            onChange={(value) => set('allowedDomains', value)}
            error={err('allowedDomains')}
          />
          <TextInput
            label="Role claim"
            description="The claim that carries the role or groups; empty to use the default role"
            placeholder="groups"
            value={draft.roleClaim}
            onChange={(e) => set('roleClaim', e.currentTarget.value)}
            error={err('roleClaim')}
          />
          <Select
            label="Default role for new people"
            data={USER_ROLES.map((role) => ({ value: role, label: roleLabel(role) }))}
            value={draft.defaultRole}
            onChange={(value) => set('defaultRole', (value ?? 'rep') as UserRole)}
            allowDeselect={false}
            error={err('defaultRole')}
          />
        </SimpleGrid>
        <Textarea
          label="Claim values → roles"
          description="One per line, e.g. sales-managers = leader. Several matches: the highest role wins."
          autosize
          minRows={2}
          value={draft.roleMappingText}
          onChange={(e) => set('roleMappingText', e.currentTarget.value)}
          error={err('roleMapping')}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            At your identity provider
          </Text>
          <CopyLine label="Redirect URI" value={initial.redirectUri} />
          <CopyLine label="Sign-in link" value={initial.startUrl} />
        </Stack>
        <Group gap="sm">
          <Button type="submit" loading={save.isPending}>
            Save SSO settings
          </Button>
          {saved ? (
            <Text size="sm" c="teal" role="status">
              Saved.
            </Text>
          ) : null}
        </Group>
        {save.isError ? (
          <Alert color="red" variant="light">
            {isApiError(save.error) ? save.error.detail : 'Could not save the SSO settings. Try again.'}
          </Alert>
        ) : null}
      </Stack>
    </form>
  );
}
