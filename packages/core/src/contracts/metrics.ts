import { z } from 'zod';
import { METRIC_KINDS, METRIC_UNITS, RIGHTS, metricDefinitionSchema } from '../metrics/metric-definition';

export const metricSchema = z.object({
  key: z.string(),
  name: z.string(),
  kind: z.enum(METRIC_KINDS),
  right: z.enum(RIGHTS),
  unit: z.enum(METRIC_UNITS),
  direction: z.enum(['higher', 'lower']),
  description: z.string(),
  builtIn: z.boolean(),
  /** False while the metric's data is not recorded yet. */
  measurable: z.boolean(),
  /** Set when the metric is computed from self-reports rather than CRM data. */
  measuredFrom: z.enum(['self_reports']).optional(),
  definition: metricDefinitionSchema.nullable(),
});
export type MetricResponse = z.infer<typeof metricSchema>;

export const metricsResponseSchema = z.object({ metrics: z.array(metricSchema) });

export const customMetricInputSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(80),
  kind: z.enum(METRIC_KINDS),
  right: z.enum(RIGHTS),
  unit: z.enum(METRIC_UNITS),
  direction: z.enum(['higher', 'lower']).default('higher'),
  description: z.string().trim().min(1, 'is required').max(200),
  definition: metricDefinitionSchema,
});
export type CustomMetricInput = z.infer<typeof customMetricInputSchema>;
