import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { addDays } from '@rightly/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { describeError, isApiError } from '../../lib/api/api-error';
import { formatDate } from '../../lib/format/format';
import { addSession, COACHING_PLAN_QUERY_KEY, invalidateAfterCoachingChange, type CoachingPlan } from './coaching-api';
import {
  emptySessionDraft,
  hasErrors,
  validateSessionDraft,
  type CommitmentDraft,
  type SessionDraft,
} from './plan-model';

interface SessionFormProps {
  plan: CoachingPlan;
  today: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/**
 * Records a 1:1 that was held: the date, the notes (optionally private to leaders) and the
 * commitments agreed, each with an owner and a due date. The server opens the session's agenda
 * from the rep's latest evidence, open commitments and self-report comments.
 */
export function SessionForm({ plan, today, onDone, onCancel }: SessionFormProps) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<SessionDraft>(() => emptySessionDraft(today));
  const [tried, setTried] = useState(false);
  const nextKey = useRef(1);
  const firstName = plan.repName.split(/\s+/)[0] ?? plan.repName;
  const save = useMutation({
    mutationFn: () =>
      addSession(plan.id, {
        heldOn: draft.heldOn,
        notes: draft.notes.trim(),
        privateToLeaders: draft.privateToLeaders,
        commitments: draft.commitments.map((commitment) => ({
          text: commitment.text.trim(),
          owner: commitment.owner,
          dueOn: commitment.dueOn,
        })),
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData([...COACHING_PLAN_QUERY_KEY, plan.id], updated);
      void invalidateAfterCoachingChange(queryClient, plan.repId);
      const agreed = draft.commitments.length;
      onDone(
        `Session of ${draft.heldOn === today ? 'today' : formatDate(draft.heldOn)} saved${agreed > 0 ? ` with ${agreed} ${agreed === 1 ? 'commitment' : 'commitments'}` : ''}.`,
      );
    },
  });
  const errors = tried ? validateSessionDraft(draft, today) : {};
  const server = (field: string) => (isApiError(save.error) ? save.error.messageFor(field) : undefined);

  function updateCommitment(key: number, patch: Partial<CommitmentDraft>) {
    setDraft((current) => ({
      ...current,
      commitments: current.commitments.map((row) => (row.key === key ? { ...row, ...patch } : row)),
    }));
  }

  function addRow() {
    const key = nextKey.current++;
    setDraft((current) => ({
      ...current,
      commitments: [...current.commitments, { key, text: '', owner: 'rep', dueOn: addDays(current.heldOn, 7) }],
    }));
  }

  return (
    <Paper withBorder radius="md" p="md" bg="var(--mantine-color-default-hover)">
      <form
        noValidate
        aria-label="Hold a session"
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (!hasErrors(validateSessionDraft(draft, today))) save.mutate();
        }}
      >
        <Stack gap="sm">
          <TextInput
            type="date"
            label="Held on"
            withAsterisk
            value={draft.heldOn}
            max={today}
            onChange={(event) => setDraft({ ...draft, heldOn: event.currentTarget.value })}
            error={errors.heldOn ?? server('heldOn')}
            w={{ base: '100%', xs: 220 }}
          />
          <Textarea
            label="Notes"
            description="What you talked about, what you saw, what you agreed."
            value={draft.notes}
            onChange={(event) => setDraft({ ...draft, notes: event.currentTarget.value })}
            rows={3}
            resize="vertical"
            maxLength={20000}
            error={errors.notes ?? server('notes')}
          />
          <Switch
            label="Notes private to leaders"
            description={`${firstName} will not see these notes; the date, the agenda and the commitments stay visible.`}
            checked={draft.privateToLeaders}
            onChange={(event) => setDraft({ ...draft, privateToLeaders: event.currentTarget.checked })}
          />
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              Commitments
            </Text>
            {draft.commitments.length === 0 ? (
              <Text size="xs" c="dimmed">
                Action items agreed in this session, each with an owner and a due date.
              </Text>
            ) : null}
            {draft.commitments.map((row, index) => {
              const rowErrors = errors.commitments?.[row.key] ?? {};
              return (
                <Paper key={row.key} withBorder radius="sm" p="xs" data-testid="commitment-row">
                  <Stack gap={6}>
                    <Group gap="xs" align="flex-start" wrap="nowrap">
                      <TextInput
                        style={{ flex: 1 }}
                        label={`Commitment ${index + 1}`}
                        placeholder="e.g. Book three first meetings with the Acme shortlist"
                        value={row.text}
                        onChange={(event) => updateCommitment(row.key, { text: event.currentTarget.value })}
                        maxLength={1000}
                        error={rowErrors.text ?? server(`commitments.${index}.text`)}
                      />
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        mt={26}
                        aria-label={`Remove commitment ${index + 1}`}
                        onClick={() =>
                          setDraft({
                            ...draft,
                            commitments: draft.commitments.filter((other) => other.key !== row.key),
                          })
                        }
                      >
                        ✕
                      </ActionIcon>
                    </Group>
                    <Group gap="sm" align="flex-end" wrap="wrap">
                      <div>
                        <Text size="sm" fw={500} id={`owner-${row.key}`} mb={2}>
                          Owner
                        </Text>
                        <SegmentedControl
                          size="xs"
                          aria-labelledby={`owner-${row.key}`}
                          value={row.owner}
                          onChange={(value) =>
                            updateCommitment(row.key, { owner: value === 'leader' ? 'leader' : 'rep' })
                          }
                          data={[
                            { value: 'rep', label: firstName },
                            { value: 'leader', label: 'Me' },
                          ]}
                        />
                      </div>
                      <TextInput
                        type="date"
                        label={`Due on (commitment ${index + 1})`}
                        value={row.dueOn}
                        min={draft.heldOn}
                        onChange={(event) => updateCommitment(row.key, { dueOn: event.currentTarget.value })}
                        error={rowErrors.dueOn ?? server(`commitments.${index}.dueOn`)}
                        w={{ base: '100%', xs: 200 }}
                      />
                    </Group>
                  </Stack>
                </Paper>
              );
            })}
            <Group>
              <Button variant="light" size="xs" onClick={addRow}>
                Add a commitment
              </Button>
            </Group>
          </Stack>
          {save.isError && !server('heldOn') && !server('notes') ? (
            <Alert color="red" variant="light" title="The session was not saved" role="alert">
              {describeError(save.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onCancel} disabled={save.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save session
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
