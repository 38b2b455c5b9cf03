import { Button, Group, List, Paper, SimpleGrid, Stack, Text, Title, type SimpleGridProps } from '@mantine/core';
import { useState } from 'react';
import { RouterAnchor } from '../../components/RouterAnchor';
import type { NeedsHelpEntry } from './assessment-api';
import { nextStepLabel, offTrackStreakText, RIGHT_LABELS } from './status';
import { StatusBadge } from './StatusBadge';

function NeedsHelpCard({ entry, rank }: { entry: NeedsHelpEntry; rank: number }) {
  const streak = offTrackStreakText(entry.periodsOffTrack);
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      component="li"
      aria-label={`${rank}. ${entry.rep.name}`}
      style={{ listStyle: 'none' }}
    >
      <Group justify="space-between" align="baseline" wrap="nowrap" gap="xs">
        <RouterAnchor to={`/reps/${entry.rep.id}`} fw={700}>
          {entry.rep.name}
        </RouterAnchor>
        {streak ? (
          <Text size="xs" fw={700} c={entry.periodsOffTrack >= 3 ? 'red.8' : 'dimmed'} ta="right">
            {streak}
          </Text>
        ) : null}
      </Group>
      <Group gap={6} mt={6}>
        {entry.offTrack.map((right) => (
          <StatusBadge key={right} status="off_track" label={RIGHT_LABELS[right]} />
        ))}
        {entry.atRisk.map((right) => (
          <StatusBadge key={right} status="at_risk" label={RIGHT_LABELS[right]} />
        ))}
      </Group>
      {entry.evidence.length > 0 ? (
        <List size="xs" mt={6} spacing={2} c="dimmed">
          {entry.evidence.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      ) : null}
      <Paper bg="var(--mantine-color-default-hover)" radius="sm" p={8} mt="xs">
        <Text size="xs" fw={700} c="dimmed">
          Next step: {nextStepLabel(entry.nextStep.action)}
        </Text>
        <Text size="sm">{entry.nextStep.text}</Text>
      </Paper>
    </Paper>
  );
}

interface NeedsHelpListProps {
  entries: readonly NeedsHelpEntry[];
  columns?: SimpleGridProps['cols'];
  /** How many show before "Show all". */
  initialCount?: number;
}

/** Ranked: most rights off track first, then the longest streak. Each links to the rep's page. */
export function NeedsHelpList({ entries, columns = 1, initialCount = 4 }: NeedsHelpListProps) {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? entries : entries.slice(0, initialCount);
  return (
    <Stack gap="xs" component="section" aria-labelledby="needs-help-title">
      <Group justify="space-between" align="baseline" gap="xs">
        <Title order={2} fz="lg" id="needs-help-title">
          Who needs help
        </Title>
        <Text size="sm" c="dimmed">
          {entries.length === 0
            ? 'Nobody this period'
            : `${entries.length} ${entries.length === 1 ? 'rep' : 'reps'}, most urgent first`}
        </Text>
      </Group>
      {entries.length === 0 ? (
        <Paper withBorder radius="md" p="md">
          <Text size="sm">Every rep is on track on all three rights, or there is no data yet to say otherwise.</Text>
        </Paper>
      ) : (
        <SimpleGrid component="ol" cols={columns} spacing="sm" p={0} m={0} aria-label="Who needs help">
          {shown.map((entry) => (
            <NeedsHelpCard key={entry.repId} entry={entry} rank={entries.indexOf(entry) + 1} />
          ))}
        </SimpleGrid>
      )}
      {entries.length > initialCount ? (
        <Group>
          <Button variant="subtle" size="xs" onClick={() => setShowAll((value) => !value)}>
            {showAll ? `Show the first ${initialCount}` : `Show all ${entries.length}`}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
