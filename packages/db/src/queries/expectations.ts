import { expectationInputSchema, type Expectation, type ExpectationInput } from '@rightly/core';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../database';
import { expectations } from '../schema/index';

type Row = typeof expectations.$inferSelect;

/** A stored row back into the domain shape, validated again so bad JSON never reaches the rules. */
export function expectationFromRow(row: Row): Expectation {
  const scope =
    row.scopeKind === 'rep'
      ? { kind: 'rep' as const, repId: row.scopeRepId as string }
      : row.scopeKind === 'team'
        ? { kind: 'team' as const, teamId: row.scopeTeamId as string }
        : { kind: 'role' as const, role: row.scopeRole ?? 'rep' };
  const input = expectationInputSchema.parse({
    name: row.name,
    scope,
    metric: row.metricKey,
    target: Number(row.target),
    period: row.periodKind,
    customStart: row.customStart,
    customEnd: row.customEnd,
    way: row.way,
    time: row.time,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    note: row.note,
  });
  return {
    ...input,
    id: row.id,
    template: row.template,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toRow(
  input: ExpectationInput,
): Omit<Row, 'orgId' | 'id' | 'template' | 'createdBy' | 'createdAt' | 'updatedAt'> {
  return {
    name: input.name,
    scopeKind: input.scope.kind,
    scopeRepId: input.scope.kind === 'rep' ? input.scope.repId : null,
    scopeTeamId: input.scope.kind === 'team' ? input.scope.teamId : null,
    scopeRole: input.scope.kind === 'role' ? input.scope.role : null,
    metricKey: input.metric,
    target: String(input.target),
    periodKind: input.period,
    customStart: input.customStart,
    customEnd: input.customEnd,
    way: input.way,
    time: input.time,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    note: input.note,
  };
}

export async function listExpectations(db: Database, params: { orgId: string }): Promise<Expectation[]> {
  const rows = await db
    .select()
    .from(expectations)
    .where(eq(expectations.orgId, params.orgId))
    .orderBy(expectations.createdAt);
  return rows.map(expectationFromRow);
}

export async function findExpectation(
  db: Database,
  params: { orgId: string; id: string },
): Promise<Expectation | null> {
  const [row] = await db
    .select()
    .from(expectations)
    .where(and(eq(expectations.orgId, params.orgId), eq(expectations.id, params.id)));
  return row ? expectationFromRow(row) : null;
}

export async function insertExpectation(
  db: Database,
  params: { orgId: string; id: string; input: ExpectationInput; template: string | null; createdBy: string; now: Date },
): Promise<void> {
  await db.insert(expectations).values({
    orgId: params.orgId,
    id: params.id,
    ...toRow(params.input),
    template: params.template,
    createdBy: params.createdBy,
    createdAt: params.now,
    updatedAt: params.now,
  });
}

export async function updateExpectation(
  db: Database,
  params: { orgId: string; id: string; input: ExpectationInput; now: Date },
): Promise<void> {
  await db
    .update(expectations)
    .set({ ...toRow(params.input), updatedAt: params.now })
    .where(and(eq(expectations.orgId, params.orgId), eq(expectations.id, params.id)));
}
