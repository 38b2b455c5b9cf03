import { z } from 'zod';
import { idSchema, isoDateSchema } from './common';

export const forecastQuerySchema = z
  .object({
    /** A rep's id or e-mail. */
    rep: z.string().max(320).optional(),
    /** A team's id or name; its sub-teams are included. */
    team: z.string().max(200).optional(),
    months: z.coerce.number().int().min(1, 'must be at least 1').max(12, 'must be at most 12').default(6),
    asOf: isoDateSchema.optional(),
  })
  .refine((q) => !(q.rep && q.team), { message: 'give rep or team, not both', path: ['team'] });

export const forecastMonthSchema = z.object({
  month: z.string(),
  fromPipeline: z.number(),
  fromRecentMeetings: z.number(),
  fromFuturePace: z.number(),
  total: z.number(),
  reference: z.number(),
});

export const gapAdviceSchema = z.object({
  month: z.string(),
  gap: z.number(),
  firstMeetingsNeeded: z.number().int().nullable(),
  bookBy: isoDateSchema,
  sentence: z.string(),
});

export const forecastResponseSchema = z.object({
  scope: z.object({ kind: z.enum(['rep', 'team', 'all']), id: idSchema.nullable(), name: z.string() }),
  asOf: isoDateSchema,
  currency: z.string(),
  /** What the reference line means: a target set on bookings, or the normal month from history. */
  referenceKind: z.enum(['target', 'normal']),
  months: z.array(forecastMonthSchema),
  gap: gapAdviceSchema.nullable(),
  reps: z.array(
    z.object({
      rep: z.object({ id: idSchema, name: z.string() }),
      months: z.array(forecastMonthSchema),
      gap: gapAdviceSchema.nullable(),
    }),
  ),
  model: z.object({
    medianLagDays: z.number(),
    medianCycleDays: z.number(),
    firstMeetingToOpportunity: z.number(),
    winRate: z.number(),
  }),
});
export type ForecastResponse = z.infer<typeof forecastResponseSchema>;
