import { BarChart } from '@mantine/charts';
import { Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { formatCount } from '../../lib/format/format';
import { weeklyPoints, type RosterEntry, type WeeklyPoint } from '../roster/roster-model';

interface WeeklyBarChartProps {
  points: WeeklyPoint[];
  series: 'activities' | 'meetingsHeld';
  label: string;
  color: string;
}

function WeeklyBarChart({ points, series, label, color }: WeeklyBarChartProps) {
  return (
    <div>
      <Text size="sm" fw={600} mb="xs">
        {label}
      </Text>
      <BarChart
        h={220}
        data={points}
        dataKey="label"
        series={[{ name: series, label, color }]}
        tickLine="y"
        gridAxis="y"
        valueFormatter={formatCount}
        xAxisProps={{ interval: 'preserveStartEnd', minTickGap: 12 }}
        yAxisProps={{ width: 36, allowDecimals: false }}
        maxBarWidth={28}
      />
    </div>
  );
}

/**
 * Activities and held meetings sit in separate charts: on one axis the meetings (a handful a week)
 * would be flattened by the activities (dozens).
 */
export function RepWeeklyCharts({ entry, asOf }: { entry: RosterEntry; asOf: string }) {
  const points = weeklyPoints(entry, asOf);
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'lg' }}
      component="section"
      aria-labelledby="weekly-activity-title"
    >
      <Title order={2} fz="lg" id="weekly-activity-title">
        Weekly activity
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Per week over the last {points.length} weeks; “so far” marks the week still in progress.
      </Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
        <WeeklyBarChart points={points} series="activities" label="Activities" color="teal.6" />
        <WeeklyBarChart points={points} series="meetingsHeld" label="Meetings held" color="indigo.5" />
      </SimpleGrid>
      <details style={{ marginTop: 'var(--mantine-spacing-md)' }}>
        <summary>
          <Text span size="sm">
            Show the numbers
          </Text>
        </summary>
        <Table mt="xs" maw={420} striped aria-label={`Weekly activity of ${entry.rep.name}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Week of</Table.Th>
              <Table.Th scope="col" ta="right">
                Activities
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Meetings held
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {points.map((point) => (
              <Table.Tr key={point.weekStart}>
                <Table.Td>{point.label}</Table.Td>
                <Table.Td ta="right">{formatCount(point.activities)}</Table.Td>
                <Table.Td ta="right">{formatCount(point.meetingsHeld)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </details>
    </Paper>
  );
}
