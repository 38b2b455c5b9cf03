import { Paper, SimpleGrid, Text } from '@mantine/core';
import { formatCount } from '../../lib/format/format';
import type { RosterEntry } from '../roster/roster-model';
import { RepWeeklyCharts } from './RepWeeklyCharts';

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

/** The raw activity behind the assessments: team, leader, and the weekly charts. */
export function RepActivityTab({ entry, asOf }: { entry: RosterEntry; asOf: string }) {
  return (
    <>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" mb="lg">
        <Stat label="Team" value={entry.team?.name ?? 'No team'} />
        <Stat label="Leader" value={entry.leader?.name ?? 'No leader'} />
        <Stat label="Activities, last 4 weeks" value={formatCount(entry.activitiesLast4Weeks)} />
        <Stat label="Meetings held, last 4 weeks" value={formatCount(entry.meetingsHeldLast4Weeks)} />
      </SimpleGrid>
      <RepWeeklyCharts entry={entry} asOf={asOf} />
    </>
  );
}
