import { Button, Group, List, Paper, SimpleGrid, Stack, Text, Title, type SimpleGridProps } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { RouterAnchor } from '../../components/RouterAnchor';
import { describeError, isApiError } from '../../lib/api/api-error';
import { useSignedInUser } from '../auth/signed-in-user';
import {
  COACHING_PLAN_QUERY_KEY,
  createCoachingPlan,
  invalidateAfterCoachingChange,
  useCoachingPlans,
} from '../coaching/coaching-api';
import { defaultReviewOn } from '../coaching/plan-model';
import type { NeedsHelpEntry } from './assessment-api';
import { todayIn } from './period-nav';
import { nextStepLabel, offTrackStreakText, RIGHT_LABELS } from './status';
import { StatusBadge } from './StatusBadge';

/**
 * Starts a plan with the focus and evidence from this entry and opens the rep's Coaching tab. A rep
 * who already has a plan gets a link to it instead.
 */
function CoachingAction({ entry, hasPlan }: { entry: NeedsHelpEntry; hasPlan: boolean }) {
  const me = useSignedInUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const coachingTab = `/reps/${entry.rep.id}?tab=coaching`;
  const start = useMutation({
    mutationFn: () =>
      createCoachingPlan({
        repId: entry.rep.id,
        fromNeedsHelp: true,
        reviewOn: defaultReviewOn(todayIn(me.organization.timeZone)),
      }),
    onSuccess: (plan) => {
      queryClient.setQueryData([...COACHING_PLAN_QUERY_KEY, plan.id], plan);
      void invalidateAfterCoachingChange(queryClient, entry.rep.id);
      void navigate(coachingTab);
    },
    onError: (error) => {
      // Someone started one a moment ago: it is on the Coaching tab.
      if (isApiError(error) && error.code === 'conflict') void navigate(coachingTab);
    },
  });
  if (hasPlan) {
    return (
      <RouterAnchor to={coachingTab} size="sm" fw={500}>
        Coaching plan active →
      </RouterAnchor>
    );
  }
  return (
    <Stack gap={4}>
      <Group>
        <Button
          size="xs"
          variant={entry.nextStep.action === 'start_coaching_plan' ? 'filled' : 'light'}
          loading={start.isPending}
          onClick={() => start.mutate()}
          aria-label={`Start coaching plan for ${entry.rep.name}`}
        >
          Start coaching plan
        </Button>
      </Group>
      {start.isError && !(isApiError(start.error) && start.error.code === 'conflict') ? (
        <Text size="xs" c="red.8" role="alert">
          {describeError(start.error)}
        </Text>
      ) : null}
    </Stack>
  );
}

function NeedsHelpCard({ entry, rank, hasPlan }: { entry: NeedsHelpEntry; rank: number; hasPlan: boolean }) {
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
      <Group mt="xs">
        <CoachingAction entry={entry} hasPlan={hasPlan} />
      </Group>
    </Paper>
  );
}

interface NeedsHelpListProps {
  entries: readonly NeedsHelpEntry[];
  columns?: SimpleGridProps['cols'];
  /** How many show before "Show all". */
  initialCount?: number;
}

/**
 * Ranked: most rights off track first, then the longest streak. Each links to the rep's page and
 * offers to start a coaching plan (or links to the one running).
 */
export function NeedsHelpList({ entries, columns = 1, initialCount = 4 }: NeedsHelpListProps) {
  const [showAll, setShowAll] = useState(false);
  // Reps with a plan running get a link to it rather than a second plan.
  const activePlans = useCoachingPlans({ status: 'active' }, { enabled: entries.length > 0 });
  const coached = new Set((activePlans.data?.plans ?? []).map((plan) => plan.repId));
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
            <NeedsHelpCard
              key={entry.repId}
              entry={entry}
              rank={entries.indexOf(entry) + 1}
              hasPlan={coached.has(entry.rep.id)}
            />
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
