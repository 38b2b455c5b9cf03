import { auditResponseSchema, type AuditEntry } from '@rightly/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/api-client';
import { queryString } from '../../lib/api/query-string';

export type { AuditEntry };

/** The filters of the audit log page; empty strings mean "any". */
export interface AuditFilters {
  action: string;
  actor: { id: string; name: string } | null;
  subject: { id: string; name: string } | null;
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilters = { action: '', actor: null, subject: null, from: '', to: '' };
export const AUDIT_PAGE_SIZE = 50;

export function auditQueryParams(filters: AuditFilters): Record<string, string | undefined> {
  return {
    action: filters.action || undefined,
    actor: filters.actor?.id,
    subject: filters.subject?.id,
    from: filters.from || undefined,
    to: filters.to || undefined,
  };
}

/** The CSV download of the log with the same filters (the server audits the export). */
export function auditCsvUrl(filters: AuditFilters): string {
  return `/api/v1/audit/export.csv${queryString(auditQueryParams(filters))}`;
}

/** The log, newest first, a page at a time ("load more" asks for the next, older page). */
export function useAuditLog(filters: AuditFilters, options: { enabled: boolean }) {
  return useInfiniteQuery({
    queryKey: ['audit-log', auditQueryParams(filters)],
    enabled: options.enabled,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api.request(
        `/api/v1/audit${queryString({ ...auditQueryParams(filters), limit: AUDIT_PAGE_SIZE, before: pageParam })}`,
        auditResponseSchema,
        { signal },
      ),
    getNextPageParam: (last) => last.nextCursor,
  });
}
