import {
  expectationBodySchema,
  type ExpectationInput,
  type ExpectationScope,
  type PeriodKind,
  type UserRole,
} from '@rightly/core';
import type { FieldError } from '../../lib/api/api-error';

/**
 * The editor's state: what the inputs hold, which is looser than the API body (a number input
 * holds its text while it is blank or half-typed, a select may be unset). `bodyFromForm` turns it into an `ExpectationInput` or
 * into field errors named like the server's (`target`, `way.0.bound.value`), so both kinds of
 * error land under the same input.
 */
export type NumberField = number | string;

/** True for an input left empty. */
export function isBlank(value: NumberField): boolean {
  return typeof value === 'string' && value.trim() === '';
}

export interface WayRow {
  /** Stable React key for the row; not sent. */
  key: string;
  metric: string | null;
  comparator: 'at_least' | 'at_most';
  boundKind: 'absolute' | 'team_median';
  value: NumberField;
  factor: NumberField;
}

export interface ExpectationForm {
  name: string;
  scopeKind: ExpectationScope['kind'];
  repId: string | null;
  teamId: string | null;
  role: UserRole;
  metric: string | null;
  target: NumberField;
  period: PeriodKind;
  customStart: string;
  customEnd: string;
  way: WayRow[];
  pacing: 'linear' | 'seasonal';
  /** January first; twelve entries. */
  monthWeights: NumberField[];
  dueInDays: NumberField;
  leadTime: 'none' | 'sales_cycle';
  /** Whether reps report their own result for this expectation each reporting window. */
  selfReport: boolean;
  /** Kept as loaded: the server sets it when self-reporting is switched on mid-run. */
  selfReportFrom: string | null;
  startsOn: string;
  endsOn: string;
  note: string;
}

export const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;
export const MAX_WAY_STANDARDS = 5;

let rowCounter = 0;
function rowKey(): string {
  rowCounter += 1;
  return `way-${rowCounter}`;
}

export function newWayRow(): WayRow {
  return { key: rowKey(), metric: null, comparator: 'at_least', boundKind: 'absolute', value: '', factor: 1 };
}

export function evenMonthWeights(): NumberField[] {
  return Array.from({ length: 12 }, () => 1);
}

/** A blank expectation for all reps, starting today. */
export function emptyForm(today: string): ExpectationForm {
  return {
    name: '',
    scopeKind: 'role',
    repId: null,
    teamId: null,
    role: 'rep',
    metric: null,
    target: '',
    period: 'week',
    customStart: '',
    customEnd: '',
    way: [],
    pacing: 'linear',
    monthWeights: evenMonthWeights(),
    dueInDays: 0,
    leadTime: 'none',
    selfReport: false,
    selfReportFrom: null,
    startsOn: today,
    endsOn: '',
    note: '',
  };
}

export function formFromExpectation(expectation: ExpectationInput): ExpectationForm {
  const { scope, time } = expectation;
  return {
    name: expectation.name,
    scopeKind: scope.kind,
    repId: scope.kind === 'rep' ? scope.repId : null,
    teamId: scope.kind === 'team' ? scope.teamId : null,
    role: scope.kind === 'role' ? scope.role : 'rep',
    metric: expectation.metric,
    target: expectation.target,
    period: expectation.period,
    customStart: expectation.customStart ?? '',
    customEnd: expectation.customEnd ?? '',
    way: expectation.way.map((standard) => ({
      key: rowKey(),
      metric: standard.metric,
      comparator: standard.comparator,
      boundKind: standard.bound.kind,
      value: standard.bound.kind === 'absolute' ? standard.bound.value : '',
      factor: standard.bound.kind === 'team_median' ? standard.bound.factor : 1,
    })),
    pacing: time.pacing.kind,
    monthWeights: time.pacing.kind === 'seasonal' ? [...time.pacing.monthWeights] : evenMonthWeights(),
    dueInDays: time.dueInDays,
    leadTime: time.leadTime,
    selfReport: time.selfReport,
    selfReportFrom: time.selfReportFrom,
    startsOn: expectation.startsOn,
    endsOn: expectation.endsOn ?? '',
    note: expectation.note,
  };
}

export type FormResult = { ok: true; body: ExpectationInput } | { ok: false; errors: FieldError[] };

function scopeOf(form: ExpectationForm): unknown {
  if (form.scopeKind === 'rep') return { kind: 'rep', repId: form.repId ?? '' };
  if (form.scopeKind === 'team') return { kind: 'team', teamId: form.teamId ?? '' };
  return { kind: 'role', role: form.role };
}

/**
 * A number input's value as the API wants it: a blank stays missing (reported as required), a
 * half-typed `1.` is read as 1, and anything else that is not a number becomes NaN for the schema
 * to refuse.
 */
const num = (value: NumberField): number | undefined =>
  typeof value === 'number' ? value : isBlank(value) ? undefined : Number(value);

/**
 * The API body for the form, or the errors to show. Missing inputs get plain messages first;
 * everything else is checked by the same schema the server uses.
 */
export function bodyFromForm(form: ExpectationForm): FormResult {
  const errors: FieldError[] = [];
  const require = (field: string, missing: boolean, message = 'is required') => {
    if (missing) errors.push({ field, message });
  };
  require('name', form.name.trim() === '');
  require('scope.repId', form.scopeKind === 'rep' && !form.repId, 'choose a rep');
  require('scope.teamId', form.scopeKind === 'team' && !form.teamId, 'choose a team');
  require('metric', !form.metric, 'choose a metric');
  require('target', isBlank(form.target));
  if (form.period === 'custom') {
    require('customStart', form.customStart === '', 'is required for a custom period');
    require('customEnd', form.customEnd === '', 'is required for a custom period');
  }
  form.way.forEach((row, index) => {
    require(`way.${index}.metric`, !row.metric, 'choose a metric');
    require(`way.${index}.bound.value`, row.boundKind === 'absolute' && isBlank(row.value));
    require(`way.${index}.bound.factor`, row.boundKind === 'team_median' && isBlank(row.factor));
  });
  if (form.pacing === 'seasonal') {
    form.monthWeights.forEach((weight, index) => require(`time.pacing.monthWeights.${index}`, isBlank(weight)));
  }
  require('time.dueInDays', isBlank(form.dueInDays));
  require('startsOn', form.startsOn === '');

  const candidate = {
    name: form.name.trim(),
    scope: scopeOf(form),
    metric: form.metric ?? '',
    target: num(form.target),
    period: form.period,
    customStart: form.period === 'custom' && form.customStart ? form.customStart : null,
    customEnd: form.period === 'custom' && form.customEnd ? form.customEnd : null,
    way: form.way.map((row) => ({
      metric: row.metric ?? '',
      comparator: row.comparator,
      bound:
        row.boundKind === 'absolute'
          ? { kind: 'absolute', value: num(row.value) }
          : { kind: 'team_median', factor: num(row.factor) },
    })),
    time: {
      pacing:
        form.pacing === 'seasonal'
          ? { kind: 'seasonal', monthWeights: form.monthWeights.map(num) }
          : { kind: 'linear' },
      dueInDays: num(form.dueInDays),
      leadTime: form.leadTime,
      selfReport: form.selfReport,
      selfReportFrom: form.selfReportFrom,
    },
    startsOn: form.startsOn,
    endsOn: form.endsOn === '' ? null : form.endsOn,
    note: form.note.trim(),
  };
  const parsed = expectationBodySchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.map(String).join('.');
      // A missing input already has its plain message; the schema's would only repeat it.
      if (errors.some((error) => error.field === field || field.startsWith(`${error.field}.`))) continue;
      errors.push({ field, message: issue.message });
    }
  }
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, body: parsed.data };
}

/** The message for one input from a list of field errors (client or server). */
export function errorFor(errors: readonly FieldError[], field: string): string | undefined {
  return errors.find((error) => error.field === field)?.message;
}

/** Where each field's error shows: anything the editor has no input for is listed at the top instead. */
export function isShownAtInput(field: string): boolean {
  return (
    /^(name|metric|target|period|customStart|customEnd|startsOn|endsOn|note)$/.test(field) ||
    /^scope(\.(repId|teamId|role))?$/.test(field) ||
    /^way\.\d+\.(metric|comparator|bound\.value|bound\.factor)$/.test(field) ||
    /^time\.(dueInDays|leadTime)$/.test(field) ||
    /^time\.pacing(\.monthWeights(\.\d+)?)?$/.test(field)
  );
}
