import { z } from 'zod';
import { idSchema, isoDateSchema } from '../contracts/common';
import { USER_ROLES } from '../domain/roles';
import { PERIOD_KINDS } from '../periods/period';

/**
 * An expectation, as a leader states it: who it is for, the THING (a metric and a target per
 * period), the WAY (method standards) and the TIME (pacing, due date, lead time). The same schema
 * validates the API, the editor and what is read back from storage.
 */
export const expectationScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rep'), repId: idSchema }),
  /** The team and every team below it. */
  z.object({ kind: z.literal('team'), teamId: idSchema }),
  /** Everyone with the role, e.g. every rep in the org. */
  z.object({ kind: z.literal('role'), role: z.enum(USER_ROLES) }),
]);
export type ExpectationScope = z.infer<typeof expectationScopeSchema>;

export const wayStandardSchema = z.object({
  metric: z.string().min(1).max(80),
  comparator: z.enum(['at_least', 'at_most']),
  bound: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('absolute'), value: z.number().finite() }),
    /** Relative to the median of the rep's team in the same period (factor 1 = the median itself). */
    z.object({ kind: z.literal('team_median'), factor: z.number().positive().max(10).default(1) }),
  ]),
});
export type WayStandard = z.infer<typeof wayStandardSchema>;

export const pacingCurveSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('linear') }),
  z.object({
    kind: z.literal('seasonal'),
    /** Twelve relative weights, January first; a quiet December gets a smaller number. */
    monthWeights: z.array(z.number().min(0).max(100)).length(12, 'must have one weight per month (12)'),
  }),
]);

export const expectationTimeSchema = z.object({
  pacing: pacingCurveSchema.default({ kind: 'linear' }),
  /** Days after the period's end by which the result (and the rep's self-report) is due. */
  dueInDays: z.number().int().min(0).max(60).default(0),
  /**
   * `sales_cycle`: what is done in this period is what closes one sales cycle later, so the time
   * right also checks the forecast for that month (January's prospecting fills April).
   */
  leadTime: z.enum(['none', 'sales_cycle']).default('none'),
  /**
   * Whether the rep reports their own result for this expectation, once per reporting window of
   * their cadence; late and missing reports then count against the time right.
   */
  selfReport: z.boolean().default(false),
  /**
   * The first day reports are owed (windows starting on or after it); null means from the
   * expectation's start. Set when self-reporting is switched on for an expectation already
   * running, so its past windows do not all turn up missing.
   */
  selfReportFrom: isoDateSchema.nullable().default(null),
});
export type ExpectationTime = z.infer<typeof expectationTimeSchema>;

const baseFields = {
  name: z.string().trim().min(1, 'is required').max(120),
  scope: expectationScopeSchema,
  metric: z.string().min(1).max(80),
  target: z.number().finite().min(0, 'must be zero or more'),
  period: z.enum(PERIOD_KINDS),
  customStart: isoDateSchema.nullable().default(null),
  customEnd: isoDateSchema.nullable().default(null),
  way: z.array(wayStandardSchema).max(5).default([]),
  time: expectationTimeSchema.default({
    pacing: { kind: 'linear' },
    dueInDays: 0,
    leadTime: 'none',
    selfReport: false,
    selfReportFrom: null,
  }),
  startsOn: isoDateSchema,
  endsOn: isoDateSchema.nullable().default(null),
  note: z.string().max(2000).default(''),
};

function checkDates(
  value: {
    period: string;
    customStart: string | null;
    customEnd: string | null;
    startsOn: string;
    endsOn: string | null;
  },
  ctx: z.RefinementCtx,
): void {
  if (value.period === 'custom') {
    if (!value.customStart)
      ctx.addIssue({ code: 'custom', path: ['customStart'], message: 'is required for a custom period' });
    if (!value.customEnd)
      ctx.addIssue({ code: 'custom', path: ['customEnd'], message: 'is required for a custom period' });
    if (value.customStart && value.customEnd && value.customEnd < value.customStart) {
      ctx.addIssue({ code: 'custom', path: ['customEnd'], message: 'must not be before customStart' });
    }
  }
  if (value.endsOn && value.endsOn < value.startsOn) {
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'must not be before startsOn' });
  }
}

export const expectationInputSchema = z.object(baseFields).superRefine(checkDates);
export type ExpectationInput = z.infer<typeof expectationInputSchema>;

/** An edit: any field of the input; the merged result is checked again as a whole. */
export const expectationPatchSchema = z.object(baseFields).partial();
export type ExpectationPatch = z.infer<typeof expectationPatchSchema>;

export interface Expectation extends ExpectationInput {
  id: string;
  template: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Active on some day of the range: started by its end, not ended before its start. */
/** The first day self-reports are owed for an expectation. */
export function selfReportsOwedFrom(e: Pick<Expectation, 'startsOn' | 'time'>): string {
  const from = e.time.selfReportFrom;
  return from !== null && from > e.startsOn ? from : e.startsOn;
}

export function isActiveDuring(
  e: Pick<Expectation, 'startsOn' | 'endsOn'>,
  range: { start: string; end: string },
): boolean {
  return e.startsOn <= range.end && (e.endsOn === null || e.endsOn >= range.start);
}
