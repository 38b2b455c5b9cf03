import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, queryRows } from '@rightly/db';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeActivityCsv } from '../../../test/support/activity-csv';
import { cleanEnv, REPO_ROOT, runCli, startServe } from '../../../test/support/rightly-cli';
import { copyOfDemoDataDir } from '../../../test/support/demo-data-dir';

const FIXTURES = fileURLToPath(new URL('../../../packages/importers/test/fixtures/', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/rightly.js', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'rightly-cli-import-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface JsonSummary {
  ok: boolean;
  imports: {
    status: string;
    summary: string;
    counts: Record<string, number>;
    failure: { code: string } | null;
    errors: unknown[];
  }[];
}
const json = (stdout: string) => JSON.parse(stdout) as JsonSummary;

describe('rightly import on an embedded data folder', () => {
  // A copy of the demo folder the run's global setup seeded with `rightly demo`.
  const dataDir = copyOfDemoDataDir('rightly-cli-import-data-');
  const env = cleanEnv();

  it('imports a file, says what it did, and changes nothing the second time', async () => {
    const first = await runCli(['import', `${FIXTURES}hubspot/calls.csv`, '--data-dir', dataDir, '--json'], env);
    expect(first.code).toBe(0);
    expect(json(first.stdout).imports[0]).toMatchObject({
      status: 'succeeded',
      summary: '4 new, 0 updated, 0 unchanged, 0 rejected',
    });
    const second = await runCli(['import', `${FIXTURES}hubspot/calls.csv`, '--data-dir', dataDir], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(
      'HubSpot calls, meetings or e-mails export: 0 new, 0 updated, 4 unchanged, 0 rejected',
    );
  });

  it('imports several files rosters first, deals before activities', async () => {
    const result = await runCli(
      [
        'import',
        `${FIXTURES}pipedrive/activities.csv`,
        `${FIXTURES}pipedrive/deals.csv`,
        `${FIXTURES}generic/offerings.csv`,
        '--data-dir',
        dataDir,
        '--json',
      ],
      env,
    );
    expect(result.code).toBe(0);
    const files = (JSON.parse(result.stdout) as { imports: { file: string; kind: string }[] }).imports.map(
      (i) => i.kind,
    );
    expect(files).toEqual(['offerings', 'opportunities', 'activities']);
  });

  it('refuses bad rows by default (exit 65, nothing written), writes the good ones with --on-error skip', async () => {
    const report = join(root, 'errors.csv');
    const refused = await runCli(
      ['import', `${FIXTURES}messy/bad-rows.csv`, '--data-dir', dataDir, '--error-report', report],
      env,
    );
    expect(refused.code).toBe(65);
    expect(refused.stdout).toContain('not imported. 4 rows have problems, so nothing was imported (policy: reject).');
    expect(refused.stdout).toContain('Unknown owner "Pat Nobody" (1 row, first on line 5)');
    expect(readFileSync(report, 'utf8').split('\r\n')[0]).toBe('line,column,value,reason,fix');
    const skipped = await runCli(
      [
        'import',
        `${FIXTURES}messy/bad-rows.csv`,
        '--data-dir',
        dataDir,
        '--on-error',
        'skip',
        '--map-owner',
        'Pat Nobody=pat@fixture.test',
      ],
      env,
    );
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toContain('3 new, 0 updated, 0 unchanged, 3 rejected');
    expect(skipped.stdout).toContain('Created the rep Pat Nobody <pat@fixture.test>.');
  });

  it('reads a generic CSV through a mapping file, and names what is wrong in a bad one', async () => {
    const ok = await runCli(
      [
        'import',
        `${FIXTURES}generic/activities.csv`,
        '--mapping',
        `${FIXTURES}generic/activities.mapping.json`,
        '--data-dir',
        dataDir,
        '--dry-run',
      ],
      env,
    );
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Dry run: would be 4 new');
    const bad = join(root, 'bad.mapping.json');
    writeFileSync(bad, JSON.stringify({ kind: 'activities', columns: { owner: 'Who', when: 'When' } }));
    const refused = await runCli(
      ['import', `${FIXTURES}generic/activities.csv`, '--mapping', bad, '--data-dir', dataDir],
      env,
    );
    expect(refused.code).toBe(65);
    expect(refused.stderr).toContain('columns.when: is not a field of activities');
    expect(refused.stderr).toContain('columns.occurredAt: is required');
  });

  it('asks for --date-format on an ambiguous file, and checks the flag', async () => {
    const ambiguous = await runCli(['import', `${FIXTURES}messy/ambiguous-dates.csv`, '--data-dir', dataDir], env);
    expect(ambiguous.code).toBe(65);
    expect(ambiguous.stdout).toContain('--date-format DD/MM/YYYY or --date-format MM/DD/YYYY');
    const wrong = await runCli(
      ['import', `${FIXTURES}messy/ambiguous-dates.csv`, '--date-format', 'soon', '--data-dir', dataDir],
      env,
    );
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain("option '--date-format <fmt>' argument 'soon' is invalid");
    const missing = await runCli(['import', join(root, 'nope.csv'), '--data-dir', dataDir], env);
    expect(missing.code).toBe(66);
  });

  it('is refused plainly while a server holds the folder', async () => {
    const server = await startServe(['--port', '0', '--data-dir', dataDir]);
    try {
      const refused = await runCli(['import', `${FIXTURES}hubspot/calls.csv`, '--data-dir', dataDir], env);
      expect(refused.code).toBe(75);
      expect(refused.stderr).toContain('The data folder is in use');
      expect(refused.stderr).toContain(`process ${server.child.pid} (rightly serve)`);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});

/**
 * Starts `rightly import` on a large file and SIGKILLs it once it reports progress, mid-file. The
 * import was one uncommitted transaction: after a restart none of its rows exist, it is recorded as
 * interrupted, and running it again imports every row as new.
 */
async function killMidImport(params: { args: string[]; env: NodeJS.ProcessEnv }): Promise<void> {
  const child = spawn(process.execPath, [BIN, 'import', ...params.args], { cwd: REPO_ROOT, env: params.env });
  let stderr = '';
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
  await new Promise<void>((resolve, reject) => {
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (/reading, [\d,]+ rows read/.test(stderr)) resolve();
    });
    void exited.then(() => reject(new Error(`rightly import ended before it could be killed:\n${stderr}`)));
  });
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
}

const ROWS = 60_000;
const OWNERS = ['Riley Carter', 'Taylor Brooks', 'Jamie Ortiz'];

describe('a kill in the middle of an import', () => {
  const big = join(root, 'big.csv');
  beforeAll(async () => {
    await writeActivityCsv({ path: big, rows: ROWS, owners: OWNERS });
  });

  it('leaves none of its rows on the embedded database, and a clean re-run imports them all', async () => {
    const dataDir = join(root, 'killed');
    expect((await runCli(['demo', '--data-dir', dataDir])).code).toBe(0);
    await killMidImport({ args: [big, '--data-dir', dataDir], env: cleanEnv() });

    const rerun = await runCli(['import', big, '--data-dir', dataDir, '--json']);
    expect(rerun.code).toBe(0);
    expect(json(rerun.stdout).imports[0]?.counts).toMatchObject({ new: ROWS, updated: 0, unchanged: 0 });

    const handle = await openDatabase({ dataDir, command: 'test' });
    try {
      const imports = await queryRows<{ status: string; code: string | null }>(
        handle.db,
        sql`select status::text, failure->>'code' as code from imports where file_name = 'big.csv' order by created_at`,
      );
      expect(imports).toEqual([
        { status: 'failed', code: 'interrupted' },
        { status: 'succeeded', code: null },
      ]);
    } finally {
      await handle.close();
    }
  }, 300_000);

  const serverUrl = process.env.TEST_DATABASE_URL;
  it.runIf(serverUrl)(
    'leaves none of its rows on PostgreSQL either',
    async () => {
      const name = `rightly_kill_${randomBytes(4).toString('hex')}`;
      const adminUrl = new URL(serverUrl ?? '');
      adminUrl.pathname = '/postgres';
      const admin = new pg.Client({ connectionString: adminUrl.toString() });
      await admin.connect();
      await admin.query(`create database ${name}`);
      const dbUrl = new URL(serverUrl ?? '');
      dbUrl.pathname = `/${name}`;
      const env = cleanEnv({ DATABASE_URL: dbUrl.toString() });
      try {
        expect((await runCli(['demo'], env)).code).toBe(0);
        await killMidImport({ args: [big], env });
        const db = new pg.Client({ connectionString: dbUrl.toString() });
        await db.connect();
        try {
          const count = async () =>
            (await db.query(`select count(*)::int as n from activities where source = 'hubspot'`)).rows[0] as {
              n: number;
            };
          expect(await count()).toEqual({ n: 0 });
          const rerun = await runCli(['import', big, '--json'], env);
          expect(rerun.code).toBe(0);
          expect(json(rerun.stdout).imports[0]?.counts).toMatchObject({ new: ROWS, updated: 0, unchanged: 0 });
          expect(await count()).toEqual({ n: ROWS });
          const { rows } = await db.query(
            `select status::text, failure->>'code' as code from imports where file_name = 'big.csv' order by created_at`,
          );
          expect(rows).toEqual([
            { status: 'failed', code: 'interrupted' },
            { status: 'succeeded', code: null },
          ]);
        } finally {
          await db.end();
        }
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
    300_000,
  );
});
