import { resolve } from 'node:path';
import { AppError, type FieldIssue } from '@rightly/core';
import { z } from 'zod';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Every setting Rightly reads, from the environment only (12-factor). README documents each. */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL; absent means the embedded database in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: (typeof LOG_LEVELS)[number];
  /** When absent, one is generated and kept in `dataDir` (see `resolveSessionSecret`). */
  sessionSecret: string | undefined;
  /** `auto`: seed the demo organization when the database holds no organization; `off`: never. */
  demo: 'auto' | 'off';
  /** Honour X-Forwarded-* headers from a reverse proxy (needed for Secure cookies behind TLS termination). */
  trustProxy: boolean;
  /** Where e-mail goes out; absent means no e-mail can be sent. */
  smtpUrl: string | undefined;
  /** The From of every e-mail, e.g. `Rightly <rightly@example.com>`. */
  mailFrom: string;
  /** Base of links in e-mails, no trailing slash; absent means http://HOST:PORT. */
  publicUrl: string | undefined;
  /** How often the notification job looks for reminders, digests and overdue reports to send. */
  notifyIntervalSeconds: number;
}

const schema = z.object({
  PORT: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65_535, 'must be between 0 and 65535')
    .default(3000),
  HOST: z.string().min(1, 'must not be empty').default('localhost'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'must be a PostgreSQL URL like postgres://user@host:5432/db')
    .optional(),
  RIGHTLY_DATA_DIR: z.string().min(1, 'must not be empty').default('./.rightly/data'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)').optional(),
  RIGHTLY_DEMO: z.enum(['auto', 'off'], { error: 'must be auto or off' }).default('auto'),
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, 'must be an SMTP URL like smtp://user:pass@mail.example.com:587 or smtps://…')
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(/@/, 'must hold an address, like Rightly <rightly@example.com>')
    .default('Rightly <rightly@localhost>'),
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^\s/?#]+[^\s?#]*$/, 'must be an http(s) URL like https://rightly.example.com (no query)')
    // Links are built as `${publicUrl}/path`; a trailing slash would double it.
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  RIGHTLY_NOTIFY_INTERVAL_SECONDS: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 3600')
    .max(3600, 'must be between 1 and 3600')
    .default(60),
});

/**
 * Reads and checks the configuration. Every bad variable is named in one error, so a wrong
 * deployment is fixed in one round instead of one variable at a time. Empty strings count as unset.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const present = Object.fromEntries(
    Object.keys(schema.shape)
      .map((key) => [key, env[key]])
      .filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issues: FieldIssue[] = parsed.error.issues.map((issue) => ({
      field: String(issue.path[0] ?? '(environment)'),
      message: issue.message,
    }));
    throw new AppError({
      code: 'config_invalid',
      message: `Fix these environment variables: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`,
      issues,
    });
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    dataDir: resolve(c.RIGHTLY_DATA_DIR),
    logLevel: c.LOG_LEVEL,
    sessionSecret: c.SESSION_SECRET,
    demo: c.RIGHTLY_DEMO,
    trustProxy: c.TRUST_PROXY,
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
    publicUrl: c.PUBLIC_URL,
    notifyIntervalSeconds: c.RIGHTLY_NOTIFY_INTERVAL_SECONDS,
  };
}
