import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, isNull } from 'drizzle-orm';
import type { CoachingOutcome, CoachingPlanStatus, CommitmentOwner, LadderStep, Right } from '@rightly/core';
import type { Database } from '../../database';
import { coachingCommitments, coachingPlans, coachingSessions, ladderSteps } from '../../schema/index';

export interface StoredGoal {
  expectationId: string | null;
  expectationName: string | null;
  text: string;
}

export interface StoredPlan {
  id: string;
  repId: string;
  leaderId: string | null;
  status: CoachingPlanStatus;
  focus: Right[];
  evidence: string[];
  goals: StoredGoal[];
  startedOn: string;
  reviewOn: string;
  outcome: CoachingOutcome | null;
  outcomeNote: string;
  createdAt: Date;
  closedAt: Date | null;
  closedBy: string | null;
}

function planFromRow(r: typeof coachingPlans.$inferSelect): StoredPlan {
  return {
    id: r.id,
    repId: r.repId,
    leaderId: r.leaderId,
    status: r.status as CoachingPlanStatus,
    focus: r.focus as Right[],
    evidence: r.evidence,
    goals: r.goals,
    startedOn: r.startedOn,
    reviewOn: r.reviewOn,
    outcome: r.outcome as CoachingOutcome | null,
    outcomeNote: r.outcomeNote,
    createdAt: r.createdAt,
    closedAt: r.closedAt,
    closedBy: r.closedBy,
  };
}

export async function insertCoachingPlan(
  db: Database,
  params: Omit<StoredPlan, 'id' | 'status' | 'outcome' | 'outcomeNote' | 'closedAt' | 'closedBy'> & { orgId: string },
): Promise<StoredPlan> {
  const [row] = await db
    .insert(coachingPlans)
    .values({ ...params, id: randomUUID(), status: 'active' })
    .returning();
  if (!row) throw new Error('coaching plan insert returned nothing');
  return planFromRow(row);
}

/** Plans of the given reps (or all), newest start first. */
export async function listCoachingPlans(
  db: Database,
  params: { orgId: string; repIds: readonly string[] | 'all'; status?: CoachingPlanStatus },
): Promise<StoredPlan[]> {
  if (params.repIds !== 'all' && params.repIds.length === 0) return [];
  const rows = await db
    .select()
    .from(coachingPlans)
    .where(
      and(
        eq(coachingPlans.orgId, params.orgId),
        params.repIds === 'all' ? undefined : inArray(coachingPlans.repId, [...params.repIds]),
        params.status ? eq(coachingPlans.status, params.status) : undefined,
      ),
    )
    .orderBy(desc(coachingPlans.startedOn), desc(coachingPlans.createdAt));
  return rows.map(planFromRow);
}

export async function findCoachingPlan(
  db: Database,
  params: { orgId: string; id: string },
): Promise<StoredPlan | null> {
  const [row] = await db
    .select()
    .from(coachingPlans)
    .where(and(eq(coachingPlans.orgId, params.orgId), eq(coachingPlans.id, params.id)));
  return row ? planFromRow(row) : null;
}

/** Closes an active plan; false when it was already closed (a concurrent close won). */
export async function closeCoachingPlan(
  db: Database,
  params: { orgId: string; id: string; outcome: CoachingOutcome; note: string; closedBy: string; now: Date },
): Promise<boolean> {
  const rows = await db
    .update(coachingPlans)
    .set({
      status: 'closed',
      outcome: params.outcome,
      outcomeNote: params.note,
      closedAt: params.now,
      closedBy: params.closedBy,
    })
    .where(
      and(eq(coachingPlans.orgId, params.orgId), eq(coachingPlans.id, params.id), eq(coachingPlans.status, 'active')),
    )
    .returning({ id: coachingPlans.id });
  return rows.length > 0;
}

export interface StoredSession {
  id: string;
  planId: string;
  heldOn: string;
  notes: string;
  privateToLeaders: boolean;
  agenda: string[];
  createdBy: string | null;
  createdAt: Date;
}

export async function insertCoachingSession(
  db: Database,
  params: Omit<StoredSession, 'id'> & { orgId: string },
): Promise<StoredSession> {
  const [row] = await db
    .insert(coachingSessions)
    .values({ ...params, id: randomUUID() })
    .returning();
  if (!row) throw new Error('coaching session insert returned nothing');
  const { orgId: _org, ...session } = row;
  return session;
}

export async function listCoachingSessions(
  db: Database,
  params: { orgId: string; planIds: readonly string[] },
): Promise<StoredSession[]> {
  if (params.planIds.length === 0) return [];
  const rows = await db
    .select()
    .from(coachingSessions)
    .where(and(eq(coachingSessions.orgId, params.orgId), inArray(coachingSessions.planId, [...params.planIds])))
    .orderBy(asc(coachingSessions.heldOn), asc(coachingSessions.createdAt));
  return rows.map(({ orgId: _org, ...s }) => s);
}

export interface StoredCommitment {
  id: string;
  planId: string;
  sessionId: string | null;
  text: string;
  owner: CommitmentOwner;
  ownerId: string;
  dueOn: string;
  doneAt: Date | null;
  doneBy: string | null;
  createdAt: Date;
}

const commitmentFromRow = ({ orgId: _org, ...r }: typeof coachingCommitments.$inferSelect): StoredCommitment => ({
  ...r,
  owner: r.owner as CommitmentOwner,
});

export async function insertCoachingCommitments(
  db: Database,
  params: {
    orgId: string;
    commitments: readonly Omit<StoredCommitment, 'id' | 'doneAt' | 'doneBy'>[];
  },
): Promise<StoredCommitment[]> {
  if (params.commitments.length === 0) return [];
  const rows = await db
    .insert(coachingCommitments)
    .values(params.commitments.map((c) => ({ ...c, orgId: params.orgId, id: randomUUID() })))
    .returning();
  return rows.map(commitmentFromRow);
}

export async function listCoachingCommitments(
  db: Database,
  params: { orgId: string; planIds: readonly string[]; openOnly?: boolean },
): Promise<StoredCommitment[]> {
  if (params.planIds.length === 0) return [];
  const rows = await db
    .select()
    .from(coachingCommitments)
    .where(
      and(
        eq(coachingCommitments.orgId, params.orgId),
        inArray(coachingCommitments.planId, [...params.planIds]),
        params.openOnly ? isNull(coachingCommitments.doneAt) : undefined,
      ),
    )
    .orderBy(asc(coachingCommitments.dueOn), asc(coachingCommitments.createdAt));
  return rows.map(commitmentFromRow);
}

export async function findCoachingCommitment(
  db: Database,
  params: { orgId: string; id: string },
): Promise<StoredCommitment | null> {
  const [row] = await db
    .select()
    .from(coachingCommitments)
    .where(and(eq(coachingCommitments.orgId, params.orgId), eq(coachingCommitments.id, params.id)));
  return row ? commitmentFromRow(row) : null;
}

export async function setCommitmentDone(
  db: Database,
  params: { orgId: string; id: string; done: boolean; by: string; now: Date },
): Promise<StoredCommitment | null> {
  const [row] = await db
    .update(coachingCommitments)
    .set(params.done ? { doneAt: params.now, doneBy: params.by } : { doneAt: null, doneBy: null })
    .where(and(eq(coachingCommitments.orgId, params.orgId), eq(coachingCommitments.id, params.id)))
    .returning();
  return row ? commitmentFromRow(row) : null;
}

export interface StoredLadderStep {
  id: string;
  repId: string;
  step: LadderStep;
  reason: string;
  planId: string | null;
  takenBy: string | null;
  takenAt: Date;
}

export async function insertLadderStep(
  db: Database,
  params: Omit<StoredLadderStep, 'id'> & { orgId: string },
): Promise<StoredLadderStep> {
  const [row] = await db
    .insert(ladderSteps)
    .values({ ...params, id: randomUUID() })
    .returning();
  if (!row) throw new Error('ladder step insert returned nothing');
  const { orgId: _org, ...step } = row;
  return { ...step, step: step.step as LadderStep };
}

/** Steps of the given reps (or all), oldest first; `since` limits to steps taken on or after it. */
export async function listLadderSteps(
  db: Database,
  params: { orgId: string; repIds: readonly string[] | 'all'; since?: Date },
): Promise<StoredLadderStep[]> {
  if (params.repIds !== 'all' && params.repIds.length === 0) return [];
  const rows = await db
    .select()
    .from(ladderSteps)
    .where(
      and(
        eq(ladderSteps.orgId, params.orgId),
        params.repIds === 'all' ? undefined : inArray(ladderSteps.repId, [...params.repIds]),
        params.since ? gte(ladderSteps.takenAt, params.since) : undefined,
      ),
    )
    .orderBy(asc(ladderSteps.takenAt));
  return rows.map(({ orgId: _org, ...s }) => ({ ...s, step: s.step as LadderStep }));
}

/**
 * The audit log serves the whole org now (packages/db/src/queries/audit.ts); these names stay
 * here so code that imported them from coaching keeps compiling.
 */
export { appendAudit, type StoredAuditEntry } from '../audit';
