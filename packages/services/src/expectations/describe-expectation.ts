import {
  isActiveDuring,
  lintExpectation,
  usersInScope,
  type Expectation,
  type ExpectationWarning,
} from '@rightly/core';
import type { AssessmentContext } from '../assessment/assessment-context';

export type ExpectationView = Expectation & { active: boolean; repCount: number; warnings: ExpectationWarning[] };

/** An expectation as the API shows it: whether it applies today, to how many reps, and its lint. */
export function describeExpectation(ctx: AssessmentContext, e: Expectation): ExpectationView {
  const reps = [...usersInScope(e.scope, ctx.structure)].filter((id) =>
    ctx.structure.users.some((u) => u.id === id && u.role === 'rep'),
  );
  return {
    ...e,
    active: isActiveDuring(e, { start: ctx.today, end: ctx.today }),
    repCount: reps.length,
    warnings: lintExpectation({
      expectation: e,
      others: ctx.expectations,
      registry: ctx.registry,
      teams: ctx.structure.teams,
      memberships: ctx.structure.memberships,
    }),
  };
}
