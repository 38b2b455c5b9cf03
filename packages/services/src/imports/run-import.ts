import type { Readable } from 'node:stream';
import { AppError, isAppError } from '@rightly/core';
import {
  claimImport,
  deleteImportFile,
  dryRunWrite,
  findEmailsOfOtherOrgs,
  findImport,
  findOrganization,
  loadOrgStructure,
  updateImport,
  withImportSession,
  type ImportRow,
} from '@rightly/db';
import {
  isImportFileError,
  openImport,
  type ImportedRecord,
  type ImportReader,
  type RowError,
} from '@rightly/importers';
import type { ServiceDeps } from '../deps';
import { auditImportOutcome } from './audit-import';
import { ErrorSink } from './error-sink';
import type { ImportOptions } from './import-options';
import { ImportProgress, type ImportProgressEvent } from './import-progress';
import { toImportView, type ImportFailure, type ImportReport, type ImportView } from './import-view';
import { OwnerResolver } from './owner-resolver';
import { StagedRecords } from './stage-records';
import { timeOrderedId } from './time-ordered-id';
import { RejectedWhileWriting, writeImport, type WriteOutcome } from './write-import';

/** The file of an import: opened as often as the reader needs (a second pass settles date formats). */
export interface ImportFile {
  open(): Readable;
  bytes: number;
}

export interface RunImportInput {
  orgId: string;
  importId: string;
  file: ImportFile;
  onProgress?: (event: ImportProgressEvent) => void;
}

/**
 * Runs a queued import to its end: reads the file as a stream, maps and checks each row, resolves
 * owners, stages the rows, then merges them in one transaction together with the derived facts
 * and daily rollups they change. All or nothing: a failure — or a bad row under the `reject`
 * policy — leaves no row of this import behind. The import row records the outcome either way.
 * Called by the job worker (uploads) and by `rightly import`; authorisation happened when the
 * import was started.
 */
export async function runImport(deps: ServiceDeps, input: RunImportInput): Promise<ImportView> {
  const { orgId, importId } = input;
  const row = await findImport(deps.db, { orgId, importId });
  if (!row) throw new AppError({ code: 'not_found', message: `There is no import ${importId}.` });
  const org = await findOrganization(deps.db, { orgId });
  if (!org) throw new AppError({ code: 'not_found', message: 'The organization of this import no longer exists.' });
  const options = row.options as ImportOptions;
  const errors = new ErrorSink(deps.db, { orgId, importId });
  const progress = new ImportProgress(deps.db, { orgId, importId }, input.file.bytes, input.onProgress);
  const report: ImportReport = {
    format: null,
    warnings: [],
    unknownOwners: [],
    createdOwners: [],
    createdAccounts: 0,
    createdOfferings: 0,
    createdTeams: 0,
    unmatchedOpportunities: 0,
  };
  const tally = { rejected: 0, ignored: 0 };

  try {
    const outcome = await withImportSession(deps.db, { orgId, importId }, async (session) => {
      if (!(await claimImport(deps.db, { orgId, importId, now: deps.now() }))) {
        throw new AppError({ code: 'conflict', message: `Import ${importId} is not waiting to run (it ran already).` });
      }
      const reader = await openImport({
        open: input.file.open,
        source: options.source,
        kind: options.kind,
        mapping: options.mapping,
        dateFormat: options.dateFormat,
        timeZone: org.timeZone,
        now: deps.now(),
        onBytes: (bytes) => {
          progress.bytesRead += bytes;
        },
      });
      report.format = formatOf(reader);
      await updateImport(deps.db, {
        orgId,
        importId,
        set: { source: reader.format.source, kind: reader.format.kind, report },
      });

      const structure = await loadOrgStructure(deps.db, { orgId });
      const owners = new OwnerResolver({
        users: structure.users,
        ownerMap: options.ownerMap,
        createOwners: options.createOwners,
        newId: () => timeOrderedId(deps.now().getTime()),
      });
      const staged = await StagedRecords.create(reader.format.kind, session.staging, session.stagingTable);
      const ownerColumn = reader.format.columnNames.owner ?? 'owner';

      for await (const batch of reader.batches()) {
        progress.rowsRead += batch.rows;
        tally.ignored += batch.ignored;
        const rejectedLines = new Set(batch.errors.map((e) => e.line));
        const accepted: { record: ImportedRecord; ownerId: string | null }[] = [];
        const ownerErrors: RowError[] = [];
        for (const record of batch.records) {
          if (record.kind === 'user' || record.kind === 'offering') {
            accepted.push({ record, ownerId: null });
            continue;
          }
          const match = owners.resolve(record.owner, record.line);
          if (match.ok) accepted.push({ record, ownerId: match.userId });
          else {
            ownerErrors.push({
              line: record.line,
              column: ownerColumn,
              value: record.owner.raw,
              reason: match.reason,
              fix: match.fix,
            });
            rejectedLines.add(record.line);
          }
        }
        errors.add([...batch.errors, ...ownerErrors].sort((a, b) => a.line - b.line));
        tally.rejected += rejectedLines.size;
        // Under `reject` a single bad row dooms the import: keep reading for the full report, stop writing.
        if (!(options.onError === 'reject' && tally.rejected > 0)) await staged.add(accepted);
        progress.tell();
      }
      await staged.settled();
      report.warnings = reader.warnings();
      report.unknownOwners = owners.unknown();
      report.createdOwners = owners.toCreate().map(({ name, email }) => ({ name, email }));

      if (staged.kind === 'users') {
        // An e-mail signs in to one org: rows claiming another org's user are bad rows.
        const taken = await findEmailsOfOtherOrgs(deps.db, { orgId, emails: staged.users.map((u) => u.email) });
        const column = reader.format.columnNames.email ?? 'email';
        const clashes = staged.users.filter((u) => taken.has(u.email));
        errors.add(
          clashes.map((u) => ({
            line: u.line,
            column,
            value: u.email,
            reason: `${u.email} already signs in to another organization.`,
            fix: 'An e-mail belongs to one organization; use the address this person has in yours.',
          })),
        );
        tally.rejected += clashes.length;
        staged.users.splice(0, staged.users.length, ...staged.users.filter((u) => !taken.has(u.email)));
      }
      const createdClash = await findEmailsOfOtherOrgs(deps.db, {
        orgId,
        emails: report.createdOwners.map((o) => o.email),
      });
      if (createdClash.size > 0) {
        throw new AppError({
          code: 'validation_failed',
          message: `Owners cannot be created with e-mails that sign in to another organization: ${[...createdClash].join(', ')}.`,
        });
      }
      await errors.flush();
      if (options.onError === 'reject' && tally.rejected > 0) return { kind: 'rejected' as const };

      await progress.enter('writing');
      const write = (tx: Parameters<Parameters<typeof session.write>[0]>[0]) =>
        writeImport(tx, {
          orgId,
          importId,
          timeZone: org.timeZone,
          recordSource: reader.format.recordSource,
          staged,
          createdOwners: owners.toCreate(),
          onError: options.onError,
          now: deps.now(),
          newId: () => timeOrderedId(deps.now().getTime()),
          finish: options.dryRun ? null : (written) => finalState(written, tally, errors.count, report, deps.now()),
        });
      const written = options.dryRun ? await dryRunWrite(session, write) : await session.write(write);
      return { kind: 'written' as const, written };
    });

    if (outcome.kind === 'rejected') {
      await finish(deps, row, {
        status: 'failed',
        rejectedRows: tally.rejected,
        ignoredRows: tally.ignored,
        errorCount: errors.count,
        report,
        failure: {
          code: 'rows_rejected',
          message: `${tally.rejected} ${tally.rejected === 1 ? 'row has' : 'rows have'} problems, so nothing was imported (policy: reject).`,
          fix: 'Fix the rows listed in the error report and import the file again, or import with --on-error skip to write the good rows and leave these out.',
        },
        finishedAt: deps.now(),
      });
    } else {
      // Rows only the write could judge (a roster's team loop) join the report now it is over.
      const state = finalState(outcome.written, tally, errors.count, report, deps.now());
      errors.add(outcome.written.problems);
      await errors.flush();
      // A real run recorded its outcome in its own transaction; a dry run's was rolled back.
      if (options.dryRun) await finish(deps, row, state);
      else await deleteImportFile(deps.db, { orgId, importId });
    }
  } catch (error) {
    await recordFailure(deps, row, error, { tally, report, errors });
    // Another run holds this import: its outcome is that run's to record.
    if (isAppError(error) && error.code === 'conflict')
      return toImportView((await findImport(deps.db, { orgId, importId })) ?? row);
    if (!isExpectedFailure(error)) {
      // Best effort, like recording the failure: the original error is what the caller hears about.
      const failed = await findImport(deps.db, { orgId, importId }).catch(() => null);
      if (failed) await auditImportOutcome(deps.db, failed, deps.now()).catch(() => undefined);
      throw error;
    }
  }
  const final = await findImport(deps.db, { orgId, importId });
  if (final) await auditImportOutcome(deps.db, final, deps.now());
  return toImportView(final ?? row);
}

type FinalState = Parameters<typeof updateImport>[1]['set'];

function finalState(
  written: WriteOutcome,
  tally: { rejected: number; ignored: number },
  errorCount: number,
  report: ImportReport,
  now: Date,
): FinalState {
  report.createdAccounts = written.createdAccounts;
  report.createdOfferings = written.createdOfferings;
  report.createdTeams = written.createdTeams;
  report.unmatchedOpportunities = written.unmatchedOpportunities;
  return {
    status: 'succeeded',
    phase: null,
    newRows: written.counts.inserted,
    updatedRows: written.counts.updated,
    unchangedRows: written.counts.unchanged,
    rejectedRows: tally.rejected + written.problems.length,
    ignoredRows: tally.ignored,
    errorCount: errorCount + written.problems.length,
    report,
    finishedAt: now,
  };
}

async function finish(deps: ServiceDeps, row: ImportRow, set: FinalState): Promise<void> {
  await updateImport(deps.db, { orgId: row.orgId, importId: row.id, set });
  await deleteImportFile(deps.db, { orgId: row.orgId, importId: row.id });
}

/** Failures the import reports as its outcome; anything else is also a bug to log. */
function isExpectedFailure(error: unknown): boolean {
  return isImportFileError(error) || isAppError(error) || error instanceof RejectedWhileWriting;
}

async function recordFailure(
  deps: ServiceDeps,
  row: ImportRow,
  error: unknown,
  context: { tally: { rejected: number; ignored: number }; report: ImportReport; errors: ErrorSink },
): Promise<void> {
  let failure: ImportFailure;
  if (isImportFileError(error)) failure = { code: 'unreadable_file', message: error.reason, fix: error.fix };
  else if (error instanceof RejectedWhileWriting) {
    context.errors.add(error.problems);
    context.tally.rejected += error.problems.length;
    failure = {
      code: 'rows_rejected',
      message: `${error.problems.length} rows could not be written, so nothing was imported (policy: reject).`,
      fix: 'Fix the rows listed in the error report, or import with --on-error skip.',
    };
  } else if (isAppError(error)) failure = { code: error.code, message: error.message, fix: null };
  else {
    failure = {
      code: 'internal',
      message:
        'The import stopped on an unexpected error; nothing of it was written. Try again, and report it if it repeats.',
      fix: null,
    };
  }
  if (isAppError(error) && error.code === 'conflict') return;
  // The database may be why the import failed: recording the failure is best effort, and the
  // original error is what the caller hears about.
  await context.errors.flush().catch(() => undefined);
  await finish(deps, row, {
    status: 'failed',
    phase: null,
    rejectedRows: context.tally.rejected,
    ignoredRows: context.tally.ignored,
    errorCount: context.errors.count,
    report: context.report,
    failure,
    finishedAt: deps.now(),
  }).catch(() => undefined);
}

function formatOf(reader: ImportReader): ImportReport['format'] {
  const f = reader.format;
  return {
    id: f.id,
    label: f.label,
    encoding: f.encoding,
    delimiter: f.delimiter === '\t' ? 'tab' : f.delimiter,
    dateOrder: f.dateOrder,
    columns: f.header.names,
    mapped: f.columnNames,
  };
}
