import { ActionIcon, Button, Group, Text } from '@mantine/core';
import { parsePeriod } from '@rightly/core';
import {
  activePreset,
  isFuturePeriod,
  PERIOD_PRESETS,
  periodLabel,
  shiftPeriodKey,
  currentPeriodKey,
} from './period-nav';

interface PeriodPickerProps {
  /** The period on screen. */
  periodKey: string;
  /** Today in the organization's time zone: decides what "this week" is and stops at the future. */
  today: string;
  onChange: (periodKey: string) => void;
  /** Shown while the next answer loads, so the label does not lie about what is on screen. */
  loading?: boolean;
}

/** "This week / This month / This quarter", then previous and next period around the period's name. */
export function PeriodPicker({ periodKey, today, onChange, loading = false }: PeriodPickerProps) {
  const period = parsePeriod(periodKey);
  const pressed = activePreset(periodKey, today);
  const previous = shiftPeriodKey(periodKey, -1);
  const next = shiftPeriodKey(periodKey, 1);
  const nextIsFuture = next === null || isFuturePeriod(next, today);

  return (
    <Group gap="sm" wrap="wrap" role="group" aria-label="Period" data-period={periodKey}>
      <Button.Group>
        {PERIOD_PRESETS.map((preset) => (
          <Button
            key={preset.kind}
            size="xs"
            variant={pressed === preset.kind ? 'filled' : 'default'}
            aria-pressed={pressed === preset.kind}
            onClick={() => onChange(currentPeriodKey(preset.kind, today))}
          >
            {preset.label}
          </Button>
        ))}
      </Button.Group>
      <Group gap={4} wrap="nowrap" miw={0}>
        <ActionIcon
          variant="default"
          size="md"
          aria-label="Previous period"
          disabled={previous === null}
          onClick={() => previous && onChange(previous)}
        >
          <span aria-hidden="true">‹</span>
        </ActionIcon>
        <Text
          size="sm"
          fw={600}
          px={6}
          miw={0}
          aria-live="polite"
          style={{ opacity: loading ? 0.6 : 1, overflowWrap: 'anywhere' }}
        >
          {period ? periodLabel(period) : periodKey}
        </Text>
        <ActionIcon
          variant="default"
          size="md"
          aria-label="Next period"
          disabled={nextIsFuture}
          onClick={() => next && onChange(next)}
        >
          <span aria-hidden="true">›</span>
        </ActionIcon>
      </Group>
    </Group>
  );
}
