import { Paper, Text, TextInput } from '@mantine/core';
import { useDeferredValue, useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { formatDate } from '../../lib/format/format';
import { useRoster } from '../roster/roster-api';
import { filterReps } from '../roster/roster-model';
import { RosterSkeleton } from '../roster/RosterSkeleton';
import { RepList } from './RepList';

export function RepsPage() {
  const roster = useRoster();
  // The search lives in the URL so the back button from a rep returns to the same filtered list.
  const [searchParams, setSearchParams] = useSearchParams();
  const [query, setQuery] = useState(() => searchParams.get('q') ?? '');
  const deferredQuery = useDeferredValue(query);

  function updateQuery(next: string) {
    setQuery(next);
    setSearchParams(next.trim() ? { q: next } : {}, { replace: true });
  }

  const header = (
    <PageHeader
      title="Reps"
      description={
        roster.data ? `Everyone you can see, as of ${formatDate(roster.data.asOf)}.` : 'Everyone you can see.'
      }
    />
  );

  if (roster.isPending) {
    return (
      <>
        {header}
        <RosterSkeleton />
      </>
    );
  }
  if (roster.isError) {
    return (
      <>
        {header}
        <QueryErrorAlert
          title="The reps could not be loaded"
          error={roster.error}
          onRetry={() => void roster.refetch()}
          retrying={roster.isFetching}
        />
      </>
    );
  }

  const allReps = roster.data.reps;
  const matching = filterReps(allReps, deferredQuery);

  return (
    <>
      {header}
      <TextInput
        label="Search reps"
        description="By rep or team name"
        placeholder="e.g. Riley or EMEA"
        type="search"
        value={query}
        onChange={(event) => updateQuery(event.currentTarget.value)}
        maw={420}
        mb="md"
      />
      <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
        {matching.length === allReps.length
          ? `${allReps.length} ${allReps.length === 1 ? 'rep' : 'reps'}`
          : `${matching.length} of ${allReps.length} reps match “${deferredQuery.trim()}”`}
      </Text>
      {allReps.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <Text fw={600}>No reps to show</Text>
          <Text size="sm" c="dimmed">
            There are no reps you can see yet.
          </Text>
        </Paper>
      ) : matching.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <Text fw={600}>No rep or team matches “{deferredQuery.trim()}”</Text>
          <Text size="sm" c="dimmed">
            Check the spelling, or search for part of a name.
          </Text>
        </Paper>
      ) : (
        <RepList entries={matching} />
      )}
    </>
  );
}
