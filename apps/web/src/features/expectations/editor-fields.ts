import type { MetricUnit } from '@rightly/core';
import type { ExpectationForm, NumberField } from './expectation-form';

/** What each section of the expectation editor gets from the form that holds it. */
export interface EditorSectionProps {
  form: ExpectationForm;
  set: <K extends keyof ExpectationForm>(patch: Pick<ExpectationForm, K>) => void;
  /** The error message for an API field path, if any. */
  err: (field: string) => string | undefined;
}

export function numberField(value: number | string): NumberField {
  return value;
}

/** "$" before money, "%" or " days" after rates and durations, in a number input. */
export function unitAffixes(unit: MetricUnit | undefined, currency: string): { prefix?: string; suffix?: string } {
  if (unit === 'percent') return { suffix: '%' };
  if (unit === 'days') return { suffix: ' days' };
  if (unit === 'currency') {
    const symbol =
      new Intl.NumberFormat('en-US', { style: 'currency', currency })
        .formatToParts(0)
        .find((p) => p.type === 'currency')?.value ?? '';
    return { prefix: symbol };
  }
  return {};
}
