import { listImportErrors as listErrorRows } from '@rightly/db';
import type { RowError } from '@rightly/importers';
import type { ServiceDeps } from '../deps';
import { assertMayImport, orgOf, type ImportActor } from './import-actor';

/** The first problems of an import's error report, in file order (the CSV has them all). */
export async function listImportErrors(
  deps: ServiceDeps,
  input: { actor: ImportActor; importId: string; limit: number },
): Promise<RowError[]> {
  assertMayImport(input.actor);
  const rows = await listErrorRows(deps.db, {
    orgId: orgOf(input.actor),
    importId: input.importId,
    limit: input.limit,
  });
  return rows.map(({ line, column, value, reason, fix }) => ({ line, column, value, reason, fix }));
}
