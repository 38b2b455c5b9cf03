import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shippedMigrationCount } from '@rightly/db';
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
    expect(first.stdout).toContain(`Applied ${shippedMigrationCount()} migration(s) to the embedded database`);
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

  it('assesses the demo as a table, as JSON and as CSV safe for spreadsheets', async () => {
    const table = await runCli(['assess', '--period', '2026-Q3', '--data-dir', dataDir]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Rep\s+Team\s+Thing\s+Way\s+Time\s+Evidence/);
    expect(table.stdout).toContain('Who needs help');
    expect(table.stdout).toContain('Taylor Brooks');

    const json = await runCli([
      'assess',
      '--period',
      '2026-Q3',
      '--team',
      'EMEA',
      '--format',
      'json',
      '--data-dir',
      dataDir,
    ]);
    const parsed = JSON.parse(json.stdout) as { reps: unknown[]; period: { key: string } };
    expect(parsed.period.key).toBe('2026-Q3');
    expect(parsed.reps).toHaveLength(12);

    const csv = await runCli(['assess', '--period', '2026-10', '--format', 'csv', '--data-dir', dataDir]);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('period,as_of,rep,email,team,expectation,metric,actual,target,thing,way,time,evidence');
    expect(lines.length).toBeGreaterThan(24);
    // No cell may start a formula when the file is opened in a spreadsheet.
    expect(lines.every((l) => !/(^|,)"?[=+@]/.test(l))).toBe(true);

    const bad = await runCli(['assess', '--period', 'soon', '--data-dir', dataDir]);
    expect(bad.code).toBe(65);
    expect(bad.stderr).toContain('period: must look like 2026-W05');
  });

  it('forecasts a rep and a team', async () => {
    const rep = await runCli(['forecast', '--rep', 'jamie.ortiz@demo.test', '--months', '3', '--data-dir', dataDir]);
    expect(rep.code).toBe(0);
    expect(rep.stdout).toMatch(/Month\s+Open pipeline\s+Recent first meetings\s+At current pace\s+Total\s+Reference/);
    expect(
      rep.stdout
        .trim()
        .split('\n')
        .filter((l) => /^\d{4}-\d{2}\s/.test(l)),
    ).toHaveLength(3);
    const team = await runCli(['forecast', '--team', 'NA Mid-Market', '--format', 'csv', '--data-dir', dataDir]);
    expect(team.stdout.split('\n')[0]).toBe(
      'scope,month,from_pipeline,from_recent_meetings,from_future_pace,total,reference',
    );
    const unknown = await runCli(['forecast', '--rep', 'nobody@demo.test', '--data-dir', dataDir]);
    expect(unknown.code).toBe(66);
  });

  it('lists the self-reports due, overdue first, as a table and as JSON', async () => {
    const table = await runCli(['reports', 'due', '--data-dir', dataDir]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(
      /^Self-reports due as of \d{4}-\d{2}-\d{2} \(America\/New_York\): \d+ overdue, \d+ due within a week/,
    );
    expect(table.stdout).toMatch(/Rep\s+Expectation\s+Window\s+Cadence\s+Due\s+Status/);
    // The late reporter's last report never came.
    expect(table.stdout).toMatch(/Casey Nguyen .* OVERDUE/);
    const firstRow = table.stdout.split('\n').find((l) => /OVERDUE|\bdue$/.test(l.trim()));
    expect(firstRow).toContain('OVERDUE');

    const json = await runCli([
      'reports',
      'due',
      '--team',
      'EMEA Mid-Market',
      '--format',
      'json',
      '--data-dir',
      dataDir,
    ]);
    const parsed = JSON.parse(json.stdout) as { items: { repName: string; status: string }[] };
    expect(parsed.items.length).toBeGreaterThan(0);
    expect(parsed.items.every((i) => i.status === 'overdue' || i.status === 'open')).toBe(true);
    expect(new Set(parsed.items.map((i) => i.repName)).has('Riley Carter')).toBe(false);

    const bad = await runCli(['reports', 'due', '--as-of', '2026-02-30', '--data-dir', dataDir]);
    expect(bad.code).toBe(65);
    expect(bad.stderr).toContain('--as-of');
  });

  it('exports the team matrix as CSV safe for spreadsheets, and names a rep without a coaching plan', async () => {
    const out = join(root, 'matrix.csv');
    const written = await runCli(['export', 'matrix', '--team', 'EMEA', '--out', out, '--data-dir', dataDir]);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain(`Wrote the team matrix to ${out}`);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('rep,email,team,period,thing,way,time,thing evidence,way evidence,time evidence');
    expect(lines).toHaveLength(13);
    expect(lines.every((l) => !/(^|,)"?[=+@-]/.test(l))).toBe(true);

    const none = await runCli(['export', 'coaching-plan', '--rep', 'rep@demo.test', '--data-dir', dataDir]);
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain('Riley Carter has no coaching plan');
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
      expect((await runCli(['migrate'], env)).stdout).toContain(
        `Applied ${shippedMigrationCount()} migration(s) to the PostgreSQL`,
      );
      expect((await runCli(['demo'], env)).stdout).toMatch(/Seeded the demo organization/);
      expect((await runCli(['demo'], env)).stdout).toMatch(/already there/);
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
