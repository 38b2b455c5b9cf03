import { Alert, Anchor, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { describeError } from '../../lib/api/api-error';
import { formatDate } from '../../lib/format/format';
import { todayIn } from '../assessment/period-nav';
import { useSignedInUser } from '../auth/signed-in-user';
import { useMetrics } from '../metrics/metrics-api';
import { ExpectationEditor } from './ExpectationEditor';
import { emptyForm, formFromExpectation } from './expectation-form';
import { canEditExpectations } from './ExpectationsPage';
import { useEndExpectation, useExpectations, type Expectation } from './expectations-api';

function BackToList() {
  return (
    <Anchor component={Link} to="/expectations" size="sm" mb="xs" display="inline-block">
      ← All expectations
    </Anchor>
  );
}

function EndExpectationButton({
  expectation,
  today,
  onEnded,
}: {
  expectation: Expectation;
  today: string;
  onEnded: () => void;
}) {
  const [opened, setOpened] = useState(false);
  const [endsOn, setEndsOn] = useState(today);
  const end = useEndExpectation();
  return (
    <>
      <Button variant="outline" color="red" onClick={() => setOpened(true)}>
        End expectation
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={`End “${expectation.name}”?`}>
        <Stack gap="sm">
          <Text size="sm">
            It stops applying after the day below. Its past assessments stay as they were recorded; it moves to the
            ended expectations.
          </Text>
          <TextInput
            type="date"
            label="Last day it applies"
            value={endsOn}
            onChange={(event) => setEndsOn(event.currentTarget.value)}
            min={expectation.startsOn}
          />
          {end.isError ? (
            <Alert color="red" variant="light" role="alert" title="It was not ended">
              {describeError(end.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)} disabled={end.isPending}>
              Keep it
            </Button>
            <Button
              color="red"
              loading={end.isPending}
              onClick={() =>
                end.mutate(
                  { id: expectation.id, ...(endsOn ? { endsOn } : {}) },
                  {
                    onSuccess: () => {
                      setOpened(false);
                      onEnded();
                    },
                  },
                )
              }
            >
              End expectation
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** `/expectations/new` and `/expectations/:id`: the editor, for leaders and admins. */
export function ExpectationEditorPage() {
  const { expectationId } = useParams();
  const [searchParams] = useSearchParams();
  const me = useSignedInUser();
  const navigate = useNavigate();
  const today = todayIn(me.organization.timeZone);
  const isNew = expectationId === undefined;
  const expectations = useExpectations();
  const metrics = useMetrics();
  const existing = isNew ? null : (expectations.data?.expectations.find((e) => e.id === expectationId) ?? null);
  // The editor reads this once, when it mounts (it is keyed by the expectation), so a reload of
  // the list in the background never resets what is being typed.
  const initial = existing ? formFromExpectation(existing) : emptyForm(today);

  const title = isNew ? 'New expectation' : (existing?.name ?? 'Expectation');
  const header = (
    <>
      <BackToList />
      <PageHeader
        title={title}
        description={isNew ? 'The right thing, the right way, at the right time.' : undefined}
      />
    </>
  );

  if (!canEditExpectations(me.user.role)) {
    return (
      <>
        {header}
        <Alert color="blue" variant="light" title="Only leaders and admins change expectations">
          You can read every expectation that applies to you on the Expectations page.
        </Alert>
      </>
    );
  }
  if ((!isNew && expectations.isPending) || metrics.isPending) {
    return (
      <>
        {header}
        <Text c="dimmed" size="sm" role="status">
          Loading…
        </Text>
      </>
    );
  }
  if (!isNew && expectations.isError) {
    return (
      <>
        {header}
        <QueryErrorAlert
          title="The expectation could not be loaded"
          error={expectations.error}
          onRetry={() => void expectations.refetch()}
          retrying={expectations.isFetching}
        />
      </>
    );
  }
  if (metrics.isError) {
    return (
      <>
        {header}
        <QueryErrorAlert
          title="The metrics could not be loaded"
          error={metrics.error}
          onRetry={() => void metrics.refetch()}
          retrying={metrics.isFetching}
        />
      </>
    );
  }
  if (!isNew && !existing) {
    return (
      <>
        {header}
        <Text>There is no expectation with this link. It may have been removed.</Text>
      </>
    );
  }

  const ended = existing !== null && !existing.active && existing.startsOn <= today;
  return (
    <>
      {header}
      {searchParams.get('adopted') && existing ? (
        <Alert color="teal" variant="light" mb="md" title="Adopted from the playbook">
          “{existing.name}” is saved and applies from {formatDate(existing.startsOn)}. Adjust it here (the target was
          suggested from history) and save.
        </Alert>
      ) : null}
      {ended && existing ? (
        <Alert color="gray" variant="light" mb="md" title="Ended">
          This expectation ended{existing.endsOn ? ` on ${formatDate(existing.endsOn)}` : ''}. Changing the end date
          below brings it back.
        </Alert>
      ) : null}
      <ExpectationEditor
        key={existing?.id ?? 'new'}
        initial={initial}
        expectation={existing}
        metrics={metrics.data.metrics}
        currency={me.organization.currency}
        onSaved={() => void navigate('/expectations')}
        onCancel={() => void navigate('/expectations')}
        actions={
          existing && !ended ? (
            <EndExpectationButton expectation={existing} today={today} onEnded={() => void navigate('/expectations')} />
          ) : null
        }
      />
    </>
  );
}
