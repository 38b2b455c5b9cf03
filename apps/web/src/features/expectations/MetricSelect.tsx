import { Badge, Group, Select, Text } from '@mantine/core';
import type { Metric } from '../metrics/metrics-api';
import { RIGHT_LABELS } from '../assessment/status';

interface MetricSelectProps {
  label: string;
  metrics: readonly Metric[];
  value: string | null;
  onChange: (key: string | null) => void;
  error?: string | undefined;
  /** Shows the chosen metric's description and kind under the field. */
  withDescription?: boolean;
  required?: boolean;
  'aria-label'?: string;
}

function KindBadge({ kind }: { kind: Metric['kind'] }) {
  return (
    <Badge size="xs" variant="light" color={kind === 'outcome' ? 'teal' : 'gray'} style={{ flexShrink: 0 }}>
      {kind}
    </Badge>
  );
}

/** Outcomes first, then activities; each option carries its description and kind. */
export function MetricSelect({
  label,
  metrics,
  value,
  onChange,
  error,
  withDescription = true,
  required,
  'aria-label': ariaLabel,
}: MetricSelectProps) {
  const byKey = new Map(metrics.map((metric) => [metric.key, metric]));
  const data = (['outcome', 'activity'] as const)
    .map((kind) => ({
      group: kind === 'outcome' ? 'Outcomes' : 'Activities',
      items: metrics
        .filter((metric) => metric.kind === kind)
        .map((metric) => ({ value: metric.key, label: metric.name })),
    }))
    .filter((group) => group.items.length > 0);
  const selected = value ? byKey.get(value) : undefined;

  return (
    <div>
      <Select
        label={label}
        aria-label={ariaLabel}
        data={data}
        value={value}
        onChange={onChange}
        searchable
        required={required}
        error={error}
        placeholder="Choose a metric"
        nothingFoundMessage="No metric matches"
        maxDropdownHeight={360}
        comboboxProps={{ withinPortal: true }}
        renderOption={({ option }) => {
          const metric = byKey.get(option.value);
          return (
            <div style={{ minWidth: 0 }}>
              <Group gap={6} wrap="nowrap">
                <Text size="sm" fw={500}>
                  {option.label}
                </Text>
                {metric ? <KindBadge kind={metric.kind} /> : null}
              </Group>
              {metric ? (
                <Text size="xs" c="dimmed">
                  {metric.description}
                  {metric.measurable ? '' : ' Not measured yet.'}
                </Text>
              ) : null}
            </div>
          );
        }}
      />
      {withDescription && selected ? (
        <Group gap={6} mt={4} wrap="nowrap" align="flex-start">
          <KindBadge kind={selected.kind} />
          <Text size="xs" c="dimmed">
            {selected.description} Speaks mostly to {RIGHT_LABELS[selected.right].toLowerCase()}.
            {selected.measurable ? '' : ' Not measured yet: it will show “no data”.'}
          </Text>
        </Group>
      ) : null}
    </div>
  );
}
