import { Button, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Text, Fieldset } from '@mantine/core';
import type { Metric } from '../metrics/metrics-api';
import { MAX_WAY_STANDARDS, newWayRow, type WayRow } from './expectation-form';
import { numberField, unitAffixes, type EditorSectionProps } from './editor-fields';
import { MetricSelect } from './MetricSelect';

/** The right way: zero or more method standards, each a metric held to a number or the team median. */
export function WayStandardsFields({
  form,
  set,
  err,
  metrics,
  currency,
}: EditorSectionProps & { metrics: readonly Metric[]; currency: string }) {
  const metricsByKey = new Map(metrics.map((m) => [m.key, m]));
  function setWay(index: number, patch: Partial<WayRow>) {
    set({ way: form.way.map((row, i) => (i === index ? { ...row, ...patch } : row)) });
  }
  return (
    <Fieldset legend="The right way: method standards">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          How the work should be done, e.g. phone share of prospecting at least 60%, or first → second meeting
          conversion at least the team median.
        </Text>
        {form.way.map((row, index) => {
          const rowMetric = row.metric ? metricsByKey.get(row.metric) : undefined;
          return (
            <Paper key={row.key} withBorder radius="md" p="sm" role="group" aria-label={`Way standard ${index + 1}`}>
              <Stack gap="xs">
                <MetricSelect
                  label={`Way standard ${index + 1}: metric`}
                  metrics={metrics}
                  value={row.metric}
                  onChange={(key) => setWay(index, { metric: key })}
                  error={err(`way.${index}.metric`)}
                  withDescription={false}
                  required
                />
                <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
                  <NativeSelect
                    label="Must be"
                    value={row.comparator}
                    onChange={(event) =>
                      setWay(index, { comparator: event.currentTarget.value as WayRow['comparator'] })
                    }
                    data={[
                      { value: 'at_least', label: 'at least' },
                      { value: 'at_most', label: 'at most' },
                    ]}
                    error={err(`way.${index}.comparator`)}
                  />
                  <NativeSelect
                    label="Compared with"
                    value={row.boundKind}
                    onChange={(event) => setWay(index, { boundKind: event.currentTarget.value as WayRow['boundKind'] })}
                    data={[
                      { value: 'absolute', label: 'a number' },
                      { value: 'team_median', label: 'the team median ×' },
                    ]}
                  />
                  {row.boundKind === 'absolute' ? (
                    <NumberInput
                      label="Value"
                      value={row.value}
                      onChange={(value) => setWay(index, { value: numberField(value) })}
                      error={err(`way.${index}.bound.value`)}
                      decimalScale={2}
                      required
                      {...unitAffixes(rowMetric?.unit, currency)}
                    />
                  ) : (
                    <NumberInput
                      label="Factor"
                      description="1 = the median itself"
                      value={row.factor}
                      onChange={(value) => setWay(index, { factor: numberField(value) })}
                      error={err(`way.${index}.bound.factor`)}
                      decimalScale={2}
                      step={0.1}
                      min={0.1}
                      max={10}
                      allowNegative={false}
                      required
                    />
                  )}
                </SimpleGrid>
                <Group justify="flex-end">
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    onClick={() => set({ way: form.way.filter((_, i) => i !== index) })}
                    aria-label={`Remove way standard ${index + 1}`}
                  >
                    Remove
                  </Button>
                </Group>
              </Stack>
            </Paper>
          );
        })}
        {err('way') ? (
          <Text size="sm" c="red">
            {err('way')}
          </Text>
        ) : null}
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() => set({ way: [...form.way, newWayRow()] })}
            disabled={form.way.length >= MAX_WAY_STANDARDS}
          >
            Add a way standard
          </Button>
          {form.way.length >= MAX_WAY_STANDARDS ? (
            <Text size="xs" c="dimmed">
              At most {MAX_WAY_STANDARDS} standards.
            </Text>
          ) : null}
        </Group>
      </Stack>
    </Fieldset>
  );
}
