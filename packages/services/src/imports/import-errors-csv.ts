import { AppError, neutralizeCsvCell } from '@rightly/core';
import { findImport, readImportErrors } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { recordOrgAudit } from '../audit/record-audit';
import { assertMayImport, orgOf, type ImportActor } from './import-actor';

const HEADER = ['line', 'column', 'value', 'reason', 'fix'];

/**
 * An import's error report as CSV, streamed a page at a time. Cells are quoted, and any cell a
 * spreadsheet would run as a formula (starting with = + - @, tab or carriage return) is prefixed
 * with an apostrophe, so opening the report cannot execute what a hostile export put in it.
 */
export async function importErrorsCsv(
  deps: ServiceDeps,
  input: { actor: ImportActor; importId: string },
): Promise<{ fileName: string; lines: AsyncGenerator<string> }> {
  assertMayImport(input.actor);
  const orgId = orgOf(input.actor);
  const row = await findImport(deps.db, { orgId, importId: input.importId });
  if (!row) throw new AppError({ code: 'not_found', message: `There is no import ${input.importId}.` });
  // The report holds CRM values (names, e-mails, amounts) that leave the system: audited.
  await recordOrgAudit(deps.db, {
    orgId,
    actorId: input.actor.kind === 'user' ? input.actor.viewer.userId : null,
    action: 'export_csv',
    subjectId: null,
    at: deps.now(),
    summary: `Error report of the import of ${row.fileName} exported as CSV`,
    details: { export: 'import_errors', importId: row.id, fileName: row.fileName, errorCount: row.errorCount },
  });
  const base = row.fileName.replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '_') || 'import';
  async function* lines(): AsyncGenerator<string> {
    yield `${HEADER.join(',')}\r\n`;
    for await (const page of readImportErrors(deps.db, { orgId, importId: input.importId })) {
      yield page
        .map((e) => `${[String(e.line), e.column, e.value, e.reason, e.fix].map(csvCell).join(',')}\r\n`)
        .join('');
    }
  }
  return { fileName: `${base}-errors.csv`, lines: lines() };
}

/** Every cell quoted: the report's values come from a hostile file as often as not. */
function csvCell(value: string | null): string {
  if (value === null) return '';
  return `"${neutralizeCsvCell(value).replaceAll('"', '""')}"`;
}
