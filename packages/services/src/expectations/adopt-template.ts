import {
  AppError,
  EXPECTATION_TEMPLATES,
  usersInScope,
  type ExpectationScope,
  type IsoDate,
  type Viewer,
} from '@rightly/core';
import type { ServiceDeps } from '../deps';
import { loadAssessmentContext } from '../assessment/assessment-context';
import { createExpectation } from './create-expectation';
import type { ExpectationView } from './describe-expectation';
import { requireManage } from './expectation-access';
import { suggestFor } from './suggest-targets';

/**
 * One click from the playbook to an expectation: the template's standards and timing, and a
 * target from the reps' own history when the template leaves it open. Edit it afterwards.
 */
export async function adoptTemplate(
  deps: ServiceDeps,
  input: { viewer: Viewer; key: string; scope: ExpectationScope; startsOn?: IsoDate },
): Promise<ExpectationView> {
  const template = EXPECTATION_TEMPLATES.find((t) => t.key === input.key);
  if (!template) {
    throw new AppError({
      code: 'not_found',
      message: `There is no template "${input.key}". Templates: ${EXPECTATION_TEMPLATES.map((t) => t.key).join(', ')}.`,
    });
  }
  const ctx = await loadAssessmentContext(deps, input.viewer);
  requireManage(ctx, input.viewer, input.scope);
  let target = template.defaults.target;
  if (target === null) {
    const reps = [...usersInScope(input.scope, ctx.structure)].filter((id) =>
      ctx.structure.users.some((u) => u.id === id && u.role === 'rep'),
    );
    const period = template.defaults.period === 'custom' ? 'week' : template.defaults.period;
    target = (await suggestFor(deps, ctx, { metric: template.defaults.metric, period, repIds: reps })).suggested ?? 0;
  }
  return createExpectation(deps, {
    viewer: input.viewer,
    template: template.key,
    expectation: { ...template.defaults, target, scope: input.scope, startsOn: input.startsOn ?? ctx.today },
  });
}
