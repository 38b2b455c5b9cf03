import { LineChart } from '@mantine/charts';
import { Group, Paper, SegmentedControl, SimpleGrid, Table, Text, Title, Tooltip } from '@mantine/core';
import { formatValue } from '@rightly/core';
import { useState } from 'react';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { useSignedInUser } from '../auth/signed-in-user';
import { useRepAssessment } from './assessment-api';
import { currentPeriodKey, todayIn, type PeriodPreset } from './period-nav';
import { EvidenceSkeleton } from './RepEvidenceTab';
import { RIGHT_LABELS, RIGHT_ORDER, statusDisplay } from './status';
import classes from './status.module.css';
import { statusRows, trendCharts, type TrendChart } from './trend-model';

export const TREND_PERIODS = 13;

const KIND_OPTIONS: { value: PeriodPreset; label: string }[] = [
  { value: 'week', label: 'Weeks' },
  { value: 'month', label: 'Months' },
  { value: 'quarter', label: 'Quarters' },
];

function MetricTrendChart({ chart, currency }: { chart: TrendChart; currency: string }) {
  const format = (value: number) => formatValue(value, chart.metric.unit, currency);
  const measured = chart.points.some((p) => p.actual !== null);
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      component="figure"
      m={0}
      aria-label={`${chart.expectationName}: actual against target`}
    >
      <Text size="sm" fw={600}>
        {chart.expectationName}
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        {chart.metric.name}, actual against target
      </Text>
      {!measured ? (
        <Text size="sm" c="dimmed">
          No data in these periods: nothing was measured for {chart.metric.name.toLowerCase()} yet.
        </Text>
      ) : (
        <LineChart
          h={200}
          data={chart.points}
          dataKey="label"
          series={[
            { name: 'actual', label: 'Actual', color: 'teal.6' },
            { name: 'target', label: 'Target', color: 'gray.6', strokeDasharray: '5 5' },
          ]}
          curveType="linear"
          connectNulls={false}
          withLegend
          legendProps={{ verticalAlign: 'bottom', height: 28, itemSorter: null }}
          valueFormatter={format}
          yAxisProps={{ width: 56, tickFormatter: format }}
          xAxisProps={{ interval: 'preserveStartEnd', minTickGap: 8 }}
        />
      )}
    </Paper>
  );
}

/** Thirteen periods of statuses per right and, per expectation, actual against target. */
export function RepTrendsTab({ repId }: { repId: string }) {
  const me = useSignedInUser();
  const today = todayIn(me.organization.timeZone);
  const [kind, setKind] = useState<PeriodPreset>('week');
  const assessment = useRepAssessment(repId, { period: currentPeriodKey(kind, today), periods: TREND_PERIODS });

  const switcher = (
    <Group mb="md" gap="sm">
      <Text size="sm" fw={500} id="trend-kind-label">
        Periods
      </Text>
      <SegmentedControl
        aria-labelledby="trend-kind-label"
        size="xs"
        value={kind}
        onChange={(value) => setKind(value as PeriodPreset)}
        data={KIND_OPTIONS}
      />
    </Group>
  );

  if (assessment.isPending) {
    return (
      <>
        {switcher}
        <EvidenceSkeleton label="Loading the trends" />
      </>
    );
  }
  if (assessment.isError) {
    return (
      <>
        {switcher}
        <QueryErrorAlert
          title="The trends could not be loaded"
          error={assessment.error}
          onRetry={() => void assessment.refetch()}
          retrying={assessment.isFetching}
        />
      </>
    );
  }

  const { trend } = assessment.data;
  const rows = statusRows(trend, RIGHT_ORDER);
  const charts = trendCharts(trend);

  return (
    <div style={{ opacity: assessment.isPlaceholderData ? 0.6 : 1 }} aria-busy={assessment.isPlaceholderData}>
      {switcher}
      <Paper
        withBorder
        radius="md"
        p={{ base: 'sm', sm: 'md' }}
        mb="lg"
        component="section"
        aria-labelledby="trend-status-title"
      >
        <Title order={2} fz="lg" id="trend-status-title" mb="xs">
          Status per period
        </Title>
        <Table.ScrollContainer minWidth={TREND_PERIODS * 40 + 140}>
          <Table
            aria-label="Status per right and period"
            withRowBorders={false}
            verticalSpacing={4}
            horizontalSpacing={4}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={140}>
                  Right
                </Table.Th>
                {trend.map((entry) => (
                  <Table.Th scope="col" key={entry.period.key} ta="center" fz="xs" fw={500} c="dimmed">
                    {rows[0]?.cells.find((c) => c.period === entry.period.key)?.label}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.right}>
                  <Table.Th scope="row" fz="sm">
                    {RIGHT_LABELS[row.right]}
                  </Table.Th>
                  {row.cells.map((cell) => {
                    const display = statusDisplay(cell.status);
                    return (
                      <Table.Td key={cell.period} ta="center">
                        <Tooltip label={`${cell.title}: ${display.label}`} withArrow openDelay={200}>
                          <span
                            className={`${classes.status} ${classes.chip}`}
                            data-status={cell.status}
                            role="img"
                            aria-label={`${RIGHT_LABELS[row.right]}, ${cell.title}: ${display.label}`}
                          >
                            {display.icon}
                          </span>
                        </Tooltip>
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Title order={2} fz="lg" mb="xs">
        Actual against target
      </Title>
      {charts.length === 0 ? (
        <Text size="sm" c="dimmed">
          No expectation applied to this rep in these periods.
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          {charts.map((chart) => (
            <MetricTrendChart key={chart.expectationId} chart={chart} currency={me.organization.currency} />
          ))}
        </SimpleGrid>
      )}
    </div>
  );
}
