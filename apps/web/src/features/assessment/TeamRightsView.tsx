import { Grid, Group, Paper, Skeleton, Stack, Text, Title, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { severity, type Right } from '@rightly/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { RouterAnchor } from '../../components/RouterAnchor';
import { formatDate, pluralize } from '../../lib/format/format';
import { useSignedInUser } from '../auth/signed-in-user';
import { TeamSelect } from '../teams/TeamSelect';
import { useTeamAssessment } from './assessment-api';
import { EvidenceDrawer } from './EvidenceDrawer';
import { NeedsHelpList } from './NeedsHelpList';
import { currentPeriodKey, todayIn } from './period-nav';
import { PeriodPicker } from './PeriodPicker';
import { RIGHT_ORDER } from './status';
import { StatusBadge } from './StatusBadge';
import { TeamMatrix } from './TeamMatrix';

function MatrixSkeleton() {
  return (
    <Stack gap="sm" role="status" aria-busy="true" aria-label="Loading the three rights">
      <Skeleton height={90} />
      {Array.from({ length: 6 }, (_, index) => (
        <Skeleton key={index} height={48} />
      ))}
    </Stack>
  );
}

function Legend() {
  return (
    <Group gap="xs" aria-label="What the colours mean" role="list">
      {(['on_track', 'at_risk', 'off_track', 'no_data'] as const).map((status) => (
        <span role="listitem" key={status}>
          <StatusBadge status={status} />
        </span>
      ))}
    </Group>
  );
}

/**
 * The Team page's main view: for one period (and optionally one team), where each rep stands on
 * the three rights, who needs help first, and the evidence behind every cell. Period and team live
 * in the URL so a link shows the same picture.
 */
export function TeamRightsView() {
  const me = useSignedInUser();
  const theme = useMantineTheme();
  const isWide = useMediaQuery(`(min-width: ${theme.breakpoints.md})`, true, { getInitialValueInEffect: false });
  // From `xl` there is room for "Who needs help" beside the matrix; below it goes above.
  const isVeryWide = useMediaQuery(`(min-width: ${theme.breakpoints.xl})`, false, { getInitialValueInEffect: false });
  const [searchParams, setSearchParams] = useSearchParams();
  const today = todayIn(me.organization.timeZone);
  const periodParam = searchParams.get('period');
  const teamParam = searchParams.get('team');
  const assessment = useTeamAssessment({ team: teamParam, period: periodParam });
  const [open, setOpen] = useState<{ repId: string; right: Right } | null>(null);
  const isRep = me.user.role === 'rep';

  const periodKey = periodParam ?? assessment.data?.period.key ?? currentPeriodKey('week', today);

  function update(name: 'period' | 'team', value: string | null) {
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: false },
    );
  }

  const controls = (
    <Group justify="space-between" align="flex-end" gap="sm" mb="md" wrap="wrap">
      <PeriodPicker
        periodKey={periodKey}
        today={today}
        onChange={(key) => update('period', key)}
        loading={assessment.isPlaceholderData}
      />
      {isRep ? null : (
        <TeamSelect
          label="Team"
          allLabel={me.user.role === 'admin' ? 'All teams' : 'All my teams'}
          value={teamParam}
          onChange={(teamId) => update('team', teamId)}
          w={{ base: '100%', xs: 240 }}
        />
      )}
    </Group>
  );

  if (assessment.isPending) {
    return (
      <>
        {controls}
        <MatrixSkeleton />
      </>
    );
  }
  if (assessment.isError) {
    return (
      <>
        {controls}
        <QueryErrorAlert
          title="The three rights could not be assessed"
          error={assessment.error}
          onRetry={() => void assessment.refetch()}
          retrying={assessment.isFetching}
        />
      </>
    );
  }

  const data = assessment.data;
  const openEntry = open ? (data.reps.find((entry) => entry.rep.id === open.repId) ?? null) : null;

  function openEvidence(repId: string, right: Right | null) {
    const entry = data.reps.find((candidate) => candidate.rep.id === repId);
    if (!entry) return;
    // A rep opens on their most serious right.
    const worst = [...RIGHT_ORDER].sort(
      (a, b) => severity(entry.rights[b].status) - severity(entry.rights[a].status),
    )[0];
    setOpen({ repId, right: right ?? worst ?? 'thing' });
  }

  const matrix = (
    <Stack gap="xs" component="section" aria-labelledby="matrix-title">
      <Group justify="space-between" align="center" gap="xs">
        <Title order={2} fz="lg" id="matrix-title">
          Three rights
        </Title>
        <Legend />
      </Group>
      <Text size="sm" c="dimmed">
        Select a cell or a rep for the evidence behind it.
      </Text>
      <TeamMatrix reps={data.reps} onOpen={openEvidence} withSentences={isWide} />
    </Stack>
  );

  return (
    <>
      {controls}
      <Text size="sm" c="dimmed" mb="md">
        {pluralize(data.reps.length, 'rep')} · as of {formatDate(data.asOf)} ·{' '}
        {data.period.closed ? 'period closed' : 'period in progress: pace is judged against the days gone by'}
      </Text>
      {data.reps.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <Text fw={600}>No reps to assess</Text>
          <Text size="sm" c="dimmed" mt={4}>
            {teamParam
              ? 'This team has no reps in this period.'
              : 'There are no reps you can see yet. Reps appear here once they belong to a team.'}
          </Text>
        </Paper>
      ) : (
        <div style={{ opacity: assessment.isPlaceholderData ? 0.6 : 1 }} aria-busy={assessment.isPlaceholderData}>
          {isRep ? (
            <Stack gap="md">
              {matrix}
              <RouterAnchor to={`/reps/${me.user.id}`} size="sm">
                Your evidence, trends and forecast →
              </RouterAnchor>
            </Stack>
          ) : isVeryWide ? (
            <Grid gap="xl">
              <Grid.Col span={8}>{matrix}</Grid.Col>
              <Grid.Col span={4}>
                <NeedsHelpList entries={data.needsHelp} columns={1} initialCount={5} />
              </Grid.Col>
            </Grid>
          ) : (
            <Stack gap="xl">
              <NeedsHelpList entries={data.needsHelp} columns={{ base: 1, sm: 2 }} initialCount={isWide ? 4 : 3} />
              {matrix}
            </Stack>
          )}
        </div>
      )}
      <EvidenceDrawer
        entry={openEntry}
        right={open?.right ?? 'thing'}
        onRightChange={(right) => setOpen((current) => (current ? { ...current, right } : current))}
        period={data.period}
        timeZone={me.organization.timeZone}
        currency={me.organization.currency}
        onClose={() => setOpen(null)}
      />
    </>
  );
}
