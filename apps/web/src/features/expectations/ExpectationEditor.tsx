import {
  Alert,
  Button,
  Fieldset,
  Group,
  List,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Input,
} from '@mantine/core';
import { formatValue } from '@rightly/core';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { describeError, isApiError, type FieldError } from '../../lib/api/api-error';
import type { Metric } from '../metrics/metrics-api';
import { bodyFromForm, errorFor, isShownAtInput, type ExpectationForm } from './expectation-form';
import { createExpectation, updateExpectation, useStoreExpectation, type Expectation } from './expectations-api';
import { MetricSelect } from './MetricSelect';
import { ScopeField } from './ScopeField';
import { TargetSuggestion } from './TargetSuggestion';
import { TimeFields } from './TimeFields';
import { WayStandardsFields } from './WayStandardsFields';
import { numberField, unitAffixes } from './editor-fields';
import { useExpectationLint } from './use-expectation-lint';

/** Which API fields a form key feeds, so editing an input clears the server's message about it. */
const FIELD_PREFIX: Record<keyof ExpectationForm, string> = {
  name: 'name',
  scopeKind: 'scope',
  repId: 'scope',
  teamId: 'scope',
  role: 'scope',
  metric: 'metric',
  target: 'target',
  period: 'period',
  customStart: 'customStart',
  customEnd: 'customEnd',
  way: 'way',
  pacing: 'time.pacing',
  monthWeights: 'time.pacing',
  dueInDays: 'time.dueInDays',
  leadTime: 'time.leadTime',
  selfReport: 'time.selfReport',
  selfReportFrom: 'time.selfReportFrom',
  startsOn: 'startsOn',
  endsOn: 'endsOn',
  note: 'note',
};

const PERIOD_OPTIONS = [
  { value: 'week', label: 'Week' },
  { value: 'month', label: 'Month' },
  { value: 'quarter', label: 'Quarter' },
  { value: 'custom', label: 'Custom' },
];

export interface ExpectationEditorProps {
  initial: ExpectationForm;
  /** The saved expectation being edited; null for a new one. */
  expectation: Expectation | null;
  metrics: readonly Metric[];
  currency: string;
  onSaved: (saved: Expectation) => void;
  onCancel: () => void;
  /** Extra actions beside Save, e.g. "End expectation". */
  actions?: ReactNode;
}

/**
 * The form behind an expectation: who, the right thing (metric, target with a suggestion from
 * history, period), the right way (method standards), the right time (pacing, due date, lead time),
 * dates and the reason. Advice from the server appears while typing; errors, the client's or the
 * server's, appear under the input they are about.
 */
export function ExpectationEditor({
  initial,
  expectation,
  metrics,
  currency,
  onSaved,
  onCancel,
  actions,
}: ExpectationEditorProps) {
  const [form, setForm] = useState(initial);
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  const store = useStoreExpectation();
  const result = useMemo(() => bodyFromForm(form), [form]);
  const lint = useExpectationLint(result.ok ? result.body : null, expectation?.id, true);
  const metricsByKey = useMemo(() => new Map(metrics.map((m) => [m.key, m])), [metrics]);
  const metric = form.metric ? metricsByKey.get(form.metric) : undefined;

  const save = useMutation({
    mutationFn: (body: Extract<typeof result, { ok: true }>['body']) =>
      expectation ? updateExpectation(expectation.id, body) : createExpectation(body),
    onSuccess: (saved) => {
      store(saved);
      onSaved(saved);
    },
    onError: (error) => setServerErrors(isApiError(error) ? error.fieldErrors : []),
  });

  const clientErrors = submitted && !result.ok ? result.errors : [];
  const errors = [...serverErrors, ...clientErrors];
  const err = (field: string) => errorFor(errors, field);
  const unplaced = serverErrors.filter((error) => !isShownAtInput(error.field));

  function set<K extends keyof ExpectationForm>(patch: Pick<ExpectationForm, K>) {
    setForm((current) => ({ ...current, ...patch }));
    const prefixes = Object.keys(patch).map((key) => FIELD_PREFIX[key as keyof ExpectationForm]);
    setServerErrors((current) =>
      current.filter(
        (error) => !prefixes.some((prefix) => error.field === prefix || error.field.startsWith(`${prefix}.`)),
      ),
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!result.ok) return;
    save.mutate(result.body);
  }

  const warnings = lint.data?.warnings ?? [];
  const affixes = unitAffixes(metric?.unit, currency);

  return (
    <form onSubmit={submit} noValidate aria-label={expectation ? `Edit ${expectation.name}` : 'New expectation'}>
      <Stack gap="lg" maw={820}>
        {save.isError ? (
          <Alert color="red" variant="light" title="The expectation was not saved" role="alert">
            <Text size="sm">{describeError(save.error)}</Text>
            {unplaced.length > 0 ? (
              <List size="sm" mt={4}>
                {unplaced.map((error) => (
                  <List.Item key={error.field}>
                    {error.field}: {error.message}
                  </List.Item>
                ))}
              </List>
            ) : null}
          </Alert>
        ) : null}
        {submitted && !result.ok ? (
          <Alert color="red" variant="light" title="Some fields need a look" role="alert">
            <Text size="sm">Fix the fields marked below, then save again.</Text>
          </Alert>
        ) : null}

        <Fieldset legend="The expectation">
          <Stack gap="sm">
            <TextInput
              label="Name"
              description="What the rep will read, e.g. “Weekly prospecting: first meetings booked”"
              value={form.name}
              onChange={(event) => set({ name: event.currentTarget.value })}
              error={err('name')}
              required
              maxLength={120}
            />
            <ScopeField
              value={form}
              onChange={(scope) =>
                set({ scopeKind: scope.scopeKind, repId: scope.repId, teamId: scope.teamId, role: scope.role })
              }
              errors={{
                scope: err('scope') ?? err('scope.role'),
                repId: err('scope.repId'),
                teamId: err('scope.teamId'),
              }}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend="The right thing: a metric and a target per period">
          <Stack gap="sm">
            <MetricSelect
              label="Metric"
              metrics={metrics}
              value={form.metric}
              onChange={(key) => set({ metric: key })}
              error={err('metric')}
              required
            />
            <Group align="flex-start" gap="sm" wrap="wrap">
              <NumberInput
                label="Target"
                description={form.period === 'custom' ? 'for the custom period' : `per ${form.period}`}
                value={form.target}
                onChange={(value) => set({ target: numberField(value) })}
                error={err('target')}
                required
                min={0}
                allowNegative={false}
                thousandSeparator=","
                decimalScale={2}
                w={{ base: '100%', xs: 200 }}
                {...affixes}
              />
              <TargetSuggestion
                metric={form.metric}
                unit={metric?.unit ?? 'count'}
                period={form.period}
                teamId={form.scopeKind === 'team' ? form.teamId : null}
                currency={currency}
                current={typeof form.target === 'number' ? form.target : null}
                onUse={(value) => set({ target: value })}
              />
            </Group>
            <Input.Wrapper label="Period" error={err('period')} labelElement="div">
              <SegmentedControl
                aria-label="Period"
                value={form.period}
                onChange={(value) => set({ period: value as ExpectationForm['period'] })}
                data={PERIOD_OPTIONS}
                mt={4}
                display="flex"
                maw={420}
              />
            </Input.Wrapper>
            {form.period === 'custom' ? (
              <Group grow wrap="wrap" align="flex-start">
                <TextInput
                  type="date"
                  label="Custom period from"
                  value={form.customStart}
                  onChange={(event) => set({ customStart: event.currentTarget.value })}
                  error={err('customStart')}
                  required
                  miw={160}
                />
                <TextInput
                  type="date"
                  label="Custom period to"
                  value={form.customEnd}
                  onChange={(event) => set({ customEnd: event.currentTarget.value })}
                  error={err('customEnd')}
                  required
                  miw={160}
                />
              </Group>
            ) : null}
            <div aria-live="polite" aria-label="Advice on this expectation" role="region">
              {warnings.map((warning) => (
                <Alert key={`${warning.code}-${warning.field}`} color="yellow" variant="light" title="Advice" mt="xs">
                  <Text size="sm">{warning.message}</Text>
                </Alert>
              ))}
              {lint.isError ? (
                <Text size="xs" c="dimmed" mt={4}>
                  Advice could not be checked just now; it will be checked again when you save.
                </Text>
              ) : null}
            </div>
          </Stack>
        </Fieldset>

        <WayStandardsFields form={form} set={set} err={err} metrics={metrics} currency={currency} />

        <TimeFields form={form} set={set} err={err} />

        <Fieldset legend="When and why">
          <Stack gap="sm">
            <Group grow wrap="wrap" align="flex-start">
              <TextInput
                type="date"
                label="Starts on"
                value={form.startsOn}
                onChange={(event) => set({ startsOn: event.currentTarget.value })}
                error={err('startsOn')}
                required
                miw={160}
              />
              <TextInput
                type="date"
                label="Ends on"
                description="Leave empty to keep it going"
                value={form.endsOn}
                onChange={(event) => set({ endsOn: event.currentTarget.value })}
                error={err('endsOn')}
                miw={160}
              />
            </Group>
            <Textarea
              label="Note (why)"
              description="The reason behind it, in a sentence the rep will understand"
              value={form.note}
              onChange={(event) => set({ note: event.currentTarget.value })}
              error={err('note')}
              rows={3}
              maxLength={2000}
            />
          </Stack>
        </Fieldset>

        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap="sm">
            <Button type="submit" loading={save.isPending}>
              {expectation ? 'Save changes' : 'Create expectation'}
            </Button>
            <Button variant="default" onClick={onCancel} disabled={save.isPending}>
              Cancel
            </Button>
          </Group>
          {actions}
        </Group>
        {metric && result.ok ? (
          <Text size="xs" c="dimmed">
            In short: {metric.name} {formatValue(result.body.target, metric.unit, currency)}{' '}
            {result.body.period === 'custom' ? 'in the custom period' : `per ${result.body.period}`}.
          </Text>
        ) : null}
      </Stack>
    </form>
  );
}
