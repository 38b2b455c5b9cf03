import {
  createEmailChannel,
  openRuntime,
  sendSlackMessage,
  startNotifier,
  type Notifier,
  seedDemoIfEmpty,
  startImportJobs,
  type Config,
  type EmailChannel,
  type ImportJobs,
  type Runtime,
  type SeedDemoOrgResult,
} from '@rightly/services';
import { AppError } from '@rightly/core';
import closeWithGrace from 'close-with-grace';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { createPasswordResetDelivery } from './password-reset-delivery';

export interface StartServerInput {
  config: Config;
  /** Log lines and the banner go through the app's logger; this only adds the process hooks. */
  handleSignals?: boolean;
  webDistDir?: string;
}

export interface RunningServer {
  app: FastifyInstance;
  runtime: Runtime;
  url: string;
  /** Set when this start seeded the demo organization into an empty database. */
  seeded: SeedDemoOrgResult | null;
  close(): Promise<void>;
}

/**
 * Opens the database (migrating it), seeds the demo into an empty one when allowed, and listens.
 * SIGTERM and SIGINT close the port first, let requests in flight finish, then close the database.
 */
export async function startServer(input: StartServerInput): Promise<RunningServer> {
  const { config } = input;
  // On PostgreSQL, only a role that row-level security binds may serve (docs/identity/rls.md).
  const runtime = await openRuntime({ config, command: 'rightly serve', requireConfinedRole: true });
  let app: FastifyInstance | undefined;
  let importJobs: ImportJobs | undefined;
  try {
    const seeded = config.demo === 'auto' ? await seedDemoIfEmpty(runtime.deps) : null;
    importJobs = await startImportJobs(runtime.deps, {
      // The context goes in a field, never into the message: log lines carry no text from outside.
      onError: (error, context) => app?.log.error({ err: error, context }, 'background job failed'),
    });
    // One SMTP channel for invitations, password resets and reminders; links use PUBLIC_URL, or
    // where we listen.
    const email = config.smtpUrl ? createEmailChannel({ smtpUrl: config.smtpUrl, from: config.mailFrom }) : null;
    let listeningUrl: string | null = null;
    app = await buildApp({
      deps: runtime.deps,
      mail: { email, appUrl: () => config.publicUrl ?? listeningUrl },
      importJobs,
      logLevel: config.logLevel,
      prettyLogs: process.stdout.isTTY,
      trustProxy: config.trustProxy,
      passwordReset: createPasswordResetDelivery({
        email,
        host: config.host,
        appUrl: () => config.publicUrl ?? listeningUrl ?? '',
        log: () => (app as FastifyInstance).log,
      }),
      ...(input.webDistDir ? { webDistDir: input.webDistDir } : {}),
    });
    if (config.databaseUrl && !config.sessionSecret) {
      app.log.warn(
        'SESSION_SECRET is not set: a secret was generated in the data folder. Set SESSION_SECRET when several instances share this database, or their sessions will not be recognised by each other.',
      );
    }
    const address = await listen(app, config);
    const url = publicUrl(address, config);
    listeningUrl = url;
    const server = app;
    const jobs = importJobs;
    const notifier = startReminders(runtime, config, { url, log: server.log, email });
    let closing: Promise<void> | undefined;
    const close = (): Promise<void> => {
      closing ??= server
        .close()
        .finally(() => notifier.stop())
        .finally(() => jobs.stop())
        .finally(() => runtime.close());
      return closing;
    };
    if (input.handleSignals !== false) {
      closeWithGrace({ delay: 10_000 }, async ({ err, signal }) => {
        if (err) server.log.error({ err }, 'shutting down after an error');
        else server.log.info({ signal }, 'shutting down');
        await close();
      });
    }
    return { app: server, runtime, url, seeded, close };
  } catch (error) {
    await app?.close();
    await importJobs?.stop();
    await runtime.close();
    throw error;
  }
}

/**
 * Reminders, overdue notices and digests: a round every RIGHTLY_NOTIFY_INTERVAL_SECONDS on every
 * instance; the database makes each message go out once (see `runNotifyTick`).
 */
function startReminders(
  runtime: Runtime,
  config: Config,
  context: { url: string; log: FastifyInstance['log']; email: EmailChannel | null },
): Notifier {
  const { email } = context;
  if (!email) context.log.info('SMTP_URL is not set: notifications go to the in-app list (and Slack) only');
  const notifier = startNotifier(
    {
      ...runtime.deps,
      appUrl: config.publicUrl ?? context.url,
      email,
      sendSlack: (message) => sendSlackMessage(message),
    },
    {
      intervalMs: config.notifyIntervalSeconds * 1000,
      onError: (error) => context.log.error({ err: error }, 'notification round failed'),
    },
  );
  return {
    tick: notifier.tick,
    stop: () => notifier.stop().finally(() => email?.close()),
  };
}

async function listen(app: FastifyInstance, config: Config): Promise<string> {
  try {
    return await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      throw new AppError({
        code: 'conflict',
        message:
          code === 'EADDRINUSE'
            ? `Port ${config.port} on ${config.host} is already in use. Stop the other program or choose another port (PORT or --port).`
            : `Cannot listen on ${config.host}:${config.port} (${code}). Choose another HOST or PORT.`,
        cause: error,
      });
    }
    throw error;
  }
}

/** A URL a person can click: `localhost` rather than `[::1]` or `0.0.0.0`. */
function publicUrl(address: string, config: Config): string {
  const port = new URL(address).port || String(config.port);
  const host = ['0.0.0.0', '::', 'localhost', '127.0.0.1', '::1'].includes(config.host) ? 'localhost' : config.host;
  return `http://${host}:${port}`;
}
