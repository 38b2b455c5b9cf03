import { Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { formatDate } from '../../lib/format/format';
import { useSignedInUser } from '../auth/signed-in-user';
import { useRepAssessment } from './assessment-api';
import { currentPeriodKey, todayIn } from './period-nav';
import { PeriodPicker } from './PeriodPicker';
import { RightEvidence } from './RightEvidence';
import { RIGHT_LABELS, RIGHT_ORDER, RIGHT_QUESTIONS } from './status';
import { StatusBadge } from './StatusBadge';

export function EvidenceSkeleton({ label }: { label: string }) {
  return (
    <Stack gap="sm" role="status" aria-busy="true" aria-label={label}>
      <Skeleton height={28} width="50%" />
      <Skeleton height={140} />
      <Skeleton height={140} />
    </Stack>
  );
}

/** Per right: the status, the sentences and each expectation's numbers, for the chosen period. */
export function RepEvidenceTab({ repId }: { repId: string }) {
  const me = useSignedInUser();
  const today = todayIn(me.organization.timeZone);
  const [searchParams, setSearchParams] = useSearchParams();
  const periodParam = searchParams.get('period');
  // Two periods are the least the API gives; the trend itself is the Trends tab's business.
  const assessment = useRepAssessment(repId, { period: periodParam, periods: 2 });
  const periodKey = periodParam ?? assessment.data?.period.key ?? currentPeriodKey('week', today);

  const picker = (
    <Group mb="md">
      <PeriodPicker
        periodKey={periodKey}
        today={today}
        loading={assessment.isPlaceholderData}
        onChange={(key) =>
          setSearchParams((previous) => {
            const next = new URLSearchParams(previous);
            next.set('period', key);
            return next;
          })
        }
      />
    </Group>
  );

  if (assessment.isPending) {
    return (
      <>
        {picker}
        <EvidenceSkeleton label="Loading the evidence" />
      </>
    );
  }
  if (assessment.isError) {
    return (
      <>
        {picker}
        <QueryErrorAlert
          title="The evidence could not be loaded"
          error={assessment.error}
          onRetry={() => void assessment.refetch()}
          retrying={assessment.isFetching}
        />
      </>
    );
  }

  const data = assessment.data;
  return (
    <>
      {picker}
      <Text size="sm" c="dimmed" mb="md">
        As of {formatDate(data.asOf)} · {data.period.closed ? 'period closed' : 'period in progress'}
        {data.assessments.length === 0 ? ' · no expectation applies to this rep in this period' : ''}
      </Text>
      <Stack
        gap="lg"
        style={{ opacity: assessment.isPlaceholderData ? 0.6 : 1 }}
        aria-busy={assessment.isPlaceholderData}
      >
        {RIGHT_ORDER.map((right) => (
          <Paper
            key={right}
            withBorder
            radius="md"
            p={{ base: 'sm', sm: 'md' }}
            component="section"
            aria-labelledby={`evidence-${right}`}
          >
            <Group gap="sm">
              <Title order={2} fz="lg" id={`evidence-${right}`}>
                {RIGHT_LABELS[right]}
              </Title>
              <StatusBadge status={data.rights[right].status} />
            </Group>
            <Text size="sm" c="dimmed" mb="sm">
              {RIGHT_QUESTIONS[right]}
            </Text>
            <RightEvidence
              right={right}
              cell={data.rights[right]}
              assessments={data.assessments}
              timeZone={me.organization.timeZone}
              currency={me.organization.currency}
              columns={{ base: 1, lg: 2 }}
              withSummary={false}
            />
          </Paper>
        ))}
      </Stack>
    </>
  );
}
