import { withDescendants, type CurrentMembership, type TeamNode } from '../access/team-tree';
import type { MetricRegistry } from '../metrics/registry';
import { isActiveDuring, type ExpectationInput, type ExpectationScope } from './expectation';

export interface ExpectationWarning {
  code: 'activity_without_outcome' | 'unknown_metric' | 'metric_not_measured';
  field: string;
  message: string;
}

/**
 * Advice, not refusal: the expectation is saved, the leader sees why it is weak. Counting activity
 * (calls, e-mails) alone rewards motion over results, so an activity expectation should have an
 * outcome expectation beside it for the same people.
 */
export function lintExpectation(params: {
  expectation: ExpectationInput & { id?: string };
  others: readonly (ExpectationInput & { id: string })[];
  registry: MetricRegistry;
  teams: readonly TeamNode[];
  memberships: readonly CurrentMembership[];
}): ExpectationWarning[] {
  const { expectation, others, registry } = params;
  const metric = registry.get(expectation.metric);
  if (!metric) {
    return [{ code: 'unknown_metric', field: 'metric', message: `There is no metric "${expectation.metric}".` }];
  }
  const warnings: ExpectationWarning[] = [];
  if (!metric.definition) {
    warnings.push({
      code: 'metric_not_measured',
      field: 'metric',
      message: `${metric.name} is not measured yet, so this expectation will show "no data" until it is.`,
    });
  }
  if (metric.kind === 'activity') {
    const range = { start: expectation.startsOn, end: expectation.endsOn ?? '9999-12-31' };
    const hasOutcome = others.some(
      (o) =>
        o.id !== expectation.id &&
        isActiveDuring(o, range) &&
        registry.get(o.metric)?.kind === 'outcome' &&
        covers(o.scope, expectation.scope, params),
    );
    if (!hasOutcome) {
      warnings.push({
        code: 'activity_without_outcome',
        field: 'metric',
        message:
          `"${expectation.name}" counts ${metric.name.toLowerCase()}, an activity, with no outcome expectation beside it: ` +
          'counting calls instead of first meetings rewards motion, not results. Add an outcome expectation such as ' +
          'First meetings held or Pipeline created for the same people.',
      });
    }
  }
  return warnings;
}

/** Whether every rep `inner` covers is also covered by `outer`. */
function covers(
  outer: ExpectationScope,
  inner: ExpectationScope,
  org: { teams: readonly TeamNode[]; memberships: readonly CurrentMembership[] },
): boolean {
  if (outer.kind === 'role') return outer.role === 'rep' || (inner.kind === 'role' && inner.role === outer.role);
  if (inner.kind === 'role') return false;
  if (outer.kind === 'rep') return inner.kind === 'rep' && inner.repId === outer.repId;
  const below = withDescendants([outer.teamId], org.teams);
  if (inner.kind === 'team') return below.has(inner.teamId);
  const team = org.memberships.find((m) => m.userId === inner.repId)?.teamId;
  return team !== undefined && below.has(team);
}
