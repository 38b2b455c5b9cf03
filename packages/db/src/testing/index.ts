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
  /** Connects as the database's administrator: fixtures and checks see every org. */
  db: Database;
  handle: DatabaseHandle;
  /**
   * The connection an app under test should use. On PostgreSQL it is a fresh login role that is
   * neither superuser nor BYPASSRLS, so row-level security binds it as it binds the server in
   * production (a route that forgets its org scope sees nothing there). On PGlite, which runs as
   * its superuser, it is `db`.
   */
  appDatabase(): Promise<Database>;
  /** Closes every connection to it, the app's included: the database goes away (an outage). */
  disconnect(): Promise<void>;
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
    return {
      db: handle.db,
      handle,
      appDatabase: async () => handle.db,
      disconnect: () => handle.close(),
      close: () => handle.close().catch(() => undefined),
    };
  }
  const database = `${template.database.replace(/_tpl_.*/, '')}_t_${randomBytes(4).toString('hex')}`;
  await admin(template.serverUrl, `create database ${quote(database)} template ${quote(template.database)}`);
  const handle = openPostgres(withDatabase(template.serverUrl, database), 4);
  let confined: { handle: DatabaseHandle; role: string } | undefined;
  return {
    db: handle.db,
    handle,
    appDatabase: async () => {
      confined ??= await openAsAppRole(template.serverUrl, database);
      return confined.handle.db;
    },
    disconnect: async () => {
      await handle.close();
      await confined?.handle.close();
    },
    close: async () => {
      // A test may already have closed the pool on purpose (a database outage); drop regardless.
      await handle.close().catch(() => undefined);
      await confined?.handle.close().catch(() => undefined);
      await admin(template.serverUrl, `drop database if exists ${quote(database)} with (force)`);
      if (confined) await admin(template.serverUrl, `drop role if exists ${quote(confined.role)}`);
    },
  };
}

/**
 * A login role with the rights the app needs on this database's tables and nothing more: not the
 * owner, not superuser, not BYPASSRLS. Row-level security binds every query it makes.
 */
async function openAsAppRole(serverUrl: string, database: string): Promise<{ handle: DatabaseHandle; role: string }> {
  const role = `rightly_test_app_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(16).toString('hex');
  await admin(serverUrl, `create role ${quote(role)} login password '${password}' nosuperuser nobypassrls`);
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, database) });
  await client.connect();
  try {
    await client.query(`grant usage on schema public to ${quote(role)}`);
    await client.query(`grant select, insert, update, delete on all tables in schema public to ${quote(role)}`);
    await client.query(`grant usage, select on all sequences in schema public to ${quote(role)}`);
    // The health check reads which migrations are applied.
    await client.query(`grant usage on schema drizzle to ${quote(role)}`);
    await client.query(`grant select on all tables in schema drizzle to ${quote(role)}`);
    // pg-boss keeps its queue in its own schema.
    await client.query(
      `do $$ begin if exists (select 1 from pg_namespace where nspname = 'pgboss') then
         execute 'grant usage on schema pgboss to ${role}';
         execute 'grant select, insert, update, delete on all tables in schema pgboss to ${role}';
         execute 'grant usage, select on all sequences in schema pgboss to ${role}';
       end if; end $$`,
    );
  } finally {
    await client.end();
  }
  const url = new URL(withDatabase(serverUrl, database));
  url.username = role;
  url.password = password;
  return { handle: openPostgres(url.toString(), 4), role };
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
