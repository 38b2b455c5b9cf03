import { z } from 'zod';
import { METRIC_UNITS, RIGHTS } from '../metrics/metric-definition';
import {
  COACHING_OUTCOMES,
  COACHING_PLAN_STATUSES,
  COMMITMENT_OWNERS,
  LADDER_REQUIREMENT_CODES,
  LADDER_STEPS,
} from '../coaching/constants';
import { idSchema, isoDateSchema } from './common';

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

/** An action item from a 1:1: owned by the rep or the leader, due on a day, checked off when done. */
export const commitmentSchema = z.object({
  id: idSchema,
  planId: idSchema,
  /** The session it was agreed in; null when added to the plan outside a session. */
  sessionId: idSchema.nullable(),
  text: z.string(),
  owner: z.enum(COMMITMENT_OWNERS),
  ownerId: idSchema,
  ownerName: z.string(),
  dueOn: isoDateSchema,
  /** ISO instant; null while open. */
  doneAt: z.string().nullable(),
  doneBy: idSchema.nullable(),
  createdAt: z.string(),
});
export type Commitment = z.infer<typeof commitmentSchema>;

/** A 1:1 session. `notes` is null for the rep when the leader marked it private to leaders. */
export const sessionSchema = z.object({
  id: idSchema,
  planId: idSchema,
  heldOn: isoDateSchema,
  notes: z.string().nullable(),
  privateToLeaders: z.boolean(),
  /** Filled in when the session is created: the rep's latest evidence, open commitments, recent self-report comments. */
  agenda: z.array(z.string()),
  createdBy: idSchema.nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type CoachingSession = z.infer<typeof sessionSchema>;

export const coachingGoalSchema = z.object({
  expectationId: idSchema.nullable(),
  expectationName: z.string().nullable(),
  text: z.string(),
});
export type CoachingGoal = z.infer<typeof coachingGoalSchema>;

/** One metric of a right in focus: the rep before and during the plan against the team over the same weeks. */
export const planEffectMetricSchema = z.object({
  metricKey: z.string(),
  name: z.string(),
  unit: z.enum(METRIC_UNITS),
  right: z.enum(RIGHTS),
  /** Weekly averages over the baseline weeks before the plan start, and the weeks since. */
  before: z.number().nullable(),
  during: z.number().nullable(),
  teamBefore: z.number().nullable(),
  teamDuring: z.number().nullable(),
  repChange: z.number().nullable(),
  teamChange: z.number().nullable(),
  /** Difference in differences: repChange − teamChange; null when a side has no data. */
  effect: z.number().nullable(),
  /** Weekly series for a chart; `team` is the per-rep average of the team (the rep included). */
  weekly: z.array(z.object({ weekStart: isoDateSchema, rep: z.number().nullable(), team: z.number().nullable() })),
});
export type PlanEffectMetric = z.infer<typeof planEffectMetricSchema>;

export const planEffectSchema = z.object({
  planStart: isoDateSchema,
  /** First day of the baseline window and last day measured (today or the plan's close). */
  baselineFrom: isoDateSchema,
  measuredTo: isoDateSchema,
  baselineWeeks: z.number().int(),
  duringWeeks: z.number().int(),
  metrics: z.array(planEffectMetricSchema),
  /** One plain sentence summarising the effect. */
  sentence: z.string(),
});
export type PlanEffect = z.infer<typeof planEffectSchema>;

export const coachingPlanSummarySchema = z.object({
  id: idSchema,
  repId: idSchema,
  repName: z.string(),
  teamId: idSchema.nullable(),
  teamName: z.string().nullable(),
  leaderId: idSchema.nullable(),
  leaderName: z.string().nullable(),
  status: z.enum(COACHING_PLAN_STATUSES),
  focus: z.array(z.enum(RIGHTS)),
  evidence: z.array(z.string()),
  goals: z.array(coachingGoalSchema),
  startedOn: isoDateSchema,
  reviewOn: isoDateSchema,
  outcome: z.enum(COACHING_OUTCOMES).nullable(),
  outcomeNote: z.string(),
  sessionsHeld: z.number().int(),
  openCommitments: z.number().int(),
  /** True when reviewOn has passed on an active plan. */
  reviewDue: z.boolean(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});
export type CoachingPlanSummary = z.infer<typeof coachingPlanSummarySchema>;

export const coachingPlanSchema = coachingPlanSummarySchema.extend({
  sessions: z.array(sessionSchema),
  commitments: z.array(commitmentSchema),
  /** Null when the rep has no metrics for the rights in focus. Leaders/admins and the rep see it. */
  effect: planEffectSchema.nullable(),
});
export type CoachingPlan = z.infer<typeof coachingPlanSchema>;

export const coachingPlansQuerySchema = z.object({
  rep: idSchema.optional(),
  team: idSchema.optional(),
  status: z.enum(COACHING_PLAN_STATUSES).optional(),
});
export type CoachingPlansQuery = z.infer<typeof coachingPlansQuerySchema>;

export const coachingPlansResponseSchema = z.object({ plans: z.array(coachingPlanSummarySchema) });
export type CoachingPlansResponse = z.infer<typeof coachingPlansResponseSchema>;

export const createCoachingPlanBodySchema = z.object({
  repId: idSchema,
  focus: z.array(z.enum(RIGHTS)).max(3).optional(),
  goals: z
    .array(z.object({ expectationId: idSchema.nullable().default(null), text: text(1000).min(1, 'is required') }))
    .max(20)
    .optional(),
  /** Defaults to the start day (today). */
  startedOn: isoDateSchema.optional(),
  reviewOn: isoDateSchema,
  /** Fill focus (rights off track, else at risk) and evidence from the rep's entry in this week's needs-help list. */
  fromNeedsHelp: z.boolean().default(false),
});
export type CreateCoachingPlanBody = z.input<typeof createCoachingPlanBodySchema>;

export const newCommitmentSchema = z.object({
  text: text(1000).min(1, 'is required'),
  owner: z.enum(COMMITMENT_OWNERS),
  dueOn: isoDateSchema,
});
export type NewCommitment = z.infer<typeof newCommitmentSchema>;

export const addSessionBodySchema = z.object({
  heldOn: isoDateSchema,
  notes: text(20000).default(''),
  privateToLeaders: z.boolean().default(false),
  commitments: z.array(newCommitmentSchema).max(50).default([]),
});
export type AddSessionBody = z.input<typeof addSessionBodySchema>;

export const addCommitmentBodySchema = newCommitmentSchema.extend({ sessionId: idSchema.nullable().default(null) });
export type AddCommitmentBody = z.input<typeof addCommitmentBodySchema>;

export const updateCommitmentBodySchema = z.object({ done: z.boolean() });
export type UpdateCommitmentBody = z.infer<typeof updateCommitmentBodySchema>;

export const closePlanBodySchema = z.object({
  outcome: z.enum(COACHING_OUTCOMES),
  note: text(4000).default(''),
});
export type ClosePlanBody = z.input<typeof closePlanBodySchema>;

export const ladderStepBodySchema = z.object({
  step: z.enum(LADDER_STEPS),
  reason: text(4000).default(''),
});
export type LadderStepBody = z.input<typeof ladderStepBodySchema>;

export const ladderRequirementSchema = z.object({
  code: z.enum(LADDER_REQUIREMENT_CODES),
  met: z.boolean(),
  text: z.string(),
});
export type LadderRequirement = z.infer<typeof ladderRequirementSchema>;

export const ladderEntrySchema = z.object({
  id: idSchema,
  step: z.enum(LADDER_STEPS),
  reason: z.string(),
  takenAt: z.string(),
  takenBy: idSchema.nullable(),
  takenByName: z.string().nullable(),
  planId: idSchema.nullable(),
});
export type LadderEntry = z.infer<typeof ladderEntrySchema>;

export const ladderResponseSchema = z.object({
  repId: idSchema,
  repName: z.string(),
  /** `coach` when nothing above it was ever taken. */
  current: z.enum(LADDER_STEPS),
  /** The step a leader could take next; null at the top. */
  next: z.enum(LADDER_STEPS).nullable(),
  steps: z.array(ladderEntrySchema),
  /** For `next`, without the reason (which is checked when the step is requested). */
  requirements: z.array(ladderRequirementSchema),
  rules: z.object({ minPlanDays: z.number().int(), minSessions: z.number().int(), minReasonLength: z.number().int() }),
});
export type LadderResponse = z.infer<typeof ladderResponseSchema>;

export const ladderStepResponseSchema = z.object({ step: ladderEntrySchema, ladder: ladderResponseSchema });

export const teamHealthQuerySchema = z.object({ team: idSchema.optional() });

export const teamHealthSchema = z.object({
  teamId: idSchema.nullable(),
  teamName: z.string(),
  asOf: isoDateSchema,
  repsInScope: z.number().int(),
  /** Shares in 0..1; null when there is nothing to count. */
  expectationsWithOwnerTargetDate: z.number().nullable(),
  expectationsCount: z.number().int(),
  /** Share of active expectations whose metric is an outcome metric (vs activity). */
  outcomeMetricShare: z.number().nullable(),
  selfReportsOnTime: z.number().nullable(),
  activePlans: z.number().int(),
  escalationsLast12Months: z.number().int(),
  /** Escalations (ladder steps above coach) in the last 12 months ÷ reps in scope. */
  escalationRate: z.number().nullable(),
  trend: z.array(
    z.object({
      period: z.string(),
      start: isoDateSchema,
      end: isoDateSchema,
      /** Share of the team's rep × expectation assessments whose actual met the target (results). */
      results: z.number().nullable(),
      onTrack: z.object({ thing: z.number().nullable(), way: z.number().nullable(), time: z.number().nullable() }),
    }),
  ),
});
export type TeamHealth = z.infer<typeof teamHealthSchema>;

export const matrixExportQuerySchema = z.object({
  team: z.string().max(200).optional(),
  period: z.string().max(40).optional(),
});
