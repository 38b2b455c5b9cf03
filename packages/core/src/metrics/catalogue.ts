import type { BaseMeasure, MetricDefinition, MetricKind, MetricUnit, Right } from './metric-definition';

/** A metric as the UI and the assessment see it, built-in or custom. */
export interface MetricInfo {
  key: string;
  name: string;
  kind: MetricKind;
  /** The right this metric mostly speaks to, shown beside it. */
  right: Right;
  unit: MetricUnit;
  /** Whether more is better; average sales cycle is the one where less is. */
  direction: 'higher' | 'lower';
  /** One line, shown in the UI beside the metric. */
  description: string;
  /** How the CRM data is aggregated; null for a metric measured from something else (`measuredFrom`). */
  definition: MetricDefinition | null;
  /** Set for metrics computed from self-reports rather than CRM rollups. */
  measuredFrom?: 'self_reports';
  builtIn: boolean;
}

const base = (measure: BaseMeasure): MetricDefinition => ({ type: 'base', measure });
const activityCount = (filters: Extract<BaseMeasure, { source: 'activities' }>['filters']): MetricDefinition =>
  base({ source: 'activities', aggregate: 'count', filters });
const ref = (metric: string) => ({ metric });

const builtIn = (info: Omit<MetricInfo, 'builtIn' | 'direction'> & Partial<MetricInfo>): MetricInfo => ({
  direction: 'higher',
  ...info,
  builtIn: true,
});

/**
 * The built-in catalogue. Outcome metrics come first because accountability starts with results
 * (meetings, pipeline); activity counts are there for diagnosis, and the expectation lint warns
 * when they are used alone.
 */
export const BUILT_IN_METRICS: readonly MetricInfo[] = [
  builtIn({
    key: 'first_meetings_held',
    name: 'First meetings held',
    kind: 'outcome',
    right: 'thing',
    unit: 'count',
    description: 'Held meetings that were the rep’s first with that account.',
    definition: activityCount([{ field: 'meeting_number', op: 'eq', value: 1 }]),
  }),
  builtIn({
    key: 'second_meetings_held',
    name: 'Second meetings held',
    kind: 'outcome',
    right: 'thing',
    unit: 'count',
    description: 'Held meetings that were the rep’s second with that account.',
    definition: activityCount([{ field: 'meeting_number', op: 'eq', value: 2 }]),
  }),
  builtIn({
    key: 'first_to_second_meeting_conversion',
    name: 'First → second meeting conversion',
    kind: 'outcome',
    right: 'way',
    unit: 'percent',
    description: 'Second meetings held per first meeting held in the period.',
    definition: {
      type: 'ratio',
      numerator: ref('second_meetings_held'),
      denominator: [ref('first_meetings_held')],
      scale: 100,
    },
  }),
  builtIn({
    key: 'meetings_held',
    name: 'Meetings held',
    kind: 'outcome',
    right: 'thing',
    unit: 'count',
    description: 'All meetings that took place, first, second or later.',
    definition: activityCount([
      { field: 'type', op: 'eq', value: 'meeting' },
      { field: 'outcome', op: 'eq', value: 'held' },
    ]),
  }),
  builtIn({
    key: 'prospecting_meetings_booked',
    name: 'Meetings booked from prospecting',
    kind: 'outcome',
    right: 'thing',
    unit: 'count',
    description: 'Prospecting touches that booked a meeting.',
    definition: activityCount([
      { field: 'prospecting', op: 'eq', value: true },
      { field: 'outcome', op: 'eq', value: 'meeting_booked' },
    ]),
  }),
  builtIn({
    key: 'prospecting_touches',
    name: 'Prospecting touches',
    kind: 'activity',
    right: 'thing',
    unit: 'count',
    description: 'Calls, e-mails and social touches on accounts with no opportunity yet.',
    definition: activityCount([{ field: 'prospecting', op: 'eq', value: true }]),
  }),
  builtIn({
    key: 'prospecting_phone_touches',
    name: 'Prospecting touches by phone',
    kind: 'activity',
    right: 'way',
    unit: 'count',
    description: 'Prospecting touches made by phone.',
    definition: activityCount([
      { field: 'prospecting', op: 'eq', value: true },
      { field: 'channel', op: 'eq', value: 'phone' },
    ]),
  }),
  builtIn({
    key: 'phone_share_of_prospecting',
    name: 'Phone share of prospecting',
    kind: 'activity',
    right: 'way',
    unit: 'percent',
    description: 'Share of prospecting touches made by phone rather than e-mail or social.',
    definition: { type: 'share', part: ref('prospecting_phone_touches'), whole: ref('prospecting_touches') },
  }),
  builtIn({
    key: 'meetings_booked_per_100_touches',
    name: 'Meetings booked per 100 prospecting touches',
    kind: 'outcome',
    right: 'way',
    unit: 'percent',
    description: 'How many meetings 100 prospecting touches book: the yield of the method.',
    definition: {
      type: 'ratio',
      numerator: ref('prospecting_meetings_booked'),
      denominator: [ref('prospecting_touches')],
      scale: 100,
    },
  }),
  builtIn({
    key: 'new_opportunities',
    name: 'New opportunities',
    kind: 'outcome',
    right: 'thing',
    unit: 'count',
    description: 'Opportunities opened in the period.',
    definition: base({ source: 'opportunities', event: 'created', aggregate: 'count', filters: [] }),
  }),
  builtIn({
    key: 'pipeline_created',
    name: 'Pipeline created',
    kind: 'outcome',
    right: 'thing',
    unit: 'currency',
    description: 'Value of the opportunities opened in the period.',
    definition: base({ source: 'opportunities', event: 'created', aggregate: 'sum', field: 'amount', filters: [] }),
  }),
  builtIn({
    key: 'strategic_pipeline_created',
    name: 'Strategic pipeline created',
    kind: 'outcome',
    right: 'thing',
    unit: 'currency',
    description: 'New pipeline weighted by each offering’s strategic weight.',
    definition: base({
      source: 'opportunities',
      event: 'created',
      aggregate: 'sum',
      field: 'strategic_amount',
      filters: [],
    }),
  }),
  builtIn({
    key: 'strategic_share_of_new_pipeline',
    name: 'Strategic share of new pipeline',
    kind: 'outcome',
    right: 'thing',
    unit: 'percent',
    description: 'Share of new pipeline in the offerings the strategy needs, by strategic weight.',
    definition: { type: 'share', part: ref('strategic_pipeline_created'), whole: ref('pipeline_created') },
  }),
  builtIn({
    key: 'deals_won',
    name: 'Deals won',
    kind: 'outcome',
    right: 'thing',
    unit: 'count',
    description: 'Opportunities won in the period.',
    definition: base({ source: 'opportunities', event: 'won', aggregate: 'count', filters: [] }),
  }),
  builtIn({
    key: 'won_value',
    name: 'Bookings (won value)',
    kind: 'outcome',
    right: 'thing',
    unit: 'currency',
    description: 'Value of the opportunities won in the period.',
    definition: base({ source: 'opportunities', event: 'won', aggregate: 'sum', field: 'amount', filters: [] }),
  }),
  builtIn({
    key: 'deals_lost',
    name: 'Deals lost',
    kind: 'outcome',
    right: 'way',
    unit: 'count',
    description: 'Opportunities lost in the period.',
    definition: base({ source: 'opportunities', event: 'lost', aggregate: 'count', filters: [] }),
  }),
  builtIn({
    key: 'win_rate',
    name: 'Win rate',
    kind: 'outcome',
    right: 'way',
    unit: 'percent',
    description: 'Won deals among the deals closed (won or lost) in the period.',
    definition: {
      type: 'ratio',
      numerator: ref('deals_won'),
      denominator: [ref('deals_won'), ref('deals_lost')],
      scale: 100,
    },
  }),
  builtIn({
    key: 'stage_advances',
    name: 'Stage advances',
    kind: 'outcome',
    right: 'way',
    unit: 'count',
    description: 'Moves of an open opportunity into a later stage.',
    definition: base({
      source: 'stage_changes',
      aggregate: 'count',
      filters: [{ field: 'advance', op: 'eq', value: true }],
    }),
  }),
  builtIn({
    key: 'stage_conversion',
    name: 'Stage conversion',
    kind: 'outcome',
    right: 'way',
    unit: 'percent',
    description: 'Stage exits that moved a deal forward rather than losing it.',
    definition: {
      type: 'ratio',
      numerator: ref('stage_advances'),
      denominator: [ref('stage_advances'), ref('deals_lost')],
      scale: 100,
    },
  }),
  builtIn({
    key: 'won_cycle_days',
    name: 'Days to win (total)',
    kind: 'outcome',
    right: 'time',
    unit: 'days',
    direction: 'lower',
    description: 'Sum of the days from opening to winning over the deals won in the period.',
    definition: base({ source: 'opportunities', event: 'won', aggregate: 'sum', field: 'cycle_days', filters: [] }),
  }),
  builtIn({
    key: 'average_sales_cycle_days',
    name: 'Average sales cycle',
    kind: 'outcome',
    right: 'time',
    unit: 'days',
    direction: 'lower',
    description: 'Average days from opening an opportunity to winning it, for deals won in the period.',
    definition: { type: 'ratio', numerator: ref('won_cycle_days'), denominator: [ref('deals_won')], scale: 1 },
  }),
  builtIn({
    key: 'calls_made',
    name: 'Calls made',
    kind: 'activity',
    right: 'thing',
    unit: 'count',
    description: 'Every call logged, whatever its outcome.',
    definition: activityCount([{ field: 'type', op: 'eq', value: 'call' }]),
  }),
  builtIn({
    key: 'emails_sent',
    name: 'E-mails sent',
    kind: 'activity',
    right: 'thing',
    unit: 'count',
    description: 'Every e-mail logged.',
    definition: activityCount([{ field: 'type', op: 'eq', value: 'email' }]),
  }),
  builtIn({
    key: 'activities_logged',
    name: 'Activities logged',
    kind: 'activity',
    right: 'thing',
    unit: 'count',
    description: 'Every touch logged in the CRM.',
    definition: activityCount([]),
  }),
  builtIn({
    key: 'self_reports_on_time',
    name: 'Self-reports on time',
    kind: 'outcome',
    right: 'time',
    unit: 'percent',
    description: 'Self-reports submitted by their due date, among those due.',
    // Measured from the self-reports themselves, not from CRM rollups.
    definition: null,
    measuredFrom: 'self_reports',
  }),
];

/** Whether Rightly can put a number on the metric at all. */
export function isMeasurable(metric: Pick<MetricInfo, 'definition' | 'measuredFrom'>): boolean {
  return metric.definition !== null || metric.measuredFrom !== undefined;
}

export const BUILT_IN_BY_KEY: ReadonlyMap<string, MetricInfo> = new Map(BUILT_IN_METRICS.map((m) => [m.key, m]));
