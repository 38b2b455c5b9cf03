import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { userRole } from './enums';
import { organizations } from './organizations';
import { teams } from './teams';
import { users } from './users';

/**
 * A metric defined by the org: a filter and an aggregate as data (validated by core's
 * `metricDefinitionSchema`), never SQL. `key` is how expectations refer to it.
 */
export const customMetrics = pgTable(
  'custom_metrics',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    right: text('right').notNull(),
    unit: text('unit').notNull(),
    direction: text('direction').notNull(),
    description: text('description').notNull(),
    definition: jsonb('definition').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }).onDelete('cascade'),
    uniqueIndex('custom_metrics_key_unique').on(t.orgId, t.key),
  ],
);

/**
 * What a leader asks of a rep, a team (with its sub-teams) or everyone with a role: the THING
 * (metric, target, period), the WAY (method standards) and the TIME (pacing, due date, lead time).
 * `way` and `time` are JSON validated by core's expectation schema on every read and write.
 */
export const expectations = pgTable(
  'expectations',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    scopeKind: text('scope_kind').notNull(),
    scopeRepId: uuid('scope_rep_id'),
    scopeTeamId: uuid('scope_team_id'),
    scopeRole: userRole('scope_role'),
    metricKey: text('metric_key').notNull(),
    target: numeric('target', { precision: 18, scale: 4 }).notNull(),
    periodKind: text('period_kind').notNull(),
    customStart: date('custom_start', { mode: 'string' }),
    customEnd: date('custom_end', { mode: 'string' }),
    way: jsonb('way').notNull(),
    time: jsonb('time').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    note: text('note').notNull().default(''),
    template: text('template'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.scopeRepId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.scopeTeamId], foreignColumns: [teams.orgId, teams.id] }),
    index('expectations_active').on(t.orgId, t.startsOn, t.endsOn),
    check(
      'expectations_scope_matches_kind',
      sql`(${t.scopeKind} = 'rep' and ${t.scopeRepId} is not null)
        or (${t.scopeKind} = 'team' and ${t.scopeTeamId} is not null)
        or (${t.scopeKind} = 'role' and ${t.scopeRole} is not null)`,
    ),
    check('expectations_dates', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
    check('expectations_target_not_negative', sql`${t.target} >= 0`),
  ],
);

/**
 * The assessment of a rep against an expectation for a closed period, as it stood when first
 * taken. History does not shift: data that arrives later adds a revision instead of rewriting.
 */
export const assessmentSnapshots = pgTable(
  'assessment_snapshots',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    expectationId: uuid('expectation_id').notNull(),
    repId: uuid('rep_id').notNull(),
    periodKey: text('period_key').notNull(),
    revision: integer('revision').notNull(),
    assessment: jsonb('assessment').notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.expectationId],
      foreignColumns: [expectations.orgId, expectations.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.repId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
    uniqueIndex('assessment_snapshots_revision_unique').on(t.orgId, t.expectationId, t.repId, t.periodKey, t.revision),
    index('assessment_snapshots_period').on(t.orgId, t.periodKey),
  ],
);
