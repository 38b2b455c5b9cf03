import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '@rightly/core';
import { users } from '@rightly/db';
import { createConfinedDatabase, testDatabaseUrl, type ConfinedDatabase } from '@rightly/db/testing';
import { startServer, type RunningServer } from '@rightly/server';
import { DEMO_PASSWORD, loadConfig, runNotifyTick, type Config } from '@rightly/services';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const serverUrl = testDatabaseUrl();

function configFor(databaseUrl: string): Config {
  return loadConfig({
    DATABASE_URL: databaseUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    SESSION_SECRET: 'database-role-test-secret-'.repeat(2),
    RIGHTLY_DATA_DIR: mkdtempSync(join(tmpdir(), 'rightly-role-')),
    RIGHTLY_NOTIFY_INTERVAL_SECONDS: '3600',
  });
}

async function adminQuery<T>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

describe.runIf(serverUrl)('the server’s database role (PostgreSQL)', () => {
  let confined: ConfinedDatabase;
  let server: RunningServer | undefined;

  beforeAll(async () => {
    confined = await createConfinedDatabase({ serverUrl: serverUrl ?? '', name: 'srv' });
  });
  afterAll(async () => {
    await server?.close();
    await confined?.drop();
  });

  it('refuses to start as a superuser, naming the role and how to make a proper one, before touching the schema', async () => {
    const asSuperuser = new URL(confined.adminUrl);
    const error = await startServer({ config: configFor(asSuperuser.toString()), handleSignals: false }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('config_invalid');
    expect((error as AppError).message).toMatch(
      new RegExp(`connects as "${decodeURIComponent(asSuperuser.username)}", a superuser`),
    );
    expect((error as AppError).message).toMatch(/CREATE ROLE rightly_app LOGIN .* NOSUPERUSER NOBYPASSRLS/);
    const [migrated] = await adminQuery<{ present: boolean }>(
      confined.adminUrl,
      `select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
    );
    expect(migrated?.present).toBe(false);
  });

  it('refuses a BYPASSRLS role too', async () => {
    await adminQuery(serverUrl ?? '', `alter role ${confined.role} bypassrls`);
    try {
      await expect(startServer({ config: configFor(confined.url), handleSignals: false })).rejects.toThrow(
        /a role with BYPASSRLS/,
      );
    } finally {
      await adminQuery(serverUrl ?? '', `alter role ${confined.role} nobypassrls`);
    }
  });

  it('starts as a role row-level security binds, and serves the demo org to its users through it', async () => {
    server = await startServer({ config: configFor(confined.url), handleSignals: false });
    expect(server.seeded?.status).toBe('created');
    const signIn = await fetch(`${server.url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'leader@demo.test', password: DEMO_PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const me = await fetch(`${server.url}/api/v1/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    const teams = await fetch(`${server.url}/api/v1/teams`, { headers: { cookie } });
    expect(teams.status).toBe(200);
    expect(JSON.stringify(await teams.json())).toContain('NA Mid-Market');
    // The app's own connection, outside any org scope, sees no tenant rows at all.
    const unscoped = await server.runtime.database.db.$count(users);
    expect(unscoped).toBe(0);
    // A reminder round walks every org in its own scope.
    const round = await runNotifyTick(
      { ...server.runtime.deps, appUrl: server.url, email: null, sendSlack: async () => undefined },
      { workerId: 'test' },
    );
    expect(round.failed).toBe(0);
  }, 300_000);
});
