import { Button, Group, Loader, Paper, Text } from '@mantine/core';
import { formatValue, type MetricUnit } from '@rightly/core';
import { useTargetSuggestion } from './expectations-api';

interface TargetSuggestionProps {
  metric: string | null;
  unit: MetricUnit;
  period: string;
  teamId: string | null;
  currency: string;
  current: number | null;
  onUse: (value: number) => void;
}

const PERIOD_PLURAL: Record<string, string> = { week: 'weeks', month: 'months', quarter: 'quarters' };

/** Beside the target: what the reps' own history suggests (the median of each rep's 80th percentile). */
export function TargetSuggestion({ metric, unit, period, teamId, currency, current, onUse }: TargetSuggestionProps) {
  const suggestion = useTargetSuggestion({ metric, period, team: teamId });
  if (!metric) return null;
  if (period === 'custom') {
    return (
      <Text size="xs" c="dimmed" mt={28} maw={260}>
        No suggestion for a custom period: history is kept by week, month and quarter.
      </Text>
    );
  }

  let body;
  if (suggestion.isPending) {
    body = (
      <Group gap={6}>
        <Loader size="xs" />
        <Text size="xs" c="dimmed">
          Looking at the reps’ history…
        </Text>
      </Group>
    );
  } else if (suggestion.isError) {
    body = (
      <Text size="xs" c="dimmed">
        No suggestion: the history could not be read.
      </Text>
    );
  } else if (suggestion.data.suggested === null) {
    body = (
      <Text size="xs" c="dimmed">
        No suggestion: there is no history for this metric yet.
      </Text>
    );
  } else {
    const value = suggestion.data.suggested;
    const rounded = unit === 'count' ? Math.round(value * 10) / 10 : Math.round(value);
    body = (
      <Group gap="xs" wrap="nowrap" align="center">
        <div style={{ minWidth: 0 }}>
          <Text size="sm">
            Suggested: <strong>{formatValue(rounded, unit, currency)}</strong>
          </Text>
          <Text size="xs" c="dimmed">
            What most reps reach in a good {period}, from the last 12 {PERIOD_PLURAL[period] ?? 'periods'}
          </Text>
        </div>
        <Button
          size="xs"
          variant="light"
          onClick={() => onUse(rounded)}
          disabled={current === rounded}
          aria-label={`Use the suggested target ${formatValue(rounded, unit, currency)}`}
          style={{ flexShrink: 0 }}
        >
          Use
        </Button>
      </Group>
    );
  }
  return (
    <Paper
      withBorder
      radius="md"
      px="sm"
      py={6}
      mt={{ base: 0, xs: 24 }}
      maw={360}
      aria-label="Suggested target"
      component="aside"
    >
      {body}
    </Paper>
  );
}
