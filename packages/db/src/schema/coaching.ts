import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations } from './organizations';
import { users } from './users';

/**
 * A coaching plan for one rep: the rights in focus, the evidence it started from, goals tied to
 * expectations, a review date and, once closed, an outcome. `leader_id` is who started it.
 */
export const coachingPlans = pgTable(
  'coaching_plans',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    repId: uuid('rep_id').notNull(),
    leaderId: uuid('leader_id'),
    status: text('status').notNull().default('active'),
    /** Rights in focus (`thing`, `way`, `time`). */
    focus: jsonb('focus').$type<string[]>().notNull().default([]),
    /** Assessment sentences copied when the plan started, so they do not shift later. */
    evidence: jsonb('evidence').$type<string[]>().notNull().default([]),
    goals: jsonb('goals')
      .$type<{ expectationId: string | null; expectationName: string | null; text: string }[]>()
      .notNull()
      .default([]),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    reviewOn: date('review_on', { mode: 'string' }).notNull(),
    outcome: text('outcome'),
    outcomeNote: text('outcome_note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.repId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
    index('coaching_plans_by_rep').on(t.orgId, t.repId, t.startedOn),
    check('coaching_plans_status', sql`${t.status} in ('active', 'closed')`),
    check(
      'coaching_plans_outcome',
      sql`${t.outcome} is null or ${t.outcome} in ('improved', 'extended', 'escalated', 'closed')`,
    ),
    check('coaching_plans_closed', sql`(${t.status} = 'closed') = (${t.closedAt} is not null)`),
    check('coaching_plans_dates', sql`${t.reviewOn} >= ${t.startedOn}`),
  ],
);

/** A 1:1 session of a plan. Notes marked private to leaders are never shown to the rep. */
export const coachingSessions = pgTable(
  'coaching_sessions',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    planId: uuid('plan_id').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    notes: text('notes').notNull().default(''),
    privateToLeaders: boolean('private_to_leaders').notNull().default(false),
    /** Filled in when the session was created, from the rep's evidence, commitments and reports. */
    agenda: jsonb('agenda').$type<string[]>().notNull().default([]),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.planId],
      foreignColumns: [coachingPlans.orgId, coachingPlans.id],
    }).onDelete('cascade'),
    index('coaching_sessions_by_plan').on(t.orgId, t.planId, t.heldOn),
  ],
);

/** An action item agreed in a session (or added to the plan): owner, due date, checked off when done. */
export const coachingCommitments = pgTable(
  'coaching_commitments',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    planId: uuid('plan_id').notNull(),
    sessionId: uuid('session_id'),
    text: text('text').notNull(),
    owner: text('owner').notNull(),
    ownerId: uuid('owner_id').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.planId],
      foreignColumns: [coachingPlans.orgId, coachingPlans.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.orgId, t.sessionId],
      foreignColumns: [coachingSessions.orgId, coachingSessions.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.ownerId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
    index('coaching_commitments_by_plan').on(t.orgId, t.planId),
    check('coaching_commitments_owner', sql`${t.owner} in ('rep', 'leader')`),
  ],
);

/** A step on the consequence ladder taken for a rep, with the written reason. Never edited. */
export const ladderSteps = pgTable(
  'ladder_steps',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    repId: uuid('rep_id').notNull(),
    step: text('step').notNull(),
    reason: text('reason').notNull(),
    /** The coaching plan on record when the step was taken. */
    planId: uuid('plan_id'),
    takenBy: uuid('taken_by'),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.repId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
    index('ladder_steps_by_rep').on(t.orgId, t.repId, t.takenAt),
    check('ladder_steps_step', sql`${t.step} in ('coach', 'role_outside_sales', 'replace')`),
  ],
);
