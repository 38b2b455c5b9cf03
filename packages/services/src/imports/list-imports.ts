import { listImports as listImportRows } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { assertMayImport, orgOf, type ImportActor } from './import-actor';
import { toImportView, type ImportView } from './import-view';

export interface ListImportsInput {
  actor: ImportActor;
  limit: number;
  /** Only imports started before this instant (paging back). */
  before?: Date | undefined;
}

/** The history of the org's imports, newest first. */
export async function listImports(deps: ServiceDeps, input: ListImportsInput): Promise<{ imports: ImportView[] }> {
  assertMayImport(input.actor);
  const rows = await listImportRows(deps.db, { orgId: orgOf(input.actor), limit: input.limit, before: input.before });
  return { imports: rows.map(toImportView) };
}
