import { z } from 'zod';
import { METRIC_UNITS } from '../metrics/metric-definition';
import { REPORT_STATUSES } from '../reports/report-status';
import { DISCREPANCY_RESOLUTIONS } from '../reports/discrepancy';
import { REPORTING_CADENCES } from '../reports/cadence';
import { idSchema, isoDateSchema } from './common';

/** One expectation × reporting window of one rep: what is due, what was reported, what the CRM shows. */
export const selfReportItemSchema = z.object({
  /** The stored report's id; null while nothing was submitted. */
  id: idSchema.nullable(),
  repId: idSchema,
  repName: z.string(),
  expectationId: idSchema,
  expectationName: z.string(),
  metric: z.object({ key: z.string(), name: z.string(), unit: z.enum(METRIC_UNITS) }),
  window: z.object({ start: isoDateSchema, end: isoDateSchema, cadence: z.enum(REPORTING_CADENCES) }),
  /** ISO instant. */
  dueAt: z.string(),
  status: z.enum(REPORT_STATUSES),
  reported: z.number().nullable(),
  comment: z.string(),
  /** The CRM's figure for the window now. */
  measured: z.number().nullable(),
  submittedAt: z.string().nullable(),
  /** "reported 5 first meetings held, CRM shows 3"; null when they agree within the tolerance. */
  discrepancy: z.string().nullable(),
  resolution: z
    .object({
      kind: z.enum(DISCREPANCY_RESOLUTIONS),
      note: z.string(),
      originalValue: z.number().nullable(),
      resolvedAt: z.string(),
      resolvedBy: z.string().nullable(),
    })
    .nullable(),
});
export type SelfReportItem = z.infer<typeof selfReportItemSchema>;

export const selfReportsQuerySchema = z.object({
  /** One rep (a rep may ask only for themselves); default: everyone the caller may see. */
  rep: idSchema.optional(),
  team: idSchema.optional(),
  /** Windows ending on or after this day; default 8 weeks ago. */
  from: isoDateSchema.optional(),
  /** Windows starting on or before this day; default today. */
  to: isoDateSchema.optional(),
  status: z.enum([...REPORT_STATUSES, 'discrepancy']).optional(),
});

export const selfReportsResponseSchema = z.object({
  asOf: z.string(),
  timeZone: z.string(),
  items: z.array(selfReportItemSchema),
  summary: z.object({
    due: z.number().int(),
    onTime: z.number().int(),
    late: z.number().int(),
    overdue: z.number().int(),
    open: z.number().int(),
    discrepancies: z.number().int(),
  }),
});
export type SelfReportsResponse = z.infer<typeof selfReportsResponseSchema>;

export const submitSelfReportBodySchema = z.object({
  expectationId: idSchema,
  /** The first day of the reporting window (the item's `window.start`). */
  windowStart: isoDateSchema,
  value: z.number().finite().min(0, 'must be zero or more').max(1e12),
  comment: z.string().trim().max(4000, 'must be at most 4000 characters').default(''),
});
export type SubmitSelfReportBody = z.infer<typeof submitSelfReportBodySchema>;

export const resolveDiscrepancyBodySchema = z.object({
  resolution: z.enum(DISCREPANCY_RESOLUTIONS),
  note: z.string().trim().max(2000).default(''),
  /** Required with `report_corrected`: the value that stands. */
  correctedValue: z.number().finite().min(0).optional(),
});

export const cadenceEntrySchema = z.object({
  id: idSchema,
  level: z.enum(['org', 'team', 'rep']),
  subjectId: z.string().nullable(),
  cadence: z.enum(REPORTING_CADENCES),
  reason: z.string(),
  reviewOn: isoDateSchema.nullable(),
  setBy: z.string().nullable(),
  /** The name of whoever set it, for the history list. */
  setByName: z.string().nullable(),
  effectiveFrom: isoDateSchema,
  effectiveTo: isoDateSchema.nullable(),
  createdAt: z.string(),
});

export const cadenceAdviceSchema = z.object({
  action: z.enum(['shorten', 'relax']),
  to: z.enum(REPORTING_CADENCES),
  reason: z.string(),
});

export const repCadenceSchema = z.object({
  repId: idSchema,
  repName: z.string(),
  /** In force today, and where it comes from. */
  cadence: z.enum(REPORTING_CADENCES),
  source: z.enum(['org', 'team', 'rep', 'default']),
  /** What the rep would have without a rep override (for "back to usual"). */
  usual: z.enum(REPORTING_CADENCES),
  /** A change that starts on a later day, if one is set. */
  upcoming: cadenceEntrySchema.nullable(),
  reviewOn: isoDateSchema.nullable(),
  advice: cadenceAdviceSchema.nullable(),
  history: z.array(cadenceEntrySchema),
});

export const reportingCadencesQuerySchema = z.object({ rep: idSchema.optional(), team: idSchema.optional() });

export const reportingCadencesResponseSchema = z.object({
  orgDefault: z.enum(REPORTING_CADENCES),
  rules: z.object({ shortenAfter: z.number().int(), relaxAfter: z.number().int() }),
  reps: z.array(repCadenceSchema),
  teams: z.array(cadenceEntrySchema),
});
export type ReportingCadencesResponse = z.infer<typeof reportingCadencesResponseSchema>;

export const putReportingCadenceBodySchema = z
  .object({
    level: z.enum(['org', 'team', 'rep']),
    /** The team or rep; omitted for `org`. */
    subjectId: idSchema.optional(),
    /** null removes a team or rep override (back to the level above). */
    cadence: z.enum(REPORTING_CADENCES).nullable(),
    reason: z.string().trim().max(1000).default(''),
    reviewOn: isoDateSchema.nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.level !== 'org' && !v.subjectId)
      ctx.addIssue({ code: 'custom', path: ['subjectId'], message: `is required for a ${v.level} cadence` });
    if (v.level === 'org' && v.cadence === null)
      ctx.addIssue({ code: 'custom', path: ['cadence'], message: 'the org default cannot be removed' });
  });
export type PutReportingCadenceBody = z.infer<typeof putReportingCadenceBodySchema>;

export const NOTIFICATION_KINDS = ['reminder', 'overdue', 'digest', 'cadence_changed'] as const;

export const notificationSchema = z.object({
  id: idSchema,
  kind: z.enum(NOTIFICATION_KINDS),
  subject: z.string(),
  body: z.string(),
  link: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const notificationsResponseSchema = z.object({
  unread: z.number().int(),
  items: z.array(notificationSchema),
});

export const notificationPreferencesSchema = z.object({
  email: z.boolean(),
  slack: z.boolean(),
  slackWebhookUrl: z
    .string()
    .url('must be a URL like https://hooks.slack.com/services/…')
    .regex(/^https?:\/\//, 'must start with https://')
    .nullable(),
  reminders: z.boolean(),
  overdue: z.boolean(),
  digest: z.boolean(),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 09:00');

/** How an org runs self-reporting; admins change it. */
export const reportingSettingsSchema = z.object({
  dueTime: timeOfDay,
  reminderTime: timeOfDay,
  overdueAfterHours: z.number().int().min(0).max(72),
  discrepancyTolerancePercent: z.number().min(0).max(100),
  shortenAfterPeriods: z.number().int().min(1).max(26),
  relaxAfterPeriods: z.number().int().min(1).max(26),
  /** ISO weekday of the leaders' digest, 1 = Monday. */
  digestWeekday: z.number().int().min(1).max(7),
  digestTime: timeOfDay,
});
export type ReportingSettings = z.infer<typeof reportingSettingsSchema>;
