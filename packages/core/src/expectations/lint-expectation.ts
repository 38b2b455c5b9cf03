import { isMeasurable } from '../metrics/catalogue';
import type { CurrentMembership, TeamNode } from '../access/team-tree';
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
  if (!isMeasurable(metric)) {
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
        sameScope(o.scope, expectation.scope),
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

/**
 * "Beside it" means set for the same people at the same level: a team's calls target needs an
 * outcome target for that team, not one set for the whole org by someone else.
 */
function sameScope(a: ExpectationScope, b: ExpectationScope): boolean {
  if (a.kind === 'rep' && b.kind === 'rep') return a.repId === b.repId;
  if (a.kind === 'team' && b.kind === 'team') return a.teamId === b.teamId;
  if (a.kind === 'role' && b.kind === 'role') return a.role === b.role;
  return false;
}
