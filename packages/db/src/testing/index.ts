import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Database } from '../database';
import { openMemoryDatabase, openPostgres, type DatabaseHandle } from '../open-database';

/**
 * Test databases, on the embedded database by default and on PostgreSQL when TEST_DATABASE_URL
 * is set. A template is built once per run (migrated, optionally populated); each test file then
 * gets its own copy in well under a second: a restored PGlite dump, or `CREATE DATABASE … TEMPLATE`.
 */
export type TemplateRef =
  { kind: 'pglite'; dumpPath: string } | { kind: 'postgres'; serverUrl: string; database: string };

export interface TestDatabase {
  db: Database;
  handle: DatabaseHandle;
  close(): Promise<void>;
}

export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

export async function buildTemplate(params: {
  name: string;
  populate?: (handle: DatabaseHandle) => Promise<void>;
}): Promise<TemplateRef> {
  const serverUrl = testDatabaseUrl();
  if (!serverUrl) {
    const memory = await openMemoryDatabase();
    try {
      await memory.migrate();
      await params.populate?.(memory);
      const dump = await memory.client.dumpDataDir('none');
      const dumpPath = join(
        tmpdir(),
        `rightly-template-${params.name}-${process.pid}-${randomBytes(4).toString('hex')}.tar`,
      );
      await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
      return { kind: 'pglite', dumpPath };
    } finally {
      await memory.close();
    }
  }
  const database = `${databaseName(serverUrl)}_tpl_${params.name}_${randomBytes(3).toString('hex')}`;
  await admin(serverUrl, `create database ${quote(database)}`);
  const handle = openPostgres(withDatabase(serverUrl, database), 4);
  try {
    await handle.migrate();
    await params.populate?.(handle);
  } finally {
    await handle.close();
  }
  return { kind: 'postgres', serverUrl, database };
}

export async function openFromTemplate(template: TemplateRef): Promise<TestDatabase> {
  if (template.kind === 'pglite') {
    const dump = new Blob([await readFile(template.dumpPath)]);
    const handle = await openMemoryDatabase({ loadDataDir: dump });
    // Closing twice is fine: a test may have closed it on purpose to simulate an outage.
    return { db: handle.db, handle, close: () => handle.close().catch(() => undefined) };
  }
  const database = `${template.database.replace(/_tpl_.*/, '')}_t_${randomBytes(4).toString('hex')}`;
  await admin(template.serverUrl, `create database ${quote(database)} template ${quote(template.database)}`);
  const handle = openPostgres(withDatabase(template.serverUrl, database), 4);
  return {
    db: handle.db,
    handle,
    close: async () => {
      // A test may already have closed the pool on purpose (a database outage); drop regardless.
      await handle.close().catch(() => undefined);
      await admin(template.serverUrl, `drop database if exists ${quote(database)} with (force)`);
    },
  };
}

export async function dropTemplate(template: TemplateRef): Promise<void> {
  if (template.kind === 'pglite') await rm(template.dumpPath, { force: true });
  else await admin(template.serverUrl, `drop database if exists ${quote(template.database)} with (force)`);
}

async function admin(serverUrl: string, statement: string): Promise<void> {
  // Database DDL runs on the server's maintenance database, never inside the one being copied.
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function databaseName(url: string): string {
  return new URL(url).pathname.replace(/^\//, '') || 'rightly';
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}
export * from './confined-database';
