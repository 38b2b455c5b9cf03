import { Alert, Badge, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../lib/api/api-error';
import { useSignedInUser } from '../auth/signed-in-user';
import { invalidateAfterCoachingChange, setCommitmentDone, type Commitment } from './coaching-api';
import { canTickCommitment, commitmentDueText } from './plan-model';

function CommitmentRow({
  commitment,
  repId,
  today,
  planActive,
}: {
  commitment: Commitment;
  repId: string;
  today: string;
  planActive: boolean;
}) {
  const me = useSignedInUser();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  /**
   * The tick as the rep set it, until the plan has been read again. Set in the click handler
   * itself: a controlled checkbox whose value changes only on the mutation's next render snaps
   * back for a moment after the click, and a tick that flickers reads as "it did not take".
   */
  const [ticked, setTicked] = useState<boolean | null>(null);
  const toggle = useMutation({
    mutationFn: (done: boolean) => setCommitmentDone(commitment.id, done),
    onMutate: () => setError(null),
    // Returned, so the mutation stays pending until the plan is read again with the new tick.
    onSuccess: () => invalidateAfterCoachingChange(queryClient, repId),
    onError: (cause) => setError(describeError(cause)),
    onSettled: () => setTicked(null),
  });
  const done = ticked ?? commitment.doneAt !== null;
  const mine = commitment.ownerId === me.user.id;
  const canTick = canTickCommitment(commitment, me.user, planActive);
  const overdue = commitment.doneAt === null && commitment.dueOn < today;
  const ownerText = mine ? 'You' : commitment.ownerName;
  return (
    <Paper component="li" withBorder radius="sm" p="xs" style={{ listStyle: 'none' }} data-commitment={commitment.id}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Checkbox
          mt={2}
          checked={done}
          disabled={!canTick || toggle.isPending}
          onChange={(event) => {
            const checked = event.currentTarget.checked;
            setTicked(checked);
            toggle.mutate(checked);
          }}
          aria-label={`Done: ${commitment.text}`}
        />
        <div style={{ minWidth: 0, flex: 1 }}>
          <Text size="sm" td={done ? 'line-through' : undefined} c={done ? 'dimmed' : undefined}>
            {commitment.text}
          </Text>
          <Group gap={6} mt={2}>
            <Badge size="sm" variant="light" color={commitment.owner === 'rep' ? 'blue' : 'grape'} tt="none">
              {ownerText}
            </Badge>
            <Text size="xs" c={overdue ? 'red.8' : 'dimmed'} fw={overdue ? 600 : undefined}>
              {commitmentDueText(commitment, today)}
            </Text>
          </Group>
          {error ? (
            <Alert color="red" variant="light" mt={6} p="xs" role="alert">
              <Text size="xs">{error}</Text>
            </Alert>
          ) : null}
        </div>
      </Group>
    </Paper>
  );
}

/** Action items with an owner and a due date; the owner ticks them off (the rep for their own). */
export function CommitmentList({
  commitments,
  repId,
  today,
  planActive,
  label,
}: {
  commitments: readonly Commitment[];
  repId: string;
  today: string;
  planActive: boolean;
  label: string;
}) {
  if (commitments.length === 0) return null;
  return (
    <Stack component="ul" gap={6} p={0} m={0} aria-label={label}>
      {commitments.map((commitment) => (
        <CommitmentRow
          key={commitment.id}
          commitment={commitment}
          repId={repId}
          today={today}
          planActive={planActive}
        />
      ))}
    </Stack>
  );
}
