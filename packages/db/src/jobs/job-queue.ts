import { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import PgBoss from 'pg-boss';
import type { Database } from '../database';

/**
 * Background jobs (imports) on pg-boss 10, in the application's own database, on both drivers.
 * pg-boss gets the connection Rightly already has through its `db.executeSql` hook:
 * - PostgreSQL: the pool's `query`, so jobs, their rows and the data share one database and any
 *   instance may pick up a job another enqueued.
 * - Embedded: PGlite's `query` for parameterised statements and `exec` for pg-boss's multi-statement
 *   scripts (its schema set-up and maintenance), which a prepared statement cannot hold.
 * pg-boss keeps its tables in the `pgboss` schema and migrates them itself on start.
 */
export interface JobQueue {
  /** Enqueues a job; returns its id. */
  send(queue: string, data: object): Promise<string | null>;
  /** Runs `handler` for each job of `queue`, one at a time in this process. */
  work<T extends object>(queue: string, handler: (data: T) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

export interface OpenJobQueueOptions {
  /** Seconds between polls for new jobs. */
  pollingIntervalSeconds?: number;
  /** Queues to create (idempotent) before use. */
  queues: string[];
  onError?: (error: Error) => void;
}

export async function openJobQueue(db: Database, options: OpenJobQueueOptions): Promise<JobQueue> {
  const boss = new PgBoss({
    db: { executeSql: executorFor(db) },
    schema: 'pgboss',
    // Imports are re-run by hand, not retried behind the user's back: a failed import says why.
    retryLimit: 0,
    // pg-boss caps expiry at a day; an import's own row (not the job) tells whether it is alive.
    expireInHours: 23,
    // Scheduling (cron) is unused; it would poll for nothing.
    schedule: false,
  });
  boss.on('error', (error: Error) => options.onError?.(error));
  await boss.start();
  for (const queue of options.queues) {
    if (!(await boss.getQueue(queue))) await boss.createQueue(queue, { name: queue, retryLimit: 0 });
  }
  const polling = options.pollingIntervalSeconds ?? 1;
  return {
    send: (queue, data) => boss.send(queue, data),
    work: async <T extends object>(queue: string, handler: (data: T) => Promise<void>) => {
      await boss.work<T>(queue, { pollingIntervalSeconds: polling, batchSize: 1 }, async ([job]) => {
        if (job) await handler(job.data);
      });
    },
    // Jobs in flight are not waited for: their import rows say they were interrupted, and the
    // next start (or another instance) marks them failed.
    stop: () => boss.stop({ graceful: false, wait: true, close: false, timeout: 5_000 }),
  };
}

type Executor = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

function executorFor(db: Database): Executor {
  const client = (db as unknown as { $client: unknown }).$client;
  if (client instanceof PGlite) {
    return async (text, values) => {
      if (!values || values.length === 0) {
        const results = await client.exec(text);
        return results[results.length - 1] ?? { rows: [] };
      }
      return client.query(text, values);
    };
  }
  const pool = client as pg.Pool;
  return (text, values) => pool.query(text, values);
}
