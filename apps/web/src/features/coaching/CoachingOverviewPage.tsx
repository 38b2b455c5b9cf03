import { LineChart } from '@mantine/charts';
import {
  Anchor,
  Badge,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  useMantineTheme,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useId, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { RouterAnchor } from '../../components/RouterAnchor';
import { formatDate, pluralize } from '../../lib/format/format';
import { todayIn } from '../assessment/period-nav';
import { useSignedInUser } from '../auth/signed-in-user';
import { TeamSelect } from '../teams/TeamSelect';
import { matrixCsvUrl, useCoachingPlans, useTeamHealth, type TeamHealth } from './coaching-api';
import { healthFigures, healthTrendData } from './health-model';
import { overviewRows, type OverviewRow } from './plan-model';
import { FocusBadges } from './CoachingPlanView';

function ReviewText({ row }: { row: OverviewRow }) {
  return (
    <Text component="div" size="sm" c={row.overdue ? 'orange.9' : undefined} fw={row.overdue ? 600 : undefined}>
      {row.overdue ? (
        <Badge size="xs" color="orange" variant="filled" mr={6} component="span">
          Overdue
        </Badge>
      ) : null}
      {row.reviewText}
    </Text>
  );
}

function PlansTable({ rows }: { rows: OverviewRow[] }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label="Active coaching plans" verticalSpacing="xs" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Rep</Table.Th>
            <Table.Th scope="col">Focus</Table.Th>
            <Table.Th scope="col" ta="right">
              Sessions held
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Open commitments
            </Table.Th>
            <Table.Th scope="col">Review</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.plan.id} data-overdue={row.overdue}>
              <Table.Th scope="row" fw={500}>
                <RouterAnchor to={`/reps/${row.plan.repId}?tab=coaching`} size="sm" fw={600}>
                  {row.plan.repName}
                </RouterAnchor>
                <Text size="xs" c="dimmed">
                  {row.plan.teamName ?? 'No team'} · since {formatDate(row.plan.startedOn)}
                </Text>
              </Table.Th>
              <Table.Td>
                <FocusBadges focus={row.plan.focus} />
              </Table.Td>
              <Table.Td ta="right">{row.plan.sessionsHeld}</Table.Td>
              <Table.Td ta="right">{row.plan.openCommitments}</Table.Td>
              <Table.Td>
                <ReviewText row={row} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PlansCards({ rows }: { rows: OverviewRow[] }) {
  return (
    <Stack component="ul" gap="xs" p={0} m={0} aria-label="Active coaching plans">
      {rows.map((row) => (
        <Paper key={row.plan.id} component="li" withBorder radius="md" p="sm" style={{ listStyle: 'none' }}>
          <RouterAnchor to={`/reps/${row.plan.repId}?tab=coaching`} fw={700}>
            {row.plan.repName}
          </RouterAnchor>
          <Text size="xs" c="dimmed" mb={6}>
            {row.plan.teamName ?? 'No team'} · since {formatDate(row.plan.startedOn)}
          </Text>
          <FocusBadges focus={row.plan.focus} />
          <Text size="sm" mt={6}>
            {pluralize(row.plan.sessionsHeld, 'session')} held · {row.plan.openCommitments} open{' '}
            {row.plan.openCommitments === 1 ? 'commitment' : 'commitments'}
          </Text>
          <ReviewText row={row} />
        </Paper>
      ))}
    </Stack>
  );
}

function ActivePlans({ team, today }: { team: string | null; today: string }) {
  const theme = useMantineTheme();
  const isWide = useMediaQuery(`(min-width: ${theme.breakpoints.sm})`, true, { getInitialValueInEffect: false });
  const titleId = useId();
  const plans = useCoachingPlans({ team, status: 'active' });
  let body: ReactNode;
  if (plans.isPending) {
    body = (
      <Stack gap="xs" role="status" aria-busy="true" aria-label="Loading the active plans">
        {Array.from({ length: 4 }, (_, index) => (
          <Skeleton key={index} height={44} />
        ))}
      </Stack>
    );
  } else if (plans.isError) {
    body = (
      <QueryErrorAlert
        title="The coaching plans could not be loaded"
        error={plans.error}
        onRetry={() => void plans.refetch()}
        retrying={plans.isFetching}
      />
    );
  } else {
    const rows = overviewRows(plans.data.plans, today);
    const overdue = rows.filter((row) => row.overdue).length;
    body =
      rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No coaching plan is running{team ? ' in this team' : ''}. Start one from “Who needs help” on the Team page or
          from a rep’s Coaching tab.
        </Text>
      ) : (
        <Stack gap="xs" style={{ opacity: plans.isPlaceholderData ? 0.6 : 1 }}>
          <Text size="sm" c="dimmed">
            {pluralize(rows.length, 'plan')} running
            {overdue > 0 ? ` · ${overdue} ${overdue === 1 ? 'review is' : 'reviews are'} overdue` : ''}
          </Text>
          {isWide ? <PlansTable rows={rows} /> : <PlansCards rows={rows} />}
        </Stack>
      );
  }
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby={titleId}>
      <Title order={2} fz="lg" id={titleId} mb="xs">
        Active plans
      </Title>
      {body}
    </Paper>
  );
}

function HealthPanel({ health }: { health: TeamHealth }) {
  const figures = healthFigures(health);
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" component="dl" m={0}>
      {figures.map((figure) => (
        <Paper
          key={figure.key}
          withBorder
          radius="sm"
          p="xs"
          data-figure={figure.key}
          data-tone={figure.tone}
          style={
            figure.tone === 'warn'
              ? { borderColor: 'var(--mantine-color-orange-5)' }
              : figure.tone === 'good'
                ? { borderColor: 'var(--mantine-color-teal-4)' }
                : undefined
          }
        >
          <Text component="dt" size="xs" c="dimmed" fw={600}>
            {figure.label}
          </Text>
          <Text component="dd" m={0} fz="xl" fw={700}>
            {figure.value}
          </Text>
          <Text size="xs" c={figure.tone === 'warn' ? 'orange.9' : 'dimmed'}>
            {figure.hint}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

const TREND_SERIES = [
  { name: 'results', label: 'Results: target met', color: 'dark.5' },
  { name: 'thing', label: 'Right thing on track', color: 'teal.6' },
  { name: 'way', label: 'Right way on track', color: 'blue.6' },
  { name: 'time', label: 'Right time on track', color: 'grape.6' },
];

function TrendChart({ health }: { health: TeamHealth }) {
  const data = healthTrendData(health.trend);
  const measured = data.some(
    (point) => point.results !== null || point.thing !== null || point.way !== null || point.time !== null,
  );
  if (!measured) {
    return (
      <Text size="sm" c="dimmed">
        No assessment in these periods yet.
      </Text>
    );
  }
  const percent = (value: number) => `${Math.round(value)}%`;
  return (
    <>
      <LineChart
        h={240}
        data={data}
        dataKey="label"
        series={TREND_SERIES}
        curveType="linear"
        connectNulls={false}
        valueFormatter={percent}
        yAxisProps={{ width: 44, domain: [0, 100], tickFormatter: percent }}
        xAxisProps={{ interval: 'preserveStartEnd', minTickGap: 8 }}
      />
      {/* Our own legend: it wraps on a phone, where the chart's own would spill out of the card. */}
      <Group gap="xs" mt="xs" justify="center" role="list" aria-label="Lines">
        {TREND_SERIES.map((series) => (
          <Group key={series.name} gap={6} wrap="nowrap" role="listitem">
            <span
              aria-hidden="true"
              style={{
                width: 10,
                height: 10,
                borderRadius: '50%',
                background: `var(--mantine-color-${series.color.replace('.', '-')})`,
              }}
            />
            <Text size="xs">{series.label}</Text>
          </Group>
        ))}
      </Group>
    </>
  );
}

function OverviewSections({ team, plans }: { team: string | null; plans: ReactNode }) {
  const healthTitle = useId();
  const trendTitle = useId();
  const health = useTeamHealth(team);
  let panel: ReactNode;
  let trend: ReactNode;
  if (health.isPending) {
    panel = <Skeleton height={220} role="status" aria-busy="true" aria-label="Loading the accountability health" />;
    trend = <Skeleton height={260} />;
  } else if (health.isError) {
    panel = (
      <QueryErrorAlert
        title="The accountability health could not be loaded"
        error={health.error}
        onRetry={() => void health.refetch()}
        retrying={health.isFetching}
      />
    );
    trend = null;
  } else {
    panel = (
      <Stack gap="xs" style={{ opacity: health.isPlaceholderData ? 0.6 : 1 }}>
        <Text size="sm" c="dimmed">
          {health.data.teamName} · {pluralize(health.data.repsInScope, 'rep')} · as of {formatDate(health.data.asOf)}
        </Text>
        <HealthPanel health={health.data} />
        <Text size="xs" c="dimmed">
          Escalations are ladder steps above coaching. They should stay rare: most misses turn with coaching and a
          shorter reporting cadence.
        </Text>
      </Stack>
    );
    trend = <TrendChart health={health.data} />;
  }
  const panelSection = (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby={healthTitle}>
      <Title order={2} fz="lg" id={healthTitle} mb="xs">
        Accountability health
      </Title>
      {panel}
    </Paper>
  );
  const trendSection =
    trend !== null ? (
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby={trendTitle}>
        <Title order={2} fz="lg" id={trendTitle}>
          Team trend, last 13 periods
        </Title>
        <Text size="xs" c="dimmed" mb="sm">
          Share of the team’s expectations with the target met, and share of reps on track per right.
        </Text>
        {trend}
      </Paper>
    ) : null;
  // The plans across the page; under them the health panel beside the trend when wide, else stacked.
  return (
    <Grid gap="lg">
      <Grid.Col span={12}>{plans}</Grid.Col>
      <Grid.Col span={{ base: 12, lg: trendSection ? 5 : 12 }}>{panelSection}</Grid.Col>
      {trendSection ? <Grid.Col span={{ base: 12, lg: 7 }}>{trendSection}</Grid.Col> : null}
    </Grid>
  );
}

/**
 * `/coaching`, for leaders and admins: the plans running in their scope (overdue reviews first),
 * the accountability health panel and the team's trend over 13 periods. The team is in the URL.
 */
export function CoachingOverviewPage() {
  const me = useSignedInUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const team = searchParams.get('team');
  const today = todayIn(me.organization.timeZone);

  if (me.user.role === 'rep') {
    return (
      <>
        <PageHeader title="Coaching" />
        <Text>
          The coaching overview is for leaders. Your own plan, sessions and commitments are on{' '}
          <RouterAnchor to={`/reps/${me.user.id}?tab=coaching`}>your Coaching tab</RouterAnchor>.
        </Text>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Coaching"
        description="Who is being coached, whether reviews are kept, and whether the team’s accountability is healthy."
      />
      <Group justify="space-between" align="flex-end" gap="sm" mb="md" wrap="wrap">
        <TeamSelect
          label="Team"
          allLabel={me.user.role === 'admin' ? 'All teams' : 'All my teams'}
          value={team}
          onChange={(next) =>
            setSearchParams(
              (previous) => {
                const params = new URLSearchParams(previous);
                if (next) params.set('team', next);
                else params.delete('team');
                return params;
              },
              { replace: false },
            )
          }
          w={{ base: '100%', xs: 240 }}
        />
        <Anchor href={matrixCsvUrl({ team })} size="sm" download>
          Download team matrix (CSV)
        </Anchor>
      </Group>
      <OverviewSections team={team} plans={<ActivePlans team={team} today={today} />} />
    </>
  );
}
