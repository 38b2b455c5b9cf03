import { Alert, Badge, Button, Group, List, Paper, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import { LADDER_STEPS } from '@rightly/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { describeError, isApiError } from '../../lib/api/api-error';
import { formatDate } from '../../lib/format/format';
import {
  invalidateAfterCoachingChange,
  LADDER_QUERY_KEY,
  takeLadderStep,
  useLadder,
  useRepAudit,
  type LadderResponse,
} from './coaching-api';
import { auditActionLabel, LADDER_STEP_LABELS } from './coaching-labels';
import { auditSummary, ladderAuditEntries, requirementList } from './ladder-model';

function LadderSteps({ current }: { current: LadderResponse['current'] }) {
  const currentIndex = LADDER_STEPS.indexOf(current);
  return (
    <Group gap={6} wrap="wrap" role="list" aria-label="Ladder steps">
      {LADDER_STEPS.map((step, index) => (
        <Group key={step} gap={6} wrap="nowrap" role="listitem">
          {index > 0 ? (
            <Text c="dimmed" aria-hidden="true">
              →
            </Text>
          ) : null}
          <Badge
            variant={index === currentIndex ? 'filled' : 'light'}
            color={index === currentIndex ? (index === 0 ? 'teal' : 'orange') : 'gray'}
            tt="none"
            size="lg"
            radius="sm"
            aria-current={index === currentIndex ? 'step' : undefined}
          >
            {LADDER_STEP_LABELS[step]}
          </Badge>
        </Group>
      ))}
    </Group>
  );
}

function NextStepForm({ repId, repName, ladder }: { repId: string; repName: string; ladder: LadderResponse }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [taken, setTaken] = useState<string | null>(null);
  const next = ladder.next;
  const step = useMutation({
    mutationFn: () => takeLadderStep(repId, { step: next ?? 'coach', reason: reason.trim() }),
    onSuccess: (response) => {
      queryClient.setQueryData([...LADDER_QUERY_KEY, repId], response.ladder);
      void invalidateAfterCoachingChange(queryClient, repId);
      setTaken(`${LADDER_STEP_LABELS[response.step.step]}: recorded in the audit log.`);
      setReason('');
      setTried(false);
    },
  });
  if (next === null) {
    return (
      <Text size="sm" c="dimmed">
        This is the last step on the ladder.
      </Text>
    );
  }
  const items = requirementList(ladder, reason);
  const reasonError =
    tried && reason.trim() === '' ? 'Write why this step is needed; it goes into the audit log.' : undefined;
  const serverReason = isApiError(step.error) ? step.error.messageFor('reason') : undefined;
  return (
    <Stack gap="sm">
      <div>
        <Text size="sm" fw={600} id={`requirements-${repId}`}>
          Before “{LADDER_STEP_LABELS[next]}”, the record must show
        </Text>
        <List
          size="sm"
          spacing={4}
          mt={4}
          listStyleType="none"
          ml={0}
          pl={0}
          aria-labelledby={`requirements-${repId}`}
          data-testid="ladder-requirements"
        >
          {items.map((item) => (
            <List.Item key={item.code} data-met={item.met}>
              <Group gap={6} wrap="nowrap" align="flex-start">
                <Text span fw={700} c={item.met ? 'teal.8' : 'red.8'} aria-hidden="true" w={14}>
                  {item.met ? '✓' : '✕'}
                </Text>
                <Text span size="sm">
                  {item.text}
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({item.met ? 'met' : 'not met'})
                  </Text>
                </Text>
              </Group>
            </List.Item>
          ))}
        </List>
      </div>
      {taken ? (
        <Alert color="teal" variant="light" title="Step taken" role="status">
          {taken}
        </Alert>
      ) : null}
      <form
        noValidate
        aria-label="Take the next step"
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          setTaken(null);
          if (reason.trim() !== '') step.mutate();
        }}
      >
        <Stack gap="sm">
          <Textarea
            label="Reason"
            withAsterisk
            description={`Written into the audit log with your name and the time; ${repName} and the leaders above you can read it.`}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            rows={2}
            resize="vertical"
            maxLength={4000}
            error={reasonError ?? (serverReason ? `${serverReason}.`.replace(/\.\.$/, '.') : undefined)}
          />
          {step.isError ? (
            <Alert color="red" variant="light" title="The step was not taken" role="alert" data-testid="ladder-refusal">
              {describeError(step.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button type="submit" color="orange" variant="outline" loading={step.isPending}>
              Take the next step: {LADDER_STEP_LABELS[next]}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function LadderAudit({ repId }: { repId: string }) {
  const audit = useRepAudit(repId);
  const [showAll, setShowAll] = useState(false);
  const titleId = useId();
  let body: ReactNode;
  if (audit.isPending) {
    body = <Skeleton height={48} role="status" aria-busy="true" aria-label="Loading the audit log" />;
  } else if (audit.isError) {
    body = (
      <QueryErrorAlert
        title="The audit log could not be loaded"
        error={audit.error}
        onRetry={() => void audit.refetch()}
        retrying={audit.isFetching}
      />
    );
  } else {
    const entries = showAll
      ? [...audit.data.entries].sort((a, b) => b.at.localeCompare(a.at))
      : ladderAuditEntries(audit.data.entries);
    body = (
      <Stack gap={6}>
        {entries.length === 0 ? (
          <Text size="sm" c="dimmed">
            {showAll ? 'Nothing on record yet.' : 'No ladder step or plan outcome on record.'}
          </Text>
        ) : (
          <List size="sm" spacing={6} listStyleType="none" ml={0} pl={0} aria-labelledby={titleId}>
            {entries.map((entry) => {
              const summary = auditSummary(entry);
              return (
                <List.Item key={entry.id}>
                  <Text size="sm" span fw={500}>
                    {auditActionLabel(entry.action)}
                  </Text>{' '}
                  <Text size="xs" span c="dimmed">
                    · {formatDate(entry.at.slice(0, 10))}
                    {entry.actorName ? ` · by ${entry.actorName}` : ''}
                  </Text>
                  {summary ? (
                    <Text size="xs" c="dimmed">
                      {summary}
                    </Text>
                  ) : null}
                </List.Item>
              );
            })}
          </List>
        )}
        <Group>
          <Button variant="subtle" size="compact-xs" onClick={() => setShowAll((value) => !value)}>
            {showAll ? 'Only ladder steps and outcomes' : 'Show every coaching entry'}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap={4} component="section" aria-labelledby={titleId}>
      <Text size="sm" fw={600} id={titleId}>
        Audit log
      </Text>
      {body}
    </Stack>
  );
}

/**
 * Coach and develop → role outside sales → remove and replace. Leaders and admins only. A step up
 * needs the step below on record; the server decides and says what is missing.
 */
export function LadderCard({ repId, repName, canLead }: { repId: string; repName: string; canLead: boolean }) {
  const titleId = useId();
  const ladder = useLadder(repId);
  let body: ReactNode;
  if (ladder.isPending) {
    body = (
      <Stack gap="xs" role="status" aria-busy="true" aria-label="Loading the consequence ladder">
        <Skeleton height={28} w={360} maw="100%" />
        <Skeleton height={80} />
      </Stack>
    );
  } else if (ladder.isError) {
    body = (
      <QueryErrorAlert
        title="The consequence ladder could not be loaded"
        error={ladder.error}
        onRetry={() => void ladder.refetch()}
        retrying={ladder.isFetching}
      />
    );
  } else {
    const data = ladder.data;
    const last = [...data.steps].sort((a, b) => b.takenAt.localeCompare(a.takenAt))[0];
    body = (
      <Stack gap="md">
        <div>
          <LadderSteps current={data.current} />
          <Text size="sm" c="dimmed" mt={6} data-testid="ladder-current">
            Current step: {LADDER_STEP_LABELS[data.current]}
            {last
              ? ` since ${formatDate(last.takenAt.slice(0, 10))}${last.takenByName ? `, by ${last.takenByName}` : ''}`
              : ''}
            .
          </Text>
        </div>
        {canLead ? (
          <>
            <NextStepForm repId={repId} repName={repName} ladder={data} />
            <LadderAudit repId={repId} />
          </>
        ) : (
          <StepsOnRecord steps={data.steps} />
        )}
      </Stack>
    );
  }
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={titleId}>
      <Group justify="space-between" align="baseline" mb="sm" gap="xs">
        <Title order={2} fz="lg" id={titleId}>
          Consequence ladder
        </Title>
        <Text size="xs" c="dimmed">
          Coaching first; a step up should stay rare
        </Text>
      </Group>
      {body}
    </Paper>
  );
}

/**
 * What the rep sees of their own ladder: the steps on record with the written reasons, never the
 * leaders' form or the audit log.
 */
function StepsOnRecord({ steps }: { steps: LadderResponse['steps'] }) {
  const sorted = [...steps].sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  return (
    <Stack gap="xs" data-testid="ladder-steps-on-record">
      {sorted.map((step) => (
        <Text size="sm" key={step.id}>
          {formatDate(step.takenAt.slice(0, 10))}: {LADDER_STEP_LABELS[step.step]}
          {step.takenByName ? ` (${step.takenByName})` : ''} — {step.reason}
        </Text>
      ))}
    </Stack>
  );
}
