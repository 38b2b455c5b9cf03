import type { DateOrder, ImportKind, ImportPhase, ImportSource, ImportStatus, OnErrorPolicy } from '@rightly/core';
import type { ImportRow } from '@rightly/db';
import type { ImportWarning } from '@rightly/importers';

/** What the file turned out to be, and what the import had to say beyond its counts. */
export interface ImportReport {
  format: {
    id: string;
    label: string;
    encoding: string;
    delimiter: string;
    dateOrder: DateOrder | null;
    columns: string[];
    /** Field → column of the file it was read from. */
    mapped: Record<string, string>;
  } | null;
  warnings: ImportWarning[];
  /** Owners the file names that match no user: their rows were not imported. */
  unknownOwners: { owner: string; rows: number; firstLine: number }[];
  /** Reps created for owners, as asked (--map-owner, --create-owners, the web app's choice). */
  createdOwners: { name: string; email: string }[];
  createdAccounts: number;
  createdOfferings: number;
  createdTeams: number;
  /** Activities naming a deal Rightly does not have (they were imported without one). */
  unmatchedOpportunities: number;
}

export interface ImportFailure {
  code: string;
  message: string;
  fix: string | null;
}

export interface ImportView {
  id: string;
  fileName: string;
  fileBytes: number;
  via: string;
  requestedBy: string | null;
  requestedSource: string;
  requestedKind: string;
  source: ImportSource | null;
  kind: ImportKind | null;
  onError: OnErrorPolicy;
  dryRun: boolean;
  status: ImportStatus;
  phase: ImportPhase | null;
  progress: { bytesRead: number; rowsRead: number; fraction: number | null };
  counts: { new: number; updated: number; unchanged: number; rejected: number; ignored: number };
  /** "12 new, 3 updated, 40 unchanged, 1 rejected" */
  summary: string;
  errorCount: number;
  report: ImportReport | null;
  failure: ImportFailure | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export function toImportView(row: ImportRow): ImportView {
  const options = row.options as { onError?: OnErrorPolicy };
  const counts = {
    new: row.newRows,
    updated: row.updatedRows,
    unchanged: row.unchangedRows,
    rejected: row.rejectedRows,
    ignored: row.ignoredRows,
  };
  return {
    id: row.id,
    fileName: row.fileName,
    fileBytes: row.fileBytes,
    via: row.via,
    requestedBy: row.requestedBy,
    requestedSource: row.requestedSource,
    requestedKind: row.requestedKind,
    source: row.source as ImportSource | null,
    kind: row.kind as ImportKind | null,
    onError: options.onError ?? 'reject',
    dryRun: row.dryRun,
    status: row.status,
    phase: row.phase as ImportPhase | null,
    progress: {
      bytesRead: row.bytesRead,
      rowsRead: row.rowsRead,
      fraction: row.status === 'succeeded' ? 1 : row.fileBytes > 0 ? Math.min(1, row.bytesRead / row.fileBytes) : null,
    },
    counts,
    summary: summarizeCounts(counts, row.dryRun),
    errorCount: row.errorCount,
    report: (row.report as ImportReport | null) ?? null,
    failure: (row.failure as ImportFailure | null) ?? null,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export function summarizeCounts(counts: ImportView['counts'], dryRun = false): string {
  const parts = [
    `${counts.new} new`,
    `${counts.updated} updated`,
    `${counts.unchanged} unchanged`,
    `${counts.rejected} rejected`,
  ];
  if (counts.ignored > 0) parts.push(`${counts.ignored} left out (planned or deleted)`);
  return `${dryRun ? 'Dry run: would be ' : ''}${parts.join(', ')}`;
}
