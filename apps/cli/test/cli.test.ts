import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanEnv, REPO_ROOT, runCli, startServe } from '../../../test/support/rightly-cli';

const root = mkdtempSync(join(tmpdir(), 'rightly-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('rightly --help and --version', () => {
  it('lists the commands and the environment variables', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const word of ['serve', 'migrate', 'demo', 'DATABASE_URL', 'RIGHTLY_DATA_DIR', 'SESSION_SECRET']) {
      expect(result.stdout).toContain(word);
    }
  });

  it('prints the version', async () => {
    const result = await runCli(['--version']);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout.trim()).toBe(version);
  });
});

describe('migrate, demo and serve on an embedded data folder', () => {
  const dataDir = join(root, 'data');

  it('migrates a new folder, then finds nothing to do', async () => {
    const first = await runCli(['migrate', '--data-dir', dataDir]);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/Applied \d+ migration\(s\) to the embedded database/);
    const second = await runCli(['migrate', '--data-dir', dataDir]);
    expect(second.stdout).toMatch(/is current; nothing to apply/);
  });

  it('seeds the demo once and leaves it alone the second time', async () => {
    const first = await runCli(['demo', '--data-dir', dataDir]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Seeded the demo organization in [\d.]+ s: 32 users/);
    const second = await runCli(['demo'], cleanEnv({ RIGHTLY_DATA_DIR: dataDir }));
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/already there .*nothing changed/);
  });

  it('serves the folder; meanwhile other commands are refused plainly, and SIGTERM shuts down cleanly', async () => {
    const server = await startServe(['--port', '0', '--data-dir', dataDir]);
    try {
      expect(server.output()).toMatch(/leader@demo\.test/);
      const health = await fetch(`${server.url}/api/health`);
      expect(await health.json()).toEqual({ status: 'ok' });

      const demo = await runCli(['demo', '--data-dir', dataDir]);
      expect(demo.code).toBe(75);
      expect(demo.stderr).toContain('The data folder is in use');
      expect(demo.stderr).toContain(dataDir);
      expect(demo.stderr).toContain(`process ${server.child.pid} (rightly serve)`);

      const second = await runCli(['serve', '--port', '0', '--data-dir', dataDir]);
      expect(second.code).toBe(75);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    expect(existsSync(join(dataDir, 'rightly.lock'))).toBe(false);
    // Data survived the shutdown: the next start finds the demo and does not seed again.
    const again = await startServe(['--port', '0', '--data-dir', dataDir]);
    expect(again.output()).not.toMatch(/Seeded the demo/);
    expect(await again.stop()).toBe(0);
  });
});

describe('bad configuration', () => {
  it('names every bad variable at once and exits with EX_CONFIG', async () => {
    const result = await runCli(
      ['migrate'],
      cleanEnv({ PORT: 'eighty', LOG_LEVEL: 'loud', RIGHTLY_DATA_DIR: join(root, 'never') }),
    );
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('PORT: must be a number');
    expect(result.stderr).toContain('LOG_LEVEL: must be one of');
    expect(existsSync(join(root, 'never'))).toBe(false);
  });

  it('names the flag, not the variable, when the flag is wrong', async () => {
    const result = await runCli(['serve', '--port', '99999']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/--port.*must be a port number/);
  });
});

const serverUrl = process.env.TEST_DATABASE_URL;
describe.runIf(serverUrl)('against PostgreSQL (DATABASE_URL)', () => {
  it('migrates and seeds a PostgreSQL database, and the demo command is idempotent there too', async () => {
    const name = `rightly_cli_${randomBytes(4).toString('hex')}`;
    const adminUrl = new URL(serverUrl ?? '');
    adminUrl.pathname = '/postgres';
    const admin = new pg.Client({ connectionString: adminUrl.toString() });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const dbUrl = new URL(serverUrl ?? '');
    dbUrl.pathname = `/${name}`;
    try {
      const env = cleanEnv({ DATABASE_URL: dbUrl.toString() });
      expect((await runCli(['migrate'], env)).stdout).toMatch(/Applied \d+ migration\(s\) to the PostgreSQL/);
      expect((await runCli(['demo'], env)).stdout).toMatch(/Seeded the demo organization/);
      expect((await runCli(['demo'], env)).stdout).toMatch(/already there/);
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
