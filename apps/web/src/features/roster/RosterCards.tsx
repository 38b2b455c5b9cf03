import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { RouterAnchor } from '../../components/RouterAnchor';
import { formatCount } from '../../lib/format/format';
import { ActivitySparkline } from './ActivitySparkline';
import { TeamGroupHeading } from './TeamGroupHeading';
import type { RosterEntry, TeamGroup } from './roster-model';

interface RosterCardsProps {
  groups: TeamGroup[];
  asOf: string;
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <Text size="xs" c="dimmed" lh={1.2}>
        {label}
      </Text>
      <Text fw={700} size="lg" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatCount(value)}
      </Text>
    </div>
  );
}

function RepCard({ entry, asOf }: { entry: RosterEntry; asOf: string }) {
  return (
    <Paper withBorder radius="md" p="sm" component="article" aria-label={entry.rep.name}>
      <RouterAnchor to={`/reps/${entry.rep.id}`} fw={600}>
        {entry.rep.name}
      </RouterAnchor>
      <Group gap="lg" mt={6} wrap="nowrap" align="flex-end">
        <Figure label="Activities, 4 wk" value={entry.activitiesLast4Weeks} />
        <Figure label="Meetings held, 4 wk" value={entry.meetingsHeldLast4Weeks} />
      </Group>
      <Text size="xs" c="dimmed" mt={8} mb={2}>
        Activities per week
      </Text>
      <ActivitySparkline entry={entry} asOf={asOf} w="100%" h={36} />
    </Paper>
  );
}

/** Phone layout: one card per rep under a heading per team, nothing wider than the screen. */
export function RosterCards({ groups, asOf }: RosterCardsProps) {
  return (
    <Stack gap="lg">
      {groups.map((group) => (
        <section key={group.key} aria-label={group.teamName ?? 'No team'}>
          <Title order={2} fz="md" mb="xs">
            <TeamGroupHeading group={group} />
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            {group.reps.map((entry) => (
              <RepCard key={entry.rep.id} entry={entry} asOf={asOf} />
            ))}
          </SimpleGrid>
        </section>
      ))}
    </Stack>
  );
}
