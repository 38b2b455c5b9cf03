import { Checkbox, Fieldset, Input, NumberInput, SegmentedControl, SimpleGrid, Stack } from '@mantine/core';
import { evenMonthWeights, MONTH_NAMES, type ExpectationForm } from './expectation-form';
import { numberField, type EditorSectionProps } from './editor-fields';

/** The right time: how the target builds up through the period, when it is due, and the lead time. */
export function TimeFields({ form, set, err }: EditorSectionProps) {
  return (
    <Fieldset legend="The right time: pacing, due date, lead time">
      <Stack gap="sm">
        <Input.Wrapper
          label="Pacing"
          description="How the target is expected to build up through the period"
          error={err('time.pacing')}
          labelElement="div"
        >
          <SegmentedControl
            aria-label="Pacing"
            value={form.pacing}
            onChange={(value) =>
              set({
                pacing: value as ExpectationForm['pacing'],
                monthWeights: form.monthWeights.length === 12 ? form.monthWeights : evenMonthWeights(),
              })
            }
            data={[
              { value: 'linear', label: 'Even' },
              { value: 'seasonal', label: 'Seasonal' },
            ]}
            mt={4}
          />
        </Input.Wrapper>
        {form.pacing === 'seasonal' ? (
          <Input.Wrapper
            label="Month weights"
            description="Relative effort per month, January first: a quiet December gets a smaller number"
            error={err('time.pacing.monthWeights')}
            labelElement="div"
          >
            <SimpleGrid cols={{ base: 3, xs: 4, sm: 6 }} spacing="xs" mt={4}>
              {MONTH_NAMES.map((month, index) => (
                <NumberInput
                  key={month}
                  label={month}
                  aria-label={`Weight for ${month}`}
                  value={form.monthWeights[index] ?? ''}
                  onChange={(value) =>
                    set({ monthWeights: form.monthWeights.map((w, i) => (i === index ? numberField(value) : w)) })
                  }
                  error={err(`time.pacing.monthWeights.${index}`)}
                  min={0}
                  max={100}
                  decimalScale={2}
                  allowNegative={false}
                  hideControls
                />
              ))}
            </SimpleGrid>
          </Input.Wrapper>
        ) : null}
        <NumberInput
          label="Due, in days after the period ends"
          description="When the period’s result is final; 0 = on the last day"
          value={form.dueInDays}
          onChange={(value) => set({ dueInDays: numberField(value) })}
          error={err('time.dueInDays')}
          min={0}
          max={60}
          allowDecimal={false}
          allowNegative={false}
          w={{ base: '100%', xs: 420 }}
        />
        <Input.Wrapper
          label="Lead time"
          description="One sales cycle: this period’s work is what closes a cycle later, so the forecast for that month is checked too"
          error={err('time.leadTime')}
          labelElement="div"
        >
          <SegmentedControl
            aria-label="Lead time"
            value={form.leadTime}
            onChange={(value) => set({ leadTime: value as ExpectationForm['leadTime'] })}
            data={[
              { value: 'none', label: 'None' },
              { value: 'sales_cycle', label: 'One sales cycle' },
            ]}
            mt={4}
          />
        </Input.Wrapper>
        <Checkbox
          label="Reps self-report their result"
          description="Each rep reports this expectation once per reporting window of their cadence, due the next working morning; late and missing reports count against the time right"
          checked={form.selfReport}
          onChange={(event) => set({ selfReport: event.currentTarget.checked })}
        />
      </Stack>
    </Fieldset>
  );
}
