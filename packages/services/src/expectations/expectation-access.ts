import {
  AppError,
  teamsInLeaderScope,
  usersInScope,
  type ExpectationInput,
  type ExpectationScope,
  type Viewer,
} from '@rightly/core';
import type { AssessmentContext } from '../assessment/assessment-context';

/**
 * Who may set an expectation for whom: an admin for anyone; a leader for the reps and teams they
 * lead (an org-wide role scope only when they lead a top-level team); a rep for no one.
 */
export function canManageScope(ctx: AssessmentContext, viewer: Viewer, scope: ExpectationScope): boolean {
  if (viewer.role === 'admin') return true;
  if (viewer.role !== 'leader') return false;
  const led = teamsInLeaderScope(viewer.userId, ctx.structure.teams);
  if (scope.kind === 'team') return led.has(scope.teamId);
  if (scope.kind === 'rep') return led.has(ctx.teamOf.get(scope.repId) ?? '');
  return ctx.structure.teams.some((t) => t.parentId === null && t.leaderId === viewer.userId);
}

/** A rep sees the expectations that apply to them; leaders those for anyone they can see. */
export function canSeeExpectation(ctx: AssessmentContext, viewer: Viewer, scope: ExpectationScope): boolean {
  if (viewer.role === 'admin') return true;
  const covered = usersInScope(scope, ctx.structure);
  if (viewer.role === 'rep') return covered.has(viewer.userId);
  if (canManageScope(ctx, viewer, scope)) return true;
  return ctx.visibleReps.some((r) => covered.has(r.id));
}

export function requireManage(ctx: AssessmentContext, viewer: Viewer, scope: ExpectationScope): void {
  if (!canManageScope(ctx, viewer, scope)) {
    throw new AppError({
      code: 'forbidden',
      message:
        viewer.role === 'rep'
          ? 'Reps do not set expectations; their leaders do.'
          : 'You can set expectations only for the teams you lead and their reps.',
    });
  }
}

/** Checks what the schema cannot: that the metric, the standards' metrics and the scope exist here. */
export function checkReferences(ctx: AssessmentContext, input: ExpectationInput): void {
  const issues: { field: string; message: string }[] = [];
  if (!ctx.registry.get(input.metric))
    issues.push({ field: 'metric', message: `there is no metric "${input.metric}"` });
  input.way.forEach((w, i) => {
    if (!ctx.registry.get(w.metric))
      issues.push({ field: `way.${i}.metric`, message: `there is no metric "${w.metric}"` });
  });
  const scope = input.scope;
  if (scope.kind === 'rep' && !ctx.structure.users.some((u) => u.id === scope.repId && u.role === 'rep')) {
    issues.push({ field: 'scope.repId', message: 'is not a rep of this organization' });
  }
  if (scope.kind === 'team' && !ctx.structure.teams.some((t) => t.id === scope.teamId)) {
    issues.push({ field: 'scope.teamId', message: 'is not a team of this organization' });
  }
  if (issues.length > 0) {
    throw new AppError({
      code: 'validation_failed',
      message: issues.map((i) => `${i.field}: ${i.message}`).join('; '),
      issues,
    });
  }
}
