import { Alert, Button, Group, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { REPORTING_CADENCES } from '@rightly/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError, isApiError } from '../../lib/api/api-error';
import { formatDate } from '../../lib/format/format';
import {
  cadenceLabel,
  cadenceTitle,
  effectiveFromFor,
  shortensCadence,
  suggestedReviewOn,
  validateCadenceDraft,
  type CadenceChoice,
  type CadenceDraft,
} from './report-model';
import { findRepCadence } from './cadence-advice';
import { CADENCES_QUERY_KEY, invalidateAfterCadenceChange, putReportingCadence, type RepCadence } from './reports-api';

export interface CadenceFormProps {
  cadence: RepCadence;
  repName: string;
  today: string;
  draft: CadenceDraft;
  onDraft: (draft: CadenceDraft | null) => void;
  onSaved: (message: string) => void;
}

/**
 * A leader's change of a rep's cadence, with a reason and, when it shortens the interval, a
 * review date: a shorter interval is a measure for a while, not a new normal.
 */
export function CadenceForm({ cadence, repName, today, draft, onDraft, onSaved }: CadenceFormProps) {
  const queryClient = useQueryClient();
  const [tried, setTried] = useState(false);
  const from = effectiveFromFor(today);
  const context = { current: cadence.cadence, usual: cadence.usual, today };
  const save = useMutation({
    mutationFn: () =>
      putReportingCadence({
        level: 'rep',
        subjectId: cadence.repId,
        cadence: draft.choice === 'usual' || draft.choice === null ? null : draft.choice,
        reason: draft.reason.trim(),
        reviewOn: draft.reviewOn === '' ? null : draft.reviewOn,
      }),
    onSuccess: (response) => {
      if (findRepCadence(response, cadence.repId)) {
        queryClient.setQueryData([...CADENCES_QUERY_KEY, 'rep', cadence.repId], response);
      }
      const next = draft.choice === 'usual' || draft.choice === null ? cadence.usual : draft.choice;
      onSaved(
        `From tomorrow, ${formatDate(from)}, ${repName} reports ${cadenceLabel(next)}${draft.choice === 'usual' ? ' (the override is removed)' : ''}.`,
      );
      // Future windows move with the cadence: the report lists reload behind the message.
      void invalidateAfterCadenceChange(queryClient);
    },
  });
  const local = tried ? validateCadenceDraft(draft, context) : {};
  const server = (field: string) => (isApiError(save.error) ? save.error.messageFor(field) : undefined);

  const options: { value: CadenceChoice; label: string }[] = REPORTING_CADENCES.map((value) => ({
    value,
    label: cadenceTitle(value),
  }));
  if (cadence.source === 'rep') {
    options.push({ value: 'usual', label: `Usual: ${cadenceLabel(cadence.usual)} (remove the override)` });
  }

  return (
    <Paper withBorder radius="md" p="md" bg="var(--mantine-color-default-hover)">
      <form
        noValidate
        aria-label="Change the reporting cadence"
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (Object.keys(validateCadenceDraft(draft, context)).length === 0) save.mutate();
        }}
      >
        <Stack gap="sm">
          <Select
            label="New cadence"
            data={options}
            value={draft.choice}
            onChange={(value) => {
              const choice = (value as CadenceChoice | null) ?? null;
              // A shorter cadence is reviewed: suggest a date, which the leader may change.
              const reviewOn =
                draft.reviewOn === '' && shortensCadence(choice, cadence.usual)
                  ? suggestedReviewOn(today)
                  : draft.reviewOn;
              onDraft({ ...draft, choice, reviewOn });
            }}
            placeholder="Choose how often"
            allowDeselect={false}
            error={local.choice ?? server('cadence')}
            comboboxProps={{ withinPortal: true }}
            withAsterisk
            w={{ base: '100%', xs: 320 }}
          />
          <Textarea
            label="Reason"
            description={`${repName} sees it with the change.`}
            withAsterisk={draft.choice !== null && draft.choice !== 'usual'}
            value={draft.reason}
            onChange={(event) => onDraft({ ...draft, reason: event.currentTarget.value })}
            rows={2}
            resize="vertical"
            maxLength={1000}
            error={local.reason ?? server('reason')}
          />
          <TextInput
            type="date"
            label="Review on"
            description={
              shortensCadence(draft.choice, cadence.usual)
                ? 'When to look at the shorter cadence again'
                : 'When to look at it again (optional)'
            }
            withAsterisk={shortensCadence(draft.choice, cadence.usual)}
            value={draft.reviewOn}
            min={from}
            onChange={(event) => onDraft({ ...draft, reviewOn: event.currentTarget.value })}
            error={local.reviewOn ?? server('reviewOn')}
            w={{ base: '100%', xs: 220 }}
          />
          <Text size="sm" data-testid="effective-from">
            Takes effect from tomorrow, {formatDate(from)}. Reports already under way keep their window.
          </Text>
          {save.isError && !server('reason') && !server('cadence') && !server('reviewOn') ? (
            <Alert color="red" variant="light" title="The cadence was not changed" role="alert">
              {describeError(save.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => onDraft(null)} disabled={save.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save cadence
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
