import { resolve } from 'node:path';
import { isAppError } from '@rightly/core';
import { loadConfig } from '@rightly/services';
import { describe, expect, it } from 'vitest';

describe('configuration from the environment', () => {
  it('runs on defaults alone: embedded database in ./.rightly/data on port 3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: 'localhost',
      databaseUrl: undefined,
      dataDir: resolve('.rightly/data'),
      logLevel: 'info',
      sessionSecret: undefined,
      demo: 'auto',
      trustProxy: false,
      smtpUrl: undefined,
      mailFrom: 'Rightly <rightly@localhost>',
      publicUrl: undefined,
      notifyIntervalSeconds: 60,
    });
  });

  it('reads every documented variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://app@db:5432/rightly',
      RIGHTLY_DATA_DIR: '/var/lib/rightly',
      LOG_LEVEL: 'warn',
      SESSION_SECRET: 'x'.repeat(40),
      RIGHTLY_DEMO: 'off',
      TRUST_PROXY: 'true',
      SMTP_URL: 'smtps://mailer:secret@mail.example.com:465',
      MAIL_FROM: 'Sales Team <sales@example.com>',
      PUBLIC_URL: 'https://rightly.example.com/',
      RIGHTLY_NOTIFY_INTERVAL_SECONDS: '300',
    });
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://app@db:5432/rightly',
      dataDir: '/var/lib/rightly',
      logLevel: 'warn',
      sessionSecret: 'x'.repeat(40),
      demo: 'off',
      trustProxy: true,
      smtpUrl: 'smtps://mailer:secret@mail.example.com:465',
      mailFrom: 'Sales Team <sales@example.com>',
      publicUrl: 'https://rightly.example.com',
      notifyIntervalSeconds: 300,
    });
  });

  it('names every bad variable in one error, with how to fix it', () => {
    let caught: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://nope',
        LOG_LEVEL: 'loud',
        SESSION_SECRET: 'short',
        TRUST_PROXY: 'maybe',
      });
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught) && caught.code).toBe('config_invalid');
    const issues = isAppError(caught) ? caught.issues : [];
    expect(issues.map((i) => i.field).sort()).toEqual([
      'DATABASE_URL',
      'LOG_LEVEL',
      'PORT',
      'SESSION_SECRET',
      'TRUST_PROXY',
    ]);
    expect(issues.find((i) => i.field === 'SESSION_SECRET')?.message).toMatch(/at least 32 characters/);
    expect((caught as Error).message).toMatch(/PORT must be a number/);
  });

  it('names bad notification settings, without echoing a URL that may hold a password', () => {
    let caught: unknown;
    try {
      loadConfig({
        SMTP_URL: 'https://mailer:hunter2@mail.example.com',
        MAIL_FROM: 'Rightly',
        PUBLIC_URL: 'rightly.example.com',
        RIGHTLY_NOTIFY_INTERVAL_SECONDS: '0',
      });
    } catch (error) {
      caught = error;
    }
    const issues = isAppError(caught) ? caught.issues : [];
    expect(issues.map((i) => i.field).sort()).toEqual([
      'MAIL_FROM',
      'PUBLIC_URL',
      'RIGHTLY_NOTIFY_INTERVAL_SECONDS',
      'SMTP_URL',
    ]);
    expect((caught as Error).message).toMatch(/SMTP_URL must be an SMTP URL like smtp:\/\//);
    expect((caught as Error).message).toMatch(/RIGHTLY_NOTIFY_INTERVAL_SECONDS must be between 1 and 3600/);
    expect((caught as Error).message).not.toContain('hunter2');
  });

  it('keeps a path in PUBLIC_URL and drops only trailing slashes', () => {
    expect(loadConfig({ PUBLIC_URL: 'http://intranet:8080/rightly//' }).publicUrl).toBe('http://intranet:8080/rightly');
    expect(() => loadConfig({ RIGHTLY_NOTIFY_INTERVAL_SECONDS: '3601' })).toThrow(/RIGHTLY_NOTIFY_INTERVAL_SECONDS/);
    expect(() => loadConfig({ RIGHTLY_NOTIFY_INTERVAL_SECONDS: '1.5' })).toThrow(/whole number/);
  });

  it('treats an empty variable as unset rather than as a bad value', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' })).toMatchObject({ port: 3000, databaseUrl: undefined });
    expect(loadConfig({ SMTP_URL: '', MAIL_FROM: '', PUBLIC_URL: '' })).toMatchObject({
      smtpUrl: undefined,
      mailFrom: 'Rightly <rightly@localhost>',
      publicUrl: undefined,
    });
  });
});
