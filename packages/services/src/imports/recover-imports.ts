import { deleteImportFiles, findImport, findOrphanedImports, isEmbeddedDatabase, updateImport } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { forEachOrg } from '../runtime/for-each-org';
import { auditImportOutcome } from './audit-import';

/**
 * Marks imports whose process died (a crash, a kill, a restart mid-import) as failed. Their writes
 * were one transaction that never committed, so nothing of them is in the data; the user is told
 * to run them again. On PostgreSQL a running import holds an advisory lock its connection drops
 * with it, so any process can tell a dead one from a slow one at any time; on the embedded
 * database only the process that opens the folder can (`atStartup`).
 */
export async function recoverImports(deps: ServiceDeps, input: { atStartup: boolean }): Promise<{ recovered: number }> {
  let recovered = 0;
  await forEachOrg(deps, async (org) => {
    recovered += await recoverOrgImports(deps, { ...input, orgId: org.id });
  });
  return { recovered };
}

async function recoverOrgImports(deps: ServiceDeps, input: { atStartup: boolean; orgId: string }): Promise<number> {
  const orphans = await findOrphanedImports(deps.db, {
    orgId: input.orgId,
    embedded: isEmbeddedDatabase(deps.db),
    atStartup: input.atStartup,
    uploadsStartedBefore: new Date(deps.now().getTime() - 60 * 60 * 1000),
  });
  for (const orphan of orphans) {
    await updateImport(deps.db, {
      orgId: orphan.orgId,
      importId: orphan.id,
      set: {
        status: 'failed',
        phase: null,
        finishedAt: deps.now(),
        failure: {
          code: 'interrupted',
          message: orphan.uploading
            ? 'The upload was interrupted before the file arrived completely. Nothing of it was written.'
            : 'The import was interrupted (the process running it stopped). Nothing of it was written.',
          fix: orphan.uploading ? 'Upload the file again.' : 'Run it again.',
        },
      },
    });
    await deleteImportFiles(deps.db, { orgId: orphan.orgId, importIds: [orphan.id] });
    const row = await findImport(deps.db, { orgId: orphan.orgId, importId: orphan.id });
    if (row) await auditImportOutcome(deps.db, row, deps.now());
  }
  return orphans.length;
}
