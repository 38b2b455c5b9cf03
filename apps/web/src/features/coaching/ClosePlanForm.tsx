import { Alert, Button, Group, Paper, Radio, Stack, Text, Textarea } from '@mantine/core';
import { COACHING_OUTCOMES, type CoachingOutcome } from '@rightly/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError, isApiError } from '../../lib/api/api-error';
import {
  closeCoachingPlan,
  COACHING_PLAN_QUERY_KEY,
  invalidateAfterCoachingChange,
  type CoachingPlan,
} from './coaching-api';
import { OUTCOME_DESCRIPTIONS, OUTCOME_LABELS } from './coaching-labels';

/** Ends a plan with its outcome and a note; the outcome goes into the audit log. */
export function ClosePlanForm({
  plan,
  onDone,
  onCancel,
}: {
  plan: CoachingPlan;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<CoachingOutcome | null>(null);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const close = useMutation({
    mutationFn: (chosen: CoachingOutcome) => closeCoachingPlan(plan.id, { outcome: chosen, note: note.trim() }),
    onSuccess: (updated, chosen) => {
      queryClient.setQueryData([...COACHING_PLAN_QUERY_KEY, plan.id], updated);
      void invalidateAfterCoachingChange(queryClient, plan.repId);
      onDone(`The plan is closed as ${OUTCOME_LABELS[chosen].toLowerCase()}.`);
    },
  });
  const noteRequired = outcome === 'escalated' || outcome === 'extended';
  const outcomeError = tried && outcome === null ? 'Choose how the plan ended.' : undefined;
  const noteError = tried && noteRequired && note.trim() === '' ? 'Say why, for the record.' : undefined;
  const server = (field: string) => (isApiError(close.error) ? close.error.messageFor(field) : undefined);
  return (
    <Paper withBorder radius="md" p="md" bg="var(--mantine-color-default-hover)">
      <form
        noValidate
        aria-label="Close the plan"
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (outcome === null || (noteRequired && note.trim() === '')) return;
          close.mutate(outcome);
        }}
      >
        <Stack gap="sm">
          <Radio.Group
            label="Outcome"
            withAsterisk
            value={outcome}
            onChange={(value) => setOutcome(value as CoachingOutcome)}
            error={outcomeError ?? server('outcome')}
          >
            <Stack gap={6} mt={4}>
              {COACHING_OUTCOMES.map((value) => (
                <Radio
                  key={value}
                  value={value}
                  label={OUTCOME_LABELS[value]}
                  description={OUTCOME_DESCRIPTIONS[value]}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label="Note"
            withAsterisk={noteRequired}
            description={`${plan.repName} and the leaders above you can read it.`}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            rows={2}
            resize="vertical"
            maxLength={4000}
            error={noteError ?? server('note')}
          />
          {outcome === 'escalated' ? (
            <Text size="xs" c="dimmed">
              Closing as escalated does not take a ladder step: that is a separate decision, with its own reason, on the
              consequence ladder below.
            </Text>
          ) : null}
          {close.isError && !server('outcome') && !server('note') ? (
            <Alert color="red" variant="light" title="The plan was not closed" role="alert">
              {describeError(close.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onCancel} disabled={close.isPending}>
              Cancel
            </Button>
            <Button type="submit" color="dark" loading={close.isPending}>
              Close plan
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
