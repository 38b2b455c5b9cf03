import { Alert, Button, Group, Modal, NumberInput, Radio, Stack, Text, Textarea } from '@mantine/core';
import { DISCREPANCY_RESOLUTIONS, formatValue, type SelfReportItem } from '@rightly/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError, isApiError } from '../../lib/api/api-error';
import {
  RESOLUTION_HELP,
  RESOLUTION_LABELS,
  validateResolution,
  windowLabel,
  type ResolutionDraft,
} from './report-model';
import { invalidateAfterReportChange, resolveDiscrepancy } from './reports-api';

interface ResolveDiscrepancyModalProps {
  item: SelfReportItem | null;
  currency: string;
  onClose: () => void;
  onResolved?: (item: SelfReportItem) => void;
}

/** The leader settles a "reported X, CRM shows Y": the CRM was missing it, the report was wrong, or noted. */
export function ResolveDiscrepancyModal({ item, currency, onClose, onResolved }: ResolveDiscrepancyModalProps) {
  return (
    <Modal opened={item !== null} onClose={onClose} title="Resolve a discrepancy" size="lg">
      {item ? (
        <ResolveForm
          key={`${item.id ?? ''}`}
          item={item}
          currency={currency}
          onClose={onClose}
          onResolved={onResolved}
        />
      ) : null}
    </Modal>
  );
}

function ResolveForm({
  item,
  currency,
  onClose,
  onResolved,
}: Omit<ResolveDiscrepancyModalProps, 'item'> & { item: SelfReportItem }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<ResolutionDraft>({
    resolution: null,
    note: '',
    correctedValue: item.measured ?? '',
  });
  const [tried, setTried] = useState(false);
  const resolve = useMutation({
    mutationFn: () => {
      if (!item.id || !draft.resolution) throw new Error('Choose how it was resolved.');
      return resolveDiscrepancy(item.id, {
        resolution: draft.resolution,
        note: draft.note.trim(),
        ...(draft.resolution === 'report_corrected' ? { correctedValue: Number(draft.correctedValue) } : {}),
      });
    },
    onSuccess: async (resolved) => {
      await invalidateAfterReportChange(queryClient);
      onResolved?.(resolved);
      onClose();
    },
  });
  const local = tried ? validateResolution(draft) : {};
  const server = (field: string) => (isApiError(resolve.error) ? resolve.error.messageFor(field) : undefined);
  const fmt = (value: number | null) => (value === null ? 'nothing' : formatValue(value, item.metric.unit, currency));

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (Object.keys(validateResolution(draft)).length === 0) resolve.mutate();
      }}
    >
      <Stack gap="md">
        <div>
          <Text size="sm" fw={600}>
            {item.repName} · {item.expectationName} · {windowLabel(item.window)}
          </Text>
          <Text size="sm" c="orange.8">
            {item.discrepancy}
          </Text>
          <Text size="xs" c="dimmed">
            Reported {fmt(item.reported)}; the CRM shows {fmt(item.measured)}.
          </Text>
          {item.comment ? (
            <Text size="xs" c="dimmed" mt={4}>
              The rep’s comment: “{item.comment}”
            </Text>
          ) : null}
        </div>
        <Radio.Group
          label="What happened?"
          value={draft.resolution ?? ''}
          onChange={(value) =>
            setDraft((previous) => ({ ...previous, resolution: value as ResolutionDraft['resolution'] }))
          }
          error={local.resolution ?? server('resolution')}
          withAsterisk
        >
          <Stack gap="xs" mt="xs">
            {DISCREPANCY_RESOLUTIONS.map((kind) => (
              <Radio key={kind} value={kind} label={RESOLUTION_LABELS[kind]} description={RESOLUTION_HELP[kind]} />
            ))}
          </Stack>
        </Radio.Group>
        {draft.resolution === 'report_corrected' ? (
          <NumberInput
            label="Corrected value"
            description={`The value that stands for ${item.metric.name.toLowerCase()}`}
            value={draft.correctedValue}
            onChange={(value) => setDraft((previous) => ({ ...previous, correctedValue: value }))}
            min={0}
            allowNegative={false}
            error={local.correctedValue ?? server('correctedValue')}
            withAsterisk
            w={{ base: '100%', xs: 220 }}
          />
        ) : null}
        <Textarea
          label="Note"
          description="For the record: what you checked, what was agreed"
          value={draft.note}
          onChange={(event) => {
            const note = event.currentTarget.value;
            setDraft((previous) => ({ ...previous, note }));
          }}
          rows={2}
          resize="vertical"
          maxLength={2000}
          error={server('note')}
        />
        {resolve.isError ? (
          <Alert color="red" variant="light" title="The discrepancy was not resolved" role="alert">
            {describeError(resolve.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={resolve.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={resolve.isPending}>
            Resolve
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
