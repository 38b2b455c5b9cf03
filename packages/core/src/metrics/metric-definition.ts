import { z } from 'zod';
import { ACTIVITY_CHANNELS, ACTIVITY_OUTCOMES, ACTIVITY_TYPES } from '../domain/activity';
import { OPPORTUNITY_STATUSES } from '../domain/opportunity';

/**
 * A metric is data, never code or SQL: a *base* measure counts or sums records of one source that
 * pass a list of filters (all must hold), and a *derived* measure divides two base measures.
 * The same definition is compiled to SQL over the rollups and evaluated in memory here; the two
 * must agree (a property test checks it).
 */
export const RIGHTS = ['thing', 'way', 'time'] as const;
export type Right = (typeof RIGHTS)[number];

export const METRIC_KINDS = ['outcome', 'activity'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

export const METRIC_UNITS = ['count', 'percent', 'currency', 'days'] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

const enumFilter = <T extends readonly [string, ...string[]]>(field: string, values: T) =>
  z.object({
    field: z.literal(field),
    op: z.enum(['eq', 'neq', 'in', 'not_in']),
    value: z.union([z.enum(values), z.array(z.enum(values)).min(1)]),
  });
const booleanFilter = (field: string) => z.object({ field: z.literal(field), op: z.literal('eq'), value: z.boolean() });
const numberFilter = (field: string) =>
  z.object({
    field: z.literal(field),
    op: z.enum(['eq', 'neq', 'gt', 'gte', 'lt', 'lte']),
    value: z.number().finite(),
  });
const textFilter = (field: string) =>
  z.object({
    field: z.literal(field),
    op: z.enum(['eq', 'neq', 'in', 'not_in']),
    value: z.union([z.string().max(200), z.array(z.string().max(200)).min(1).max(50)]),
  });

export const activityFilterSchema = z.discriminatedUnion('field', [
  enumFilter('type', ACTIVITY_TYPES),
  enumFilter('channel', ACTIVITY_CHANNELS),
  enumFilter('outcome', ACTIVITY_OUTCOMES),
  booleanFilter('prospecting'),
  numberFilter('meeting_number'),
  numberFilter('duration_seconds'),
]);
export type ActivityFilter = z.infer<typeof activityFilterSchema>;

export const opportunityFilterSchema = z.discriminatedUnion('field', [
  textFilter('offering'),
  booleanFilter('strategic'),
  textFilter('stage'),
  enumFilter('status', OPPORTUNITY_STATUSES),
  numberFilter('amount'),
]);
export type OpportunityFilter = z.infer<typeof opportunityFilterSchema>;

export const stageChangeFilterSchema = z.discriminatedUnion('field', [
  textFilter('stage'),
  enumFilter('status', OPPORTUNITY_STATUSES),
  booleanFilter('advance'),
]);
export type StageChangeFilter = z.infer<typeof stageChangeFilterSchema>;

/** Which date puts an opportunity in a period: when it was opened, won, lost, or closed either way. */
export const OPPORTUNITY_EVENTS = ['created', 'won', 'lost', 'closed'] as const;
export type OpportunityEvent = (typeof OPPORTUNITY_EVENTS)[number];

const filters = <T extends z.ZodType>(schema: T) => z.array(schema).max(10).default([]);

export const baseMeasureSchema = z.discriminatedUnion('source', [
  z.object({
    source: z.literal('activities'),
    aggregate: z.enum(['count', 'sum']),
    /** Summed field when aggregate is `sum`. */
    field: z.literal('duration_seconds').optional(),
    filters: filters(activityFilterSchema),
  }),
  z.object({
    source: z.literal('opportunities'),
    event: z.enum(OPPORTUNITY_EVENTS),
    aggregate: z.enum(['count', 'sum']),
    /** `strategic_amount` is the amount times the offering's strategic weight; `cycle_days` created → closed. */
    field: z.enum(['amount', 'strategic_amount', 'cycle_days']).optional(),
    filters: filters(opportunityFilterSchema),
  }),
  z.object({
    source: z.literal('stage_changes'),
    aggregate: z.literal('count'),
    filters: filters(stageChangeFilterSchema),
  }),
]);
export type BaseMeasure = z.infer<typeof baseMeasureSchema>;

/** A part of a derived metric: a built-in or custom base metric by key, or a base measure written inline. */
export const measureRefSchema = z.union([z.object({ metric: z.string().min(1).max(80) }), baseMeasureSchema]);
export type MeasureRef = z.infer<typeof measureRefSchema>;

export const metricDefinitionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('base'), measure: baseMeasureSchema }),
  z.object({
    type: z.literal('ratio'),
    numerator: measureRefSchema,
    /** Several parts are added up, e.g. won + lost deals for a win rate. */
    denominator: z.array(measureRefSchema).min(1).max(4),
    /** 100 for percentages and "per 100"; 1 for plain ratios such as days per deal. */
    scale: z.union([z.literal(1), z.literal(100)]).default(100),
  }),
  /** The part as a percentage of the whole, e.g. phone touches among all prospecting touches. */
  z.object({ type: z.literal('share'), part: measureRefSchema, whole: measureRefSchema }),
]);
export type MetricDefinition = z.infer<typeof metricDefinitionSchema>;
