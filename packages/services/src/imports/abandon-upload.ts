import { deleteImportFile, findImport, updateImport } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { auditImportOutcome } from './audit-import';

/** Marks an upload that did not arrive (too large, connection lost) as failed and drops what came. */
export async function abandonUpload(
  deps: ServiceDeps,
  input: { orgId: string; importId: string; message: string; fix: string },
): Promise<void> {
  await updateImport(deps.db, {
    orgId: input.orgId,
    importId: input.importId,
    set: {
      status: 'failed',
      phase: null,
      finishedAt: deps.now(),
      failure: { code: 'upload_failed', message: input.message, fix: input.fix },
    },
  });
  await deleteImportFile(deps.db, { orgId: input.orgId, importId: input.importId });
  const row = await findImport(deps.db, { orgId: input.orgId, importId: input.importId });
  if (row) await auditImportOutcome(deps.db, row, deps.now());
}
