import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestDatabase } from '@rightly/db/testing';
import { buildApp, type BuildAppOptions } from '@rightly/server';
import { DEMO_PASSWORD, type SessionDeps } from '@rightly/services';
import type { FastifyInstance } from 'fastify';
import { TEST_NOW } from '../../../test/support/clock';
import { openTestDatabase } from '../../../test/support/database';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  deps: SessionDeps;
  close(): Promise<void>;
}

/** The real app on a private copy of the demo database, a frozen clock and a tiny web build. */
export async function buildTestApp(options: Pick<BuildAppOptions, 'onRoute' | 'importJobs'> = {}): Promise<TestApp> {
  const database = await openTestDatabase('demo');
  const deps: SessionDeps = { db: database.db, now: () => TEST_NOW, sessionSecret: 'server-test-secret-'.repeat(3) };
  const webDistDir = mkdtempSync(join(tmpdir(), 'rightly-web-'));
  writeFileSync(join(webDistDir, 'index.html'), '<!doctype html><title>Rightly</title><div id="root"></div>');
  const app = await buildApp({ deps, logLevel: 'silent', webDistDir, ...options });
  return {
    app,
    database,
    deps,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** Signs in through the API and returns the Cookie header for the following requests. */
export async function signInAs(app: FastifyInstance, email: string): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password: DEMO_PASSWORD },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'rightly_session');
  if (!cookie) throw new Error('sign-in set no session cookie');
  return `${cookie.name}=${cookie.value}`;
}
