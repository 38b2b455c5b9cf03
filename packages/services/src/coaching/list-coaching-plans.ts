import type { CoachingPlansQuery, CoachingPlansResponse, Viewer } from '@rightly/core';
import { listCoachingPlans as listStoredPlans } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { resolveReps } from '../assessment/resolve-scope';
import { loadCoachingContext, summarizePlans } from './coaching-context';

/** Plans the viewer may see: a rep their own, a leader their teams' reps', an admin everyone's. */
export async function listCoachingPlans(
  deps: ServiceDeps,
  input: { viewer: Viewer } & CoachingPlansQuery,
): Promise<CoachingPlansResponse> {
  const ctx = await loadCoachingContext(deps, input.viewer);
  const repIds = resolveReps(ctx, { team: input.team ?? null, repId: input.rep ?? null });
  const plans = await listStoredPlans(deps.db, { orgId: ctx.org.id, repIds, status: input.status });
  return { plans: await summarizePlans(deps, ctx, plans) };
}
