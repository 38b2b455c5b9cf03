import { Alert, Paper, Text, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { formatDate, pluralize } from '../../lib/format/format';
import { useSignedInUser } from '../auth/signed-in-user';
import { countTeams, groupRosterByTeam } from './roster-model';
import { ROSTER_WEEKS, useRoster } from './roster-api';
import { RosterCards } from './RosterCards';
import { RosterSkeleton } from './RosterSkeleton';
import { RosterTable } from './RosterTable';

/**
 * Below `md` the roster turns into cards: with the navbar beside it (from `sm`), or on a phone, the
 * main area is too narrow for a table with a sparkline column.
 */
function useIsWideScreen(): boolean {
  const theme = useMantineTheme();
  return useMediaQuery(`(min-width: ${theme.breakpoints.md})`, true, { getInitialValueInEffect: false });
}

/** The Team page's Activity view: every rep's activities and held meetings, week by week. */
export function RosterView() {
  const me = useSignedInUser();
  const roster = useRoster();
  const isWide = useIsWideScreen();

  if (roster.isPending) return <RosterSkeleton />;
  if (roster.isError) {
    return (
      <QueryErrorAlert
        title="The roster could not be loaded"
        error={roster.error}
        onRetry={() => void roster.refetch()}
        retrying={roster.isFetching}
      />
    );
  }

  const { reps, asOf } = roster.data;
  const groups = groupRosterByTeam(reps);
  const teamCount = countTeams(reps);
  const summary = `Showing ${pluralize(reps.length, 'rep')}${teamCount > 1 ? ` in ${pluralize(teamCount, 'team')}` : ''} · as of ${formatDate(asOf)} · weekly figures for the last ${ROSTER_WEEKS} weeks`;

  return (
    <>
      <Text size="sm" c="dimmed" mb="md">
        {summary}
      </Text>
      {me.user.role === 'rep' ? (
        <Alert variant="light" color="blue" mb="md" title="Your own figures">
          As a rep you see your own row. Your leader sees the whole team here.
        </Alert>
      ) : null}
      {reps.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <Text fw={600}>No reps to show</Text>
          <Text size="sm" c="dimmed" mt={4}>
            {me.user.role === 'leader'
              ? 'The teams you lead have no reps yet.'
              : 'There are no reps in this organization yet. Reps appear here once they belong to a team.'}
          </Text>
        </Paper>
      ) : isWide ? (
        <RosterTable groups={groups} asOf={asOf} />
      ) : (
        <RosterCards groups={groups} asOf={asOf} />
      )}
      {reps.length > 0 ? (
        <Text size="xs" c="dimmed" mt="md">
          Activities per week leave out the week still in progress. Select a rep for their weekly chart.
        </Text>
      ) : null}
    </>
  );
}
