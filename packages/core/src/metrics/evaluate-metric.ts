import { daysBetween, type IsoDate } from '../time/calendar';
import type { ActivityFact, Facts, OpportunityFact, StageChangeFact } from './facts';
import type { BaseMeasure, MeasureRef, MetricDefinition } from './metric-definition';

/** Finds a metric's definition by key (built-in or custom); null when unknown or not measurable. */
export type MetricLookup = (key: string) => MetricDefinition | null;

/**
 * A stable text key for a base measure: the same measure written twice (filters in another order,
 * keys in another order) gets the same key, so it is stored and summed once.
 */
// Assessments look keys up for every rep and period; a measure's key is worked out once.
const keys = new WeakMap<BaseMeasure, string>();

export function baseMeasureKey(measure: BaseMeasure): string {
  const known = keys.get(measure);
  if (known !== undefined) return known;
  const key = canonicalKey(measure);
  keys.set(measure, key);
  return key;
}

function canonicalKey(measure: BaseMeasure): string {
  const filters = [...measure.filters]
    .map((f) =>
      JSON.stringify({ field: f.field, op: f.op, value: Array.isArray(f.value) ? [...f.value].sort() : f.value }),
    )
    .sort();
  return JSON.stringify({
    source: measure.source,
    event: 'event' in measure ? measure.event : null,
    aggregate: measure.aggregate,
    field: 'field' in measure ? (measure.field ?? null) : null,
    filters,
  });
}

/** Resolves a part of a metric to its base measure; throws for unknown or non-base references. */
export function resolveRef(ref: MeasureRef, lookup: MetricLookup): BaseMeasure {
  if (!('metric' in ref)) return ref;
  const definition = lookup(ref.metric);
  if (!definition) throw new RangeError(`Unknown or unmeasurable metric: ${ref.metric}`);
  if (definition.type !== 'base')
    throw new RangeError(`${ref.metric} is not a base metric and cannot be part of another`);
  return definition.measure;
}

/** Every base measure a definition needs, by key. */
export function baseMeasuresOf(definition: MetricDefinition, lookup: MetricLookup): Map<string, BaseMeasure> {
  const parts: MeasureRef[] =
    definition.type === 'base'
      ? [definition.measure]
      : definition.type === 'ratio'
        ? [definition.numerator, ...definition.denominator]
        : [definition.part, definition.whole];
  const result = new Map<string, BaseMeasure>();
  for (const part of parts) {
    const measure = resolveRef(part, lookup);
    result.set(baseMeasureKey(measure), measure);
  }
  return result;
}

/** A metric's value from a function giving the total of each base measure (by key). */
export type Combination = (total: (baseKey: string) => number) => number | null;

/**
 * A metric's definition turned into arithmetic over its base measures' totals, with every key
 * worked out once: an assessment combines the same metrics for thousands of reps and periods.
 * Null when a ratio or share has nothing to divide by: "no data", which is not the same as zero.
 */
export function compileCombination(definition: MetricDefinition, lookup: MetricLookup): Combination {
  const key = (ref: MeasureRef) => baseMeasureKey(resolveRef(ref, lookup));
  if (definition.type === 'base') {
    const only = baseMeasureKey(definition.measure);
    return (total) => total(only);
  }
  if (definition.type === 'ratio') {
    const numerator = key(definition.numerator);
    const denominator = definition.denominator.map(key);
    const { scale } = definition;
    return (total) => {
      let below = 0;
      for (const part of denominator) below += total(part);
      return below === 0 ? null : (total(numerator) / below) * scale;
    };
  }
  const part = key(definition.part);
  const whole = key(definition.whole);
  return (total) => {
    const of = total(whole);
    return of === 0 ? null : (total(part) / of) * 100;
  };
}

/**
 * A metric's value from the totals of its base measures. Null when a ratio or share has nothing to
 * divide by: "no data", which is not the same as zero.
 */
export function combineMeasures(params: {
  definition: MetricDefinition;
  lookup: MetricLookup;
  total: (baseKey: string) => number;
}): number | null {
  return compileCombination(params.definition, params.lookup)(params.total);
}

/** A base measure over raw facts, for one rep (facts already filtered) and the days from–to, both included. */
export function evaluateBaseMeasure(measure: BaseMeasure, facts: Facts, from: IsoDate, to: IsoDate): number {
  const inRange = (day: IsoDate | null): boolean => day !== null && day >= from && day <= to;
  if (measure.source === 'activities') {
    const rows = facts.activities.filter((a) => inRange(a.day) && measure.filters.every((f) => activityPasses(a, f)));
    return measure.aggregate === 'count' ? rows.length : rows.reduce((s, a) => s + (a.durationSeconds ?? 0), 0);
  }
  if (measure.source === 'stage_changes') {
    return facts.stageChanges.filter((c) => inRange(c.day) && measure.filters.every((f) => stagePasses(c, f))).length;
  }
  const rows = facts.opportunities.filter(
    (o) => eventDayInRange(o, measure.event, inRange) && measure.filters.every((f) => opportunityPasses(o, f)),
  );
  if (measure.aggregate === 'count') return rows.length;
  return rows.reduce((s, o) => s + opportunityField(o, measure.field ?? 'amount'), 0);
}

function eventDayInRange(o: OpportunityFact, event: string, inRange: (d: IsoDate | null) => boolean): boolean {
  if (event === 'created') return inRange(o.createdDay);
  if (event === 'won') return o.status === 'won' && inRange(o.closedDay);
  if (event === 'lost') return o.status === 'lost' && inRange(o.closedDay);
  return o.status !== 'open' && inRange(o.closedDay);
}

export function opportunityField(o: OpportunityFact, field: 'amount' | 'strategic_amount' | 'cycle_days'): number {
  if (field === 'amount') return o.amount;
  if (field === 'strategic_amount') return o.amount * o.strategicWeight;
  return o.closedDay === null ? 0 : daysBetween(o.createdDay, o.closedDay);
}

interface AnyFilter {
  field: string;
  op: string;
  value: unknown;
}

/**
 * Filter semantics shared with the SQL compiler: `eq`/`in` never match a missing value; `neq` and
 * `not_in` do (a touch with no channel is "not phone"); number comparisons never match a missing value.
 */
export function valuePasses(actual: string | number | boolean | null, filter: AnyFilter): boolean {
  const { op, value } = filter;
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  switch (op) {
    case 'eq':
      return actual !== null && actual === value;
    case 'neq':
      return actual === null || actual !== value;
    case 'in':
      return actual !== null && list.includes(actual);
    case 'not_in':
      return actual === null || !list.includes(actual);
    case 'gt':
      return actual !== null && (actual as number) > (value as number);
    case 'gte':
      return actual !== null && (actual as number) >= (value as number);
    case 'lt':
      return actual !== null && (actual as number) < (value as number);
    case 'lte':
      return actual !== null && (actual as number) <= (value as number);
    default:
      return false;
  }
}

function activityPasses(a: ActivityFact, f: AnyFilter): boolean {
  const actual: Record<string, string | number | boolean | null> = {
    type: a.type,
    channel: a.channel,
    outcome: a.outcome,
    prospecting: a.prospecting,
    meeting_number: a.meetingNumber,
    duration_seconds: a.durationSeconds,
  };
  return valuePasses(actual[f.field] ?? null, f);
}

function opportunityPasses(o: OpportunityFact, f: AnyFilter): boolean {
  const actual: Record<string, string | number | boolean | null> = {
    offering: o.offeringId,
    strategic: o.strategicWeight > 0,
    stage: o.stage,
    status: o.status,
    amount: o.amount,
  };
  return valuePasses(actual[f.field] ?? null, f);
}

function stagePasses(c: StageChangeFact, f: AnyFilter): boolean {
  const actual: Record<string, string | number | boolean | null> = {
    stage: c.stage,
    status: c.status,
    advance: c.advance,
  };
  return valuePasses(actual[f.field] ?? null, f);
}
