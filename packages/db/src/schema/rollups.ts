import { date, foreignKey, index, integer, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations';
import { users } from './users';

/** What a rep did in a span of days (one day or one month): the activity side of the rollups. */
const activityCounts = () => ({
  activities: integer('activities').notNull().default(0),
  calls: integer('calls').notNull().default(0),
  emails: integer('emails').notNull().default(0),
  meetingsHeld: integer('meetings_held').notNull().default(0),
  firstMeetingsHeld: integer('first_meetings_held').notNull().default(0),
  secondMeetingsHeld: integer('second_meetings_held').notNull().default(0),
  meetingsBooked: integer('meetings_booked').notNull().default(0),
  prospectingMeetingsBooked: integer('prospecting_meetings_booked').notNull().default(0),
  prospectingTouches: integer('prospecting_touches').notNull().default(0),
  prospectingPhone: integer('prospecting_phone').notNull().default(0),
  prospectingEmail: integer('prospecting_email').notNull().default(0),
});

/** The pipeline events of a span of days: opportunities opened, won and lost, stage advances. */
const pipelineCounts = () => ({
  opportunitiesCreated: integer('opportunities_created').notNull().default(0),
  pipelineCreated: numeric('pipeline_created').notNull().default('0'),
  strategicPipelineCreated: numeric('strategic_pipeline_created').notNull().default('0'),
  dealsWon: integer('deals_won').notNull().default(0),
  wonValue: numeric('won_value').notNull().default('0'),
  dealsLost: integer('deals_lost').notNull().default(0),
  wonCycleDays: integer('won_cycle_days').notNull().default(0),
  stageAdvances: integer('stage_advances').notNull().default(0),
});

/**
 * Per rep and local day, maintained whenever activities are written. Dashboards and assessments
 * read these instead of scanning raw activities on every request.
 */
export const repDayRollups = pgTable(
  'rep_day_rollups',
  {
    orgId: uuid('org_id').notNull(),
    repId: uuid('rep_id').notNull(),
    /** The day on the org's wall clock. */
    day: date('day', { mode: 'string' }).notNull(),
    ...activityCounts(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.repId, t.day] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.repId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
    // Assessments read a few periods of every rep at once: by day, not by rep. Every column is in
    // the key (drizzle has no INCLUDE) so the read is an index-only scan: fetching each row from
    // the heap instead cost four times as long on 1,000 reps (docs/performance.md).
    index('rep_day_rollups_by_day').on(
      t.orgId,
      t.day,
      t.repId,
      t.activities,
      t.calls,
      t.emails,
      t.meetingsHeld,
      t.firstMeetingsHeld,
      t.secondMeetingsHeld,
      t.meetingsBooked,
      t.prospectingMeetingsBooked,
      t.prospectingTouches,
      t.prospectingPhone,
      t.prospectingEmail,
    ),
  ],
);

/**
 * Money sums are unconstrained `numeric`: a strategic weight of 0.5 on $0.07 is $0.035, and
 * rounding each day to cents would make shares drift from the definition.
 *
 * Per rep and local day, the pipeline events of that day: opportunities opened, won and lost,
 * and stage advances. Maintained with `rep_day_rollups`.
 */
export const repDayPipelineRollups = pgTable(
  'rep_day_pipeline_rollups',
  {
    orgId: uuid('org_id').notNull(),
    repId: uuid('rep_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    ...pipelineCounts(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.repId, t.day] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.repId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
    // Covering, like rep_day_rollups_by_day.
    index('rep_day_pipeline_rollups_by_day').on(
      t.orgId,
      t.day,
      t.repId,
      t.opportunitiesCreated,
      t.pipelineCreated,
      t.strategicPipelineCreated,
      t.dealsWon,
      t.wonValue,
      t.dealsLost,
      t.wonCycleDays,
      t.stageAdvances,
    ),
  ],
);

/**
 * Base measures of custom metrics, materialised per rep and local day when data is written, so a
 * custom metric costs an assessment no more than a built-in one. `measure_key` is the measure's
 * canonical definition (see `baseMeasureKey` in core).
 */
export const customMeasureRollups = pgTable(
  'custom_measure_rollups',
  {
    orgId: uuid('org_id').notNull(),
    measureKey: text('measure_key').notNull(),
    repId: uuid('rep_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    value: numeric('value').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.measureKey, t.repId, t.day] }),
    // Covering, like rep_day_rollups_by_day.
    index('custom_measure_rollups_by_day').on(t.orgId, t.measureKey, t.day, t.repId, t.value),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.repId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
  ],
);

/**
 * The day rollups summed per rep and calendar month (`month` is its first day), rebuilt from the
 * day rows whenever those change. A month or quarter then reads one row per rep and month instead
 * of thirty: the whole months of a range come from here, the days at its edges from the day table
 * (see `loadMeasureTotals`).
 */
export const repMonthRollups = pgTable(
  'rep_month_rollups',
  {
    orgId: uuid('org_id').notNull(),
    repId: uuid('rep_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    ...activityCounts(),
  },
  (t) => [
    // By month first: assessments read a few months of every rep.
    primaryKey({ columns: [t.orgId, t.month, t.repId] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.repId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
  ],
);

/** `rep_day_pipeline_rollups` summed per rep and calendar month, like `rep_month_rollups`. */
export const repMonthPipelineRollups = pgTable(
  'rep_month_pipeline_rollups',
  {
    orgId: uuid('org_id').notNull(),
    repId: uuid('rep_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    ...pipelineCounts(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.month, t.repId] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.repId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
  ],
);
