import { LineChart } from '@mantine/charts';
import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { formatValue } from '@rightly/core';
import { useId } from 'react';
import { formatDate } from '../../lib/format/format';
import { RIGHT_LABELS } from '../assessment/status';
import type { PlanEffect as PlanEffectData, PlanEffectMetric } from './coaching-api';
import { effectChartData, effectSentence } from './effect-model';

function EffectChart({
  metric,
  planStart,
  currency,
}: {
  metric: PlanEffectMetric;
  planStart: string;
  currency: string;
}) {
  const format = (value: number) => formatValue(value, metric.unit, currency);
  const { points, startLabel, measured } = effectChartData(metric, planStart);
  const sentence = effectSentence(metric, currency);
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      component="figure"
      m={0}
      aria-label={`${metric.name}: the rep against the team, before and during the plan`}
      data-testid="effect-metric"
    >
      <Text size="sm" fw={600}>
        {metric.name}
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        {RIGHT_LABELS[metric.right]} · weekly, the rep against the team’s average per rep
      </Text>
      {measured ? (
        <LineChart
          h={200}
          data={points}
          dataKey="label"
          series={[
            { name: 'rep', label: 'Rep', color: 'teal.6' },
            { name: 'team', label: 'Team', color: 'gray.6', strokeDasharray: '5 5' },
          ]}
          curveType="linear"
          connectNulls={false}
          withLegend
          legendProps={{ verticalAlign: 'bottom', height: 28, itemSorter: null }}
          valueFormatter={format}
          yAxisProps={{ width: 56, tickFormatter: format }}
          xAxisProps={{ interval: 'preserveStartEnd', minTickGap: 8 }}
          referenceLines={
            startLabel
              ? [{ x: startLabel, label: 'Plan start', color: 'orange.6', labelPosition: 'insideTopRight' }]
              : []
          }
        />
      ) : (
        <Text size="sm" c="dimmed">
          Nothing was measured for {metric.name.toLowerCase()} in these weeks.
        </Text>
      )}
      <Text component="figcaption" size="sm" mt="xs" data-testid="effect-sentence">
        {sentence.charAt(0).toUpperCase() + sentence.slice(1)}.
      </Text>
    </Paper>
  );
}

/**
 * The measured effect of coaching: per metric of a right in focus, the rep's weekly figure before
 * and since the plan started against the team's over the same weeks. The difference from the
 * team's change is what the plan plausibly added; it is not proof, and the text says so.
 */
export function PlanEffect({ effect, currency }: { effect: PlanEffectData | null; currency: string }) {
  const titleId = useId();
  let body;
  if (effect === null || effect.metrics.length === 0) {
    body = (
      <Text size="sm" c="dimmed">
        No metric measures the rights in focus for this rep yet, so there is no effect to show.
      </Text>
    );
  } else {
    body = (
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {effect.baselineWeeks} {effect.baselineWeeks === 1 ? 'week' : 'weeks'} before the start on{' '}
          {formatDate(effect.planStart)} against {effect.duringWeeks} {effect.duringWeeks === 1 ? 'week' : 'weeks'}{' '}
          since, up to {formatDate(effect.measuredTo)}. The team’s change over the same weeks is taken off, so a good or
          bad month for everyone does not count as the plan’s doing.
        </Text>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          {effect.metrics.map((metric) => (
            <EffectChart key={metric.metricKey} metric={metric} planStart={effect.planStart} currency={currency} />
          ))}
        </SimpleGrid>
      </Stack>
    );
  }
  return (
    <Stack gap="xs" component="section" aria-labelledby={titleId}>
      <Title order={3} fz="md" id={titleId}>
        Measured effect
      </Title>
      {body}
    </Stack>
  );
}
