import { z } from 'zod';
import { ASSESSMENT_STATUSES } from '../assessment/status';
import { NEXT_STEPS } from '../assessment/needs-help';
import { METRIC_UNITS, RIGHTS } from '../metrics/metric-definition';
import { idSchema, isoDateSchema } from './common';

const status = z.enum(ASSESSMENT_STATUSES);

export const evidenceItemSchema = z.object({
  label: z.string(),
  value: z.number().nullable(),
  unit: z.enum(METRIC_UNITS),
  against: z.number().nullable(),
  status,
});

export const rightAssessmentSchema = z.object({
  right: z.enum(RIGHTS),
  status,
  sentence: z.string(),
  evidence: z.array(evidenceItemSchema),
});

const periodSchema = z.object({ key: z.string(), start: isoDateSchema, end: isoDateSchema, closed: z.boolean() });

export const expectationAssessmentSchema = z.object({
  expectationId: idSchema,
  expectationName: z.string(),
  repId: idSchema,
  period: periodSchema,
  asOf: isoDateSchema,
  metric: z.object({ key: z.string(), name: z.string(), unit: z.enum(METRIC_UNITS) }),
  actual: z.number().nullable(),
  target: z.number(),
  projected: z.number().nullable(),
  pace: z.number().nullable(),
  progress: z.number(),
  teamMedian: z.number().nullable(),
  rights: z.object({ thing: rightAssessmentSchema, way: rightAssessmentSchema, time: rightAssessmentSchema }),
  sentence: z.string(),
  /** Set when the period had closed and this is the assessment recorded then. */
  recorded: z.object({ revision: z.number().int(), takenAt: z.string() }).nullable(),
  /** Later changes from data that arrived after the period closed; the record above stands. */
  revisions: z.array(
    z.object({
      revision: z.number().int(),
      takenAt: z.string(),
      actual: z.number().nullable(),
      statuses: z.object({ thing: status, way: status, time: status }),
      sentence: z.string(),
    }),
  ),
});

const cellSchema = z.object({ status, sentences: z.array(z.string()) });
export const repRightsSchema = z.object({ thing: cellSchema, way: cellSchema, time: cellSchema });

export const needsHelpSchema = z.object({
  rep: z.object({ id: idSchema, name: z.string() }),
  repId: idSchema,
  offTrack: z.array(z.enum(RIGHTS)),
  atRisk: z.array(z.enum(RIGHTS)),
  periodsOffTrack: z.number().int(),
  periodsOffTrackByRight: z.object({ thing: z.number().int(), way: z.number().int(), time: z.number().int() }),
  evidence: z.array(z.string()),
  nextStep: z.object({ action: z.enum(NEXT_STEPS), text: z.string() }),
});

export const assessmentsQuerySchema = z.object({
  team: z.string().max(200).optional(),
  period: z.string().max(40).optional(),
  asOf: isoDateSchema.optional(),
});

const named = z.object({ id: idSchema, name: z.string() });

export const teamAssessmentSchema = z.object({
  period: periodSchema,
  asOf: isoDateSchema,
  reps: z.array(
    z.object({
      rep: z.object({ id: idSchema, name: z.string(), email: z.string() }),
      team: named.nullable(),
      rights: repRightsSchema,
      assessments: z.array(expectationAssessmentSchema),
    }),
  ),
  needsHelp: z.array(needsHelpSchema),
});
export type TeamAssessmentResponse = z.infer<typeof teamAssessmentSchema>;

export const repAssessmentQuerySchema = z.object({
  period: z.string().max(40).optional(),
  asOf: isoDateSchema.optional(),
  /** How many periods of trend, the current one included. */
  periods: z.coerce.number().int().min(2).max(26).default(13),
});

export const repAssessmentSchema = z.object({
  rep: z.object({ id: idSchema, name: z.string(), email: z.string() }),
  team: named.nullable(),
  period: periodSchema,
  asOf: isoDateSchema,
  rights: repRightsSchema,
  assessments: z.array(expectationAssessmentSchema),
  /** Oldest first, ending with the current period. */
  trend: z.array(
    z.object({
      period: periodSchema,
      rights: z.object({ thing: status, way: status, time: status }),
      values: z.array(
        z.object({
          expectationId: idSchema,
          expectationName: z.string(),
          metric: z.object({ key: z.string(), name: z.string(), unit: z.enum(METRIC_UNITS) }),
          actual: z.number().nullable(),
          target: z.number(),
        }),
      ),
    }),
  ),
});
export type RepAssessmentResponse = z.infer<typeof repAssessmentSchema>;
