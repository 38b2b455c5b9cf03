import { AppError } from '@rightly/core';
import { findImport } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { assertMayImport, orgOf, type ImportActor } from './import-actor';
import { toImportView, type ImportView } from './import-view';

/** One import: status, progress, counts, report. An id from another org is simply not found. */
export async function getImport(
  deps: ServiceDeps,
  input: { actor: ImportActor; importId: string },
): Promise<ImportView> {
  assertMayImport(input.actor);
  const row = await findImport(deps.db, { orgId: orgOf(input.actor), importId: input.importId });
  if (!row) throw new AppError({ code: 'not_found', message: `There is no import ${input.importId}.` });
  return toImportView(row);
}
