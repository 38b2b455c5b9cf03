import { Anchor, Paper, SimpleGrid, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { formatCount, formatDate } from '../../lib/format/format';
import { useRoster } from '../roster/roster-api';
import { RosterSkeleton } from '../roster/RosterSkeleton';
import { RepWeeklyCharts } from './RepWeeklyCharts';

function BackToReps() {
  return (
    <Anchor component={Link} to="/reps" size="sm" mb="xs" display="inline-block">
      ← All reps
    </Anchor>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="sm" c="dimmed" lh={1.3}>
        {label}
      </Text>
      <Text
        fw={700}
        fz={{ base: 'lg', sm: 'xl' }}
        mt={4}
        style={{ fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' }}
      >
        {value}
      </Text>
    </Paper>
  );
}

/** One rep from the roster the user may see: a rep outside their teams is simply not found. */
export function RepDetailPage() {
  const { repId } = useParams();
  const roster = useRoster();

  if (roster.isPending) {
    return (
      <>
        <BackToReps />
        <PageHeader title="Rep" description="Loading…" />
        <RosterSkeleton />
      </>
    );
  }
  if (roster.isError) {
    return (
      <>
        <BackToReps />
        <PageHeader title="Rep" />
        <QueryErrorAlert
          title="The rep could not be loaded"
          error={roster.error}
          onRetry={() => void roster.refetch()}
          retrying={roster.isFetching}
        />
      </>
    );
  }

  const entry = roster.data.reps.find((candidate) => candidate.rep.id === repId);
  if (!entry) {
    return (
      <>
        <BackToReps />
        <PageHeader title="Rep not found" />
        <Text>
          There is no rep with this link among the reps you can see. They may have left, or be on a team you do not
          lead.
        </Text>
      </>
    );
  }

  return (
    <>
      <BackToReps />
      <PageHeader title={entry.rep.name} description={`${entry.rep.email} · as of ${formatDate(roster.data.asOf)}`} />
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" mb="lg">
        <Stat label="Team" value={entry.team?.name ?? 'No team'} />
        <Stat label="Leader" value={entry.leader?.name ?? 'No leader'} />
        <Stat label="Activities, last 4 weeks" value={formatCount(entry.activitiesLast4Weeks)} />
        <Stat label="Meetings held, last 4 weeks" value={formatCount(entry.meetingsHeldLast4Weeks)} />
      </SimpleGrid>
      <RepWeeklyCharts entry={entry} asOf={roster.data.asOf} />
    </>
  );
}
