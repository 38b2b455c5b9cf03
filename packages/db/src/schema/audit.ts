import { bigserial, foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations';

/**
 * The org's audit log: who did what to whom, and when — coaching, ladder steps, exports, imports,
 * expectation and reporting changes, sign-ins, users and teams. Append-only — a trigger
 * (migration 0004) refuses UPDATE and DELETE, except the DELETE of an org's own rows while
 * `deleteOrganization` runs with `rightly.deleting_org` set to that org in its transaction.
 * No foreign keys to users: the record outlives any change to the people in it.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    /**
     * Insertion order: entries written in one transaction share `at`, and read back in the order
     * made. Pages of the log are cut by it (keyset pagination), newest first.
     */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    /** The rep concerned; null for an org-wide entry. */
    subjectId: uuid('subject_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
    index('audit_log_by_subject').on(t.orgId, t.subjectId, t.at),
    index('audit_log_by_time').on(t.orgId, t.at),
    index('audit_log_by_seq').on(t.orgId, t.seq),
  ],
);
