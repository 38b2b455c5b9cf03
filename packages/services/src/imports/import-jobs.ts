import {
  findImport,
  findQueuedImports,
  isEmbeddedDatabase,
  openJobQueue,
  withOrgScope,
  type JobQueue,
} from '@rightly/db';
import type { ServiceDeps } from '../deps';
import { forEachOrg } from '../runtime/for-each-org';
import { recoverImports } from './recover-imports';
import { runImport } from './run-import';
import { storedImportFile } from './stored-import-file';

export const IMPORT_QUEUE = 'import';

interface ImportJob {
  orgId: string;
  importId: string;
}

/** The server's side of asynchronous imports: enqueue uploads, run them, recover after a crash. */
export interface ImportJobs {
  enqueue(job: ImportJob): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the import worker of a server process on pg-boss (see `openJobQueue`). Imports run one
 * at a time per process. At start, imports a dead process left running are marked failed; on the
 * embedded database, queued ones are sent again (their jobs may predate the crash). On PostgreSQL
 * the check for dead imports repeats every minute, so an instance that died mid-import is noticed
 * by the others.
 */
export async function startImportJobs(
  deps: ServiceDeps,
  options: { onError: (error: unknown, context: string) => void; recoverEveryMs?: number },
): Promise<ImportJobs> {
  await recoverImports(deps, { atStartup: true });
  const queue: JobQueue = await openJobQueue(deps.db, {
    queues: [IMPORT_QUEUE],
    onError: (error) => options.onError(error, 'job queue'),
  });
  // A job names its org; the import runs in that org's scope (row-level security).
  await queue.work<ImportJob>(IMPORT_QUEUE, (job) =>
    withOrgScope({ orgId: job.orgId }, async () => {
      const row = await findImport(deps.db, job);
      if (!row || row.status !== 'queued' || row.phase === 'uploading') return;
      const file = storedImportFile(deps, { ...job, bytes: row.fileBytes });
      try {
        await runImport(deps, { ...job, file });
      } catch (error) {
        // The import row already says it failed; this is for the operator's log.
        options.onError(error, `import ${job.importId}`);
      }
    }),
  );
  const embedded = isEmbeddedDatabase(deps.db);
  if (embedded) {
    await forEachOrg(deps, async (org) => {
      for (const queued of await findQueuedImports(deps.db, { orgId: org.id }))
        await queue.send(IMPORT_QUEUE, { orgId: queued.orgId, importId: queued.id });
    });
  }
  const timer = embedded
    ? null
    : setInterval(() => {
        recoverImports(deps, { atStartup: false }).catch((error: unknown) => options.onError(error, 'import recovery'));
      }, options.recoverEveryMs ?? 60_000);
  timer?.unref();
  return {
    enqueue: async (job) => {
      await queue.send(IMPORT_QUEUE, job);
    },
    stop: async () => {
      if (timer) clearInterval(timer);
      await queue.stop();
    },
  };
}
