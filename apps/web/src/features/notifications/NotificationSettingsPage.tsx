import {
  Alert,
  Anchor,
  Button,
  Divider,
  Group,
  Paper,
  Skeleton,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { describeError, isApiError } from '../../lib/api/api-error';
import { useSignedInUser } from '../auth/signed-in-user';
import {
  draftOfPreferences,
  preferencesOfDraft,
  validatePreferences,
  type PreferencesDraft,
} from './notification-model';
import {
  NOTIFICATION_PREFERENCES_QUERY_KEY,
  saveNotificationPreferences,
  useNotificationPreferences,
  type NotificationPreferences,
} from './notifications-api';

function BackToSettings() {
  return (
    <Anchor component={Link} to="/settings" size="sm" mb="xs" display="inline-block">
      ← Settings
    </Anchor>
  );
}

/** Settings → Notifications: which channels Rightly uses to reach you, and for what. */
export function NotificationSettingsPage() {
  const preferences = useNotificationPreferences();
  const header = (
    <>
      <BackToSettings />
      <PageHeader
        title="Notifications"
        description="How Rightly reaches you. Every notification is also in the list behind the bell."
      />
    </>
  );
  if (preferences.isPending) {
    return (
      <>
        {header}
        <Skeleton
          height={360}
          maw={640}
          role="status"
          aria-busy="true"
          aria-label="Loading your notification settings"
        />
      </>
    );
  }
  if (preferences.isError) {
    return (
      <>
        {header}
        <QueryErrorAlert
          title="Your notification settings could not be loaded"
          error={preferences.error}
          onRetry={() => void preferences.refetch()}
          retrying={preferences.isFetching}
        />
      </>
    );
  }
  return (
    <>
      {header}
      <PreferencesForm initial={preferences.data} />
    </>
  );
}

function PreferencesForm({ initial }: { initial: NotificationPreferences }) {
  const me = useSignedInUser();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<PreferencesDraft>(() => draftOfPreferences(initial));
  const [tried, setTried] = useState(false);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const save = useMutation({
    mutationFn: () => saveNotificationPreferences(preferencesOfDraft(draft)),
    onSuccess: (saved) => {
      queryClient.setQueryData(NOTIFICATION_PREFERENCES_QUERY_KEY, saved);
      setDraft(draftOfPreferences(saved));
      setSavedAt(Date.now());
    },
  });
  const local = tried ? validatePreferences(draft) : {};
  const server = (field: string) => (isApiError(save.error) ? save.error.messageFor(field) : undefined);
  const leads = me.user.role !== 'rep';

  function set<K extends keyof PreferencesDraft>(key: K, value: PreferencesDraft[K]) {
    setDraft((previous) => ({ ...previous, [key]: value }));
    setSavedAt(null);
  }

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} maw={640}>
      <form
        noValidate
        aria-label="Notification settings"
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (Object.keys(validatePreferences(draft)).length === 0) save.mutate();
        }}
      >
        <Stack gap="md">
          <Title order={2} fz="md">
            Channels
          </Title>
          <Switch
            label="E-mail"
            description={`To ${me.user.email}`}
            checked={draft.email}
            onChange={(event) => set('email', event.currentTarget.checked)}
          />
          <Switch
            label="Slack"
            description="Direct messages through an incoming webhook you create in Slack"
            checked={draft.slack}
            onChange={(event) => set('slack', event.currentTarget.checked)}
          />
          {draft.slack ? (
            <TextInput
              label="Slack webhook URL"
              description="In Slack: Apps → Incoming WebHooks → Add to Slack, then paste the URL here"
              placeholder="https://hooks.slack.com/services/…"
              value={draft.slackWebhookUrl}
              onChange={(event) => set('slackWebhookUrl', event.currentTarget.value)}
              error={local.slackWebhookUrl ?? server('slackWebhookUrl')}
              withAsterisk
              type="url"
              autoComplete="off"
              spellCheck={false}
            />
          ) : null}
          <Divider />
          <Title order={2} fz="md">
            What to send
          </Title>
          <Switch
            label="Reminders"
            description="The afternoon before a self-report is due"
            checked={draft.reminders}
            onChange={(event) => set('reminders', event.currentTarget.checked)}
          />
          <Switch
            label="Overdue notices"
            description="When a self-report is past its due date"
            checked={draft.overdue}
            onChange={(event) => set('overdue', event.currentTarget.checked)}
          />
          <Switch
            label="Weekly digest"
            description={
              leads
                ? 'Monday: changes in the team matrix, who needs help, overdue reports and discrepancies'
                : 'For leaders: a Monday summary of their teams'
            }
            checked={draft.digest}
            onChange={(event) => set('digest', event.currentTarget.checked)}
          />
          {!draft.email && !draft.slack ? (
            <Text size="sm" c="dimmed">
              With both channels off, notifications only appear behind the bell in Rightly.
            </Text>
          ) : null}
          {save.isError && !server('slackWebhookUrl') ? (
            <Alert color="red" variant="light" title="Your settings were not saved" role="alert">
              {describeError(save.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            {savedAt ? (
              <Text size="sm" c="teal.7" role="status">
                Saved
              </Text>
            ) : null}
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
