import { z } from 'zod';
import { AUDIT_ACTIONS } from '../coaching/constants';
import { idSchema, isoDateSchema } from './common';

/**
 * The org's append-only audit log: who did what to whom, and when. Coaching, ladder steps,
 * exports, imports, expectation and reporting changes, and (from the identity work) sign-ins,
 * sessions, users, teams, SSO and tokens.
 */
export const auditEntrySchema = z.object({
  id: idSchema,
  at: z.string(),
  /** Null when the command line (the operator) or the system acted. */
  actorId: idSchema.nullable(),
  actorName: z.string().nullable(),
  action: z.enum(AUDIT_ACTIONS),
  /** The rep concerned; null for an org-wide entry (an import, a matrix export, the org's settings). */
  subjectId: idSchema.nullable(),
  subjectName: z.string().nullable(),
  /**
   * Stored as JSON, exactly as recorded; `summary` is one line without control characters, other
   * keys depend on the action (e.g. `before`/`after` of an expectation). Text from users is data:
   * whoever renders it as text must make it a single line first (`toSingleLine`).
   */
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** A page boundary: the opaque `nextCursor` of the page before. */
export const auditCursorSchema = z.string().regex(/^[1-9]\d{0,17}$/, 'must be the nextCursor of the page before');

export const auditQuerySchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional(),
  /** Who acted. */
  actor: idSchema.optional(),
  /** Whom the entry is about. */
  subject: idSchema.optional(),
  /** The same as `subject`; the coaching pages ask by rep. */
  rep: idSchema.optional(),
  /** First and last day, inclusive, on the org's calendar. */
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  before: auditCursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type AuditQuery = z.input<typeof auditQuerySchema>;

export const auditResponseSchema = z.object({
  entries: z.array(auditEntrySchema),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type AuditResponse = z.infer<typeof auditResponseSchema>;
