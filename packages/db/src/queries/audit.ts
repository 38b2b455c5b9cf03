import { randomUUID } from 'node:crypto';
import { and, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { AuditAction } from '@rightly/core';
import type { Database } from '../database';
import { auditLog } from '../schema/index';

export interface StoredAuditEntry {
  id: string;
  at: Date;
  actorId: string | null;
  action: AuditAction;
  subjectId: string | null;
  details: Record<string, unknown>;
}

/**
 * Appends one entry. The table refuses UPDATE and DELETE (a trigger), so this is the only write.
 * `details` is stored as JSON: text from users stays data and is never part of a log line.
 */
export async function appendAudit(
  db: Database,
  params: Omit<StoredAuditEntry, 'id'> & { orgId: string },
): Promise<StoredAuditEntry> {
  const [row] = await db
    .insert(auditLog)
    .values({ ...params, id: randomUUID() })
    .returning();
  if (!row) throw new Error('audit insert returned nothing');
  const { orgId: _org, seq: _seq, ...entry } = row;
  return { ...entry, action: entry.action as AuditAction };
}

export interface AuditPageQuery {
  orgId: string;
  /** `'all'` reads every entry (org-wide ones included); a list reads only entries about those users. */
  subjectIds: readonly string[] | 'all';
  action?: AuditAction;
  actorId?: string;
  subjectId?: string;
  /** Entries at or after this instant. */
  from?: Date;
  /** Entries before this instant. */
  until?: Date;
  /** Entries older than this position (the `nextSeq` of the page before). */
  beforeSeq?: number;
  limit: number;
}

export interface AuditPage {
  entries: (StoredAuditEntry & { seq: number })[];
  /** The position to continue from; null when this page is the last. */
  nextSeq: number | null;
}

/**
 * One page of entries, newest first, by insertion order (`seq`): keyset pagination, so a page
 * never repeats or skips entries while new ones are appended.
 */
export async function listAuditPage(db: Database, query: AuditPageQuery): Promise<AuditPage> {
  if (query.subjectIds !== 'all' && query.subjectIds.length === 0) return { entries: [], nextSeq: null };
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.orgId, query.orgId),
        query.subjectIds === 'all' ? undefined : inArray(auditLog.subjectId, [...query.subjectIds]),
        query.action ? eq(auditLog.action, query.action) : undefined,
        query.actorId ? eq(auditLog.actorId, query.actorId) : undefined,
        query.subjectId ? eq(auditLog.subjectId, query.subjectId) : undefined,
        query.from ? gte(auditLog.at, query.from) : undefined,
        query.until ? lt(auditLog.at, query.until) : undefined,
        query.beforeSeq !== undefined ? lt(auditLog.seq, query.beforeSeq) : undefined,
      ),
    )
    .orderBy(desc(auditLog.seq))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    entries: page.map(({ orgId: _org, ...e }) => ({ ...e, action: e.action as AuditAction })),
    nextSeq: rows.length > query.limit && last ? last.seq : null,
  };
}
