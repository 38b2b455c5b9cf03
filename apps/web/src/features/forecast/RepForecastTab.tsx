import { CompositeChart } from '@mantine/charts';
import { Alert, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { formatDate } from '../../lib/format/format';
import { useRepForecast } from './forecast-api';
import { forecastPoints, formatMoney, formatMoneyShort, monthLabel, referenceLabel } from './forecast-model';

/** The coming months' bookings by source, the reference to meet, and what would fill a hole. */
export function RepForecastTab({ repId, repName }: { repId: string; repName: string }) {
  const forecast = useRepForecast(repId);

  if (forecast.isPending) {
    return (
      <Stack gap="sm" role="status" aria-busy="true" aria-label="Loading the forecast">
        <Skeleton height={60} />
        <Skeleton height={300} />
      </Stack>
    );
  }
  if (forecast.isError) {
    return (
      <QueryErrorAlert
        title="The forecast could not be loaded"
        error={forecast.error}
        onRetry={() => void forecast.refetch()}
        retrying={forecast.isFetching}
      />
    );
  }

  const data = forecast.data;
  const points = forecastPoints(data.months);
  const money = (value: number) => formatMoney(value, data.currency);
  const reference = referenceLabel(data.referenceKind);

  return (
    <Stack gap="lg">
      {data.gap ? (
        <Alert color="orange" variant="light" title={`A hole in ${monthLabel(data.gap.month)}`} role="status">
          <Text fz={{ base: 'md', sm: 'lg' }} fw={600} data-testid="gap-sentence">
            {data.gap.sentence}
          </Text>
        </Alert>
      ) : (
        <Alert color="green" variant="light" title="No hole ahead" role="status">
          <Text size="sm">
            Every month of the next {points.length} is forecast at or near its {reference.toLowerCase()}.
          </Text>
        </Alert>
      )}
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="forecast-title">
        <Title order={2} fz="lg" id="forecast-title">
          Bookings forecast
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          What {repName}’s open pipeline, recent first meetings and usual prospecting pace will close each month, as of{' '}
          {formatDate(data.asOf)}. The line is the{' '}
          {data.referenceKind === 'target' ? 'bookings target' : 'normal month from history'}.
        </Text>
        <div role="img" aria-label={`Bookings forecast for ${repName} by month, against ${reference.toLowerCase()}`}>
          <CompositeChart
            h={320}
            data={points}
            dataKey="axisLabel"
            series={[
              { name: 'fromPipeline', label: 'From open pipeline', color: 'teal.7', type: 'bar' },
              { name: 'fromRecentMeetings', label: 'From recent first meetings', color: 'teal.4', type: 'bar' },
              { name: 'fromFuturePace', label: 'From prospecting at the usual pace', color: 'gray.4', type: 'bar' },
              { name: 'reference', label: reference, color: 'orange.7', type: 'line', strokeDasharray: '6 4' },
            ]}
            barProps={{ stackId: 'forecast' }}
            withLegend
            legendProps={{ verticalAlign: 'bottom', itemSorter: null }}
            valueFormatter={money}
            yAxisProps={{ width: 64, tickFormatter: (value: number) => formatMoneyShort(value, data.currency) }}
            xAxisProps={{ interval: 'preserveStartEnd', minTickGap: 4 }}
            maxBarWidth={48}
            withDots
          />
        </div>
        <details style={{ marginTop: 'var(--mantine-spacing-md)' }}>
          <summary>
            <Text span size="sm">
              Show the numbers
            </Text>
          </summary>
          <Table.ScrollContainer minWidth={560} mt="xs">
            <Table striped aria-label={`Bookings forecast of ${repName}`} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Month</Table.Th>
                  <Table.Th scope="col" ta="right">
                    Open pipeline
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Recent meetings
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Usual pace
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Total
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {reference}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {points.map((point) => (
                  <Table.Tr key={point.month}>
                    <Table.Td>{point.label}</Table.Td>
                    <Table.Td ta="right">{money(point.fromPipeline)}</Table.Td>
                    <Table.Td ta="right">{money(point.fromRecentMeetings)}</Table.Td>
                    <Table.Td ta="right">{money(point.fromFuturePace)}</Table.Td>
                    <Table.Td ta="right" fw={600} c={point.short ? 'red.8' : undefined}>
                      {money(point.total)}
                    </Table.Td>
                    <Table.Td ta="right">{money(point.reference)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </details>
      </Paper>
      <Group gap="lg">
        <Text size="xs" c="dimmed">
          Median sales cycle: {Math.round(data.model.medianCycleDays)} days
        </Text>
        <Text size="xs" c="dimmed">
          First meeting to opportunity: {Math.round(data.model.firstMeetingToOpportunity * 100)}%
        </Text>
        <Text size="xs" c="dimmed">
          Win rate: {Math.round(data.model.winRate * 100)}%
        </Text>
      </Group>
    </Stack>
  );
}
