import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestDatabase } from '@rightly/db/testing';
import { buildApp, type BuildAppOptions, type PasswordResetDelivery } from '@rightly/server';
import { DEMO_PASSWORD, type SessionDeps } from '@rightly/services';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { TEST_NOW } from '../../../test/support/clock';
import { openTestDatabase } from '../../../test/support/database';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  deps: SessionDeps;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Another app instance on this database (closing the app then leaves the database open). */
  database?: TestDatabase;
  now?: () => Date;
  passwordReset?: PasswordResetDelivery;
  /** Trust X-Forwarded-Proto, e.g. to test the cookies served over HTTPS. */
  trustProxy?: boolean;
  /** Told of every route (the authorization matrix builds its route table from it). */
  onRoute?: BuildAppOptions['onRoute'];
  importJobs?: BuildAppOptions['importJobs'];
}

/** The real app on a private copy of the demo database, a frozen clock and a tiny web build. */
export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await openTestDatabase('demo'));
  const deps: SessionDeps = {
    // On PostgreSQL, as a role row-level security binds, like the server in production.
    db: await database.appDatabase(),
    now: options.now ?? (() => TEST_NOW),
    sessionSecret: 'server-test-secret-'.repeat(3),
  };
  const webDistDir = mkdtempSync(join(tmpdir(), 'rightly-web-'));
  writeFileSync(join(webDistDir, 'index.html'), '<!doctype html><title>Rightly</title><div id="root"></div>');
  const app = sendCsrfHeaderLikeTheWebApp(
    await buildApp({
      deps,
      logLevel: 'silent',
      webDistDir,
      ...(options.passwordReset ? { passwordReset: options.passwordReset } : {}),
      ...(options.trustProxy ? { trustProxy: true } : {}),
      ...(options.onRoute ? { onRoute: options.onRoute } : {}),
      ...(options.importJobs ? { importJobs: options.importJobs } : {}),
    }),
  );
  return {
    app,
    database,
    deps,
    close: async () => {
      await app.close();
      if (!options.database) await database.close();
    },
  };
}

/**
 * Signs in through the API and returns the Cookie header for the following requests: the session
 * cookie and the readable CSRF cookie, as a browser would hold them.
 */
export async function signInAs(app: FastifyInstance, email: string, password: string = DEMO_PASSWORD): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${response.body}`);
  const session = response.cookies.find((c) => c.name === 'rightly_session');
  const csrf = response.cookies.find((c) => c.name === 'rightly_csrf');
  if (!session || !csrf) throw new Error('sign-in did not set the session and CSRF cookies');
  return `${session.name}=${session.value}; ${csrf.name}=${csrf.value}`;
}

/** The session cookie alone, without the CSRF cookie (for tests of the CSRF check itself). */
export function sessionCookieOnly(cookie: string): string {
  return cookie.split('; ').find((part) => part.startsWith('rightly_session=')) ?? '';
}

/**
 * Makes `app.inject` behave like the web app's API client: a request whose Cookie header holds
 * the CSRF cookie gets the `x-csrf-token` header copied from it, unless the test sets that header
 * itself. Tests of other routes then write with a signed-in cookie as they always did; CSRF tests
 * leave the CSRF cookie out (`sessionCookieOnly`) or set the header explicitly.
 */
export function sendCsrfHeaderLikeTheWebApp(app: FastifyInstance): FastifyInstance {
  const inject = app.inject.bind(app);
  const withHeader = (options: InjectOptions): InjectOptions => {
    const headers = { ...(options.headers ?? {}) };
    const cookie = typeof headers.cookie === 'string' ? headers.cookie : '';
    const csrf = /(?:^|;\s*)rightly_csrf=([^;]+)/.exec(cookie)?.[1];
    if (csrf && !('x-csrf-token' in headers)) headers['x-csrf-token'] = csrf;
    return { ...options, headers };
  };
  // Only the promise form `inject(options)` is used by the tests; the overloads of the original
  // (chain builder, callback) cannot be re-declared by a plain function, hence the cast.
  app.inject = ((options: InjectOptions) => inject(withHeader(options))) as unknown as FastifyInstance['inject'];
  return app;
}
