import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A PostgreSQL database owned by a fresh login role that is neither superuser nor BYPASSRLS, as
 * docs/identity/rls.md tells operators to set up: row-level security binds every connection made
 * with `url`. `serverUrl` must connect as a role allowed to create roles and databases (CI: postgres).
 */
export interface ConfinedDatabase {
  /** Connects as the confined role (it owns the database, so it can migrate it). */
  url: string;
  role: string;
  database: string;
  /** Connects as the administrator given to `createConfinedDatabase`, to the same database. */
  adminUrl: string;
  drop(): Promise<void>;
}

export async function createConfinedDatabase(params: { serverUrl: string; name: string }): Promise<ConfinedDatabase> {
  const suffix = randomBytes(4).toString('hex');
  const role = `rightly_app_${params.name}_${suffix}`;
  const database = `rightly_rls_${params.name}_${suffix}`;
  const password = randomBytes(16).toString('hex');
  await onMaintenance(params.serverUrl, async (client) => {
    await client.query(`create role ${role} login password '${password}' nosuperuser nobypassrls`);
    await client.query(`create database ${database} owner ${role}`);
  });
  const url = new URL(params.serverUrl);
  url.username = role;
  url.password = password;
  url.pathname = `/${database}`;
  const adminUrl = new URL(params.serverUrl);
  adminUrl.pathname = `/${database}`;
  return {
    url: url.toString(),
    role,
    database,
    adminUrl: adminUrl.toString(),
    drop: () =>
      onMaintenance(params.serverUrl, async (client) => {
        await client.query(`drop database if exists ${database} with (force)`);
        await client.query(`drop role if exists ${role}`);
      }),
  };
}

async function onMaintenance(serverUrl: string, work: (client: pg.Client) => Promise<void>): Promise<void> {
  const url = new URL(serverUrl);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
