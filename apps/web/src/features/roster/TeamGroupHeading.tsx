import { Group, Text } from '@mantine/core';
import { pluralize } from '../../lib/format/format';
import type { TeamGroup } from './roster-model';

/** "NA Enterprise · Leader: Priya Shah · 6 reps": the team and leader every rep below belongs to. */
export function TeamGroupHeading({ group }: { group: TeamGroup }) {
  const leader = group.leaderNames.length > 0 ? group.leaderNames.join(', ') : 'no leader';
  return (
    <Group gap="xs" wrap="wrap" component="span">
      <Text span fw={700} size="sm">
        {group.teamName ?? 'No team'}
      </Text>
      <Text span size="sm" c="dimmed" fw={400}>
        Leader: {leader} · {pluralize(group.reps.length, 'rep')}
      </Text>
    </Group>
  );
}
