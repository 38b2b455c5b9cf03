import { z } from 'zod';
import { expectationInputSchema, expectationPatchSchema, expectationScopeSchema } from '../expectations/expectation';
import { idSchema, isoDateSchema } from './common';

export const expectationWarningSchema = z.object({
  code: z.enum(['activity_without_outcome', 'unknown_metric', 'metric_not_measured']),
  field: z.string(),
  message: z.string(),
});

export const expectationSchema = expectationInputSchema.and(
  z.object({
    id: idSchema,
    template: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** Active today: started and not ended. */
    active: z.boolean(),
    /** How many reps it covers today. */
    repCount: z.number().int(),
    warnings: z.array(expectationWarningSchema),
  }),
);
export type ExpectationResponse = z.infer<typeof expectationSchema>;

export const expectationTemplateSchema = z.object({
  key: z.string(),
  name: z.string(),
  why: z.string(),
  defaults: z.object({
    name: z.string(),
    metric: z.string(),
    target: z.number().nullable(),
    period: z.string(),
  }),
});

export const expectationsResponseSchema = z.object({
  expectations: z.array(expectationSchema),
  templates: z.array(expectationTemplateSchema),
});

export const expectationBodySchema = expectationInputSchema;
export const expectationPatchBodySchema = expectationPatchSchema;

export const endExpectationBodySchema = z.object({
  /** The last day it applies; default today. */
  endsOn: isoDateSchema.optional(),
});

export const adoptTemplateBodySchema = z.object({
  scope: expectationScopeSchema,
  startsOn: isoDateSchema.optional(),
});

export const targetSuggestionQuerySchema = z.object({
  metric: z.string().min(1),
  period: z.enum(['week', 'month', 'quarter']).default('week'),
  team: z.string().optional(),
});

export const targetSuggestionResponseSchema = z.object({
  metric: z.string(),
  period: z.string(),
  /** Suggested target per rep: the 80th percentile of their last 12 periods. */
  reps: z.array(
    z.object({
      rep: z.object({ id: idSchema, name: z.string() }),
      suggested: z.number().nullable(),
      history: z.array(z.number().nullable()),
    }),
  ),
  /** One target for everyone in scope: the median of the reps' suggestions. */
  suggested: z.number().nullable(),
});

export const lintBodySchema = z.object({ expectation: expectationInputSchema, id: idSchema.optional() });
export const lintResponseSchema = z.object({ warnings: z.array(expectationWarningSchema) });
