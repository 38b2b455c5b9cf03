import {
  AppError,
  createMetricRegistry,
  localDate,
  visibleUserIds,
  type Expectation,
  type IsoDate,
  type MetricRegistry,
  type Viewer,
  type WeekStartsOn,
} from '@rightly/core';
import {
  findOrganization,
  listCustomMetrics,
  listExpectations,
  loadOrgStructure,
  type OrgStructure,
} from '@rightly/db';
import type { ServiceDeps } from '../deps';

/** What every assessment, forecast and expectation use case needs to know about the org and the viewer. */
export interface AssessmentContext {
  org: { id: string; name: string; timeZone: string; currency: string; weekStartsOn: WeekStartsOn };
  /** Today on the org's wall clock. */
  today: IsoDate;
  structure: OrgStructure;
  registry: MetricRegistry;
  expectations: Expectation[];
  /** Active reps the viewer may see. */
  visibleReps: { id: string; name: string; email: string }[];
  /** Current team of every user with one. */
  teamOf: Map<string, string>;
}

export async function loadAssessmentContext(deps: ServiceDeps, viewer: Viewer): Promise<AssessmentContext> {
  const { orgId } = viewer;
  const [org, structure, custom, expectations] = await Promise.all([
    findOrganization(deps.db, { orgId }),
    loadOrgStructure(deps.db, { orgId }),
    listCustomMetrics(deps.db, { orgId }),
    listExpectations(deps.db, { orgId }),
  ]);
  if (!org) throw new AppError({ code: 'not_found', message: 'Your organization no longer exists.' });
  const visible = visibleUserIds({ viewer, teams: structure.teams, memberships: structure.memberships });
  const visibleReps = structure.users
    .filter((u) => u.role === 'rep' && u.active && (visible === 'all' || visible.has(u.id)))
    .map((u) => ({ id: u.id, name: u.name, email: u.email }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    org: {
      id: org.id,
      name: org.name,
      timeZone: org.timeZone,
      currency: org.currency,
      weekStartsOn: org.weekStartsOn as WeekStartsOn,
    },
    today: localDate(deps.now(), org.timeZone),
    structure,
    registry: createMetricRegistry(custom),
    expectations,
    visibleReps,
    teamOf: new Map(structure.memberships.map((m) => [m.userId, m.teamId])),
  };
}
