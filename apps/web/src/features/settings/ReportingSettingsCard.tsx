import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { reportingSettingsSchema, type ReportingSettings } from '@rightly/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { api } from '../../lib/api/api-client';
import { isApiError } from '../../lib/api/api-error';

const QUERY_KEY = ['reporting-settings'] as const;
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function useReportingSettings() {
  return useQuery({
    queryKey: QUERY_KEY,
    queryFn: ({ signal }) => api.request('/api/v1/reporting-settings', reportingSettingsSchema, { signal }),
  });
}

/**
 * When self-reports fall due and reminders and the digest go out, how far a report may differ
 * from the CRM, and when Rightly suggests a shorter or the usual cadence. Admins edit; others read.
 */
export function ReportingSettingsCard({ editable }: { editable: boolean }) {
  const query = useReportingSettings();
  return (
    <Paper withBorder radius="md" p="lg" mt="lg" component="section" aria-labelledby="settings-reporting">
      <Title order={2} fz="lg" id="settings-reporting">
        Self-reporting
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Times are on the organization’s clock. {editable ? '' : 'Only an admin changes these.'}
      </Text>
      {query.isPending ? (
        <Skeleton h={120} />
      ) : query.isError ? (
        <QueryErrorAlert
          title="The self-reporting settings could not be loaded"
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      ) : (
        <ReportingSettingsForm initial={query.data} editable={editable} />
      )}
    </Paper>
  );
}

function ReportingSettingsForm({ initial, editable }: { initial: ReportingSettings; editable: boolean }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<ReportingSettings>(initial);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      api.request('/api/v1/reporting-settings', reportingSettingsSchema, { method: 'PUT', body: draft }),
    onSuccess: (next) => {
      queryClient.setQueryData(QUERY_KEY, next);
      setDraft(next);
      setSaved(true);
    },
  });
  const err = (field: keyof ReportingSettings) => (isApiError(save.error) ? save.error.messageFor(field) : undefined);
  const set = <K extends keyof ReportingSettings>(key: K, value: ReportingSettings[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setSaved(false);
  };
  const num = (value: string | number) => (typeof value === 'number' ? value : Number(value) || 0);
  return (
    <form
      noValidate
      aria-label="Self-reporting settings"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md">
        <TextInput
          label="Reports due at"
          description="next working morning"
          value={draft.dueTime}
          onChange={(e) => set('dueTime', e.currentTarget.value)}
          error={err('dueTime')}
          disabled={!editable}
        />
        <TextInput
          label="Reminder at"
          description="on the window’s last working day"
          value={draft.reminderTime}
          onChange={(e) => set('reminderTime', e.currentTarget.value)}
          error={err('reminderTime')}
          disabled={!editable}
        />
        <NumberInput
          label="Overdue notice after (hours)"
          value={draft.overdueAfterHours}
          onChange={(v) => set('overdueAfterHours', num(v))}
          min={0}
          max={72}
          error={err('overdueAfterHours')}
          disabled={!editable}
        />
        <NumberInput
          label="Discrepancy tolerance (%)"
          value={draft.discrepancyTolerancePercent}
          onChange={(v) => set('discrepancyTolerancePercent', num(v))}
          min={0}
          max={100}
          error={err('discrepancyTolerancePercent')}
          disabled={!editable}
        />
        <NumberInput
          label="Suggest a shorter cadence after"
          description="periods in a row off track"
          value={draft.shortenAfterPeriods}
          onChange={(v) => set('shortenAfterPeriods', num(v))}
          min={1}
          max={26}
          error={err('shortenAfterPeriods')}
          disabled={!editable}
        />
        <NumberInput
          label="Suggest the usual cadence after"
          description="periods in a row on track"
          value={draft.relaxAfterPeriods}
          onChange={(v) => set('relaxAfterPeriods', num(v))}
          min={1}
          max={26}
          error={err('relaxAfterPeriods')}
          disabled={!editable}
        />
        <Select
          label="Leaders’ digest on"
          data={WEEKDAYS.map((label, i) => ({ value: String(i + 1), label }))}
          value={String(draft.digestWeekday)}
          onChange={(v) => set('digestWeekday', Number(v ?? 1))}
          allowDeselect={false}
          error={err('digestWeekday')}
          disabled={!editable}
        />
        <TextInput
          label="Digest at"
          value={draft.digestTime}
          onChange={(e) => set('digestTime', e.currentTarget.value)}
          error={err('digestTime')}
          disabled={!editable}
        />
      </SimpleGrid>
      {editable ? (
        <Group mt="md" gap="sm">
          <Button type="submit" loading={save.isPending}>
            Save
          </Button>
          {saved ? (
            <Text size="sm" c="teal" role="status">
              Saved.
            </Text>
          ) : null}
        </Group>
      ) : null}
      {save.isError && !isApiError(save.error) ? (
        <Alert color="red" mt="md">
          Could not save the settings. Try again.
        </Alert>
      ) : null}
    </form>
  );
}
