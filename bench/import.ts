// `npm run bench:import`: Rightly's import of a 1M-row activity export against a raw COPY of the
// same file into an unindexed table in the same database (the baseline), on PostgreSQL and on the
// embedded database, with the ratio and the import process's peak memory. Not a test: figures go
// to docs/performance.md. Settings (environment):
//   BENCH_ROWS=1000000          rows in the generated file
//   BENCH_DATABASE_URL=…        a PostgreSQL database to use (emptied); default: a scratch database
//                               created on postgres://postgres@127.0.0.1:5432 and dropped afterwards
//   BENCH_PGLITE_ROWS=…         rows for the embedded run (default BENCH_ROWS); 0 skips it
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase, organizations, users, type Database } from '@rightly/db';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { writeActivityCsv } from '../test/support/activity-csv';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const PGLITE_ROWS = Number(process.env.BENCH_PGLITE_ROWS ?? ROWS);
const OWNERS = Array.from({ length: 40 }, (_, i) => `Bench Rep ${String(i + 1).padStart(2, '0')}`);
const COLUMNS = 'record_id, activity_type, title, activity_date, owner, outcome, direction, duration, company, deal';

interface Result {
  database: string;
  rows: number;
  importSeconds: number;
  reimportSeconds: number | null;
  copySeconds: number;
  maxRssMb: number;
  summary: string;
}

const work = mkdtempSync(join(tmpdir(), 'rightly-bench-'));
const results: Result[] = [];
try {
  results.push(await postgres());
  if (PGLITE_ROWS > 0) results.push(await embedded());
  print(results);
} finally {
  rmSync(work, { recursive: true, force: true });
}

async function generate(rows: number): Promise<string> {
  const path = join(work, `activities-${rows}.csv`);
  const started = performance.now();
  await writeActivityCsv({ path, rows, owners: OWNERS });
  const mb = statSync(path).size / 1e6;
  console.log(`Generated ${rows.toLocaleString('en-US')} rows (${mb.toFixed(0)} MB) in ${seconds(started)} s: ${path}`);
  return path;
}

async function postgres(): Promise<Result> {
  const file = await generate(ROWS);
  const given = process.env.BENCH_DATABASE_URL;
  const server = 'postgres://postgres@127.0.0.1:5432';
  const name = `rightly_bench_${process.pid}`;
  const url = given ?? `${server}/${name}`;
  if (!given) await admin(server, `create database ${name}`);
  try {
    const orgId = await prepare(url, undefined);
    console.log('PostgreSQL: importing…');
    const first = await child(file, { DATABASE_URL: url, BENCH_ORG_ID: orgId });
    console.log(`  ${first.summary} in ${first.seconds.toFixed(1)} s`);
    const again = await child(file, { DATABASE_URL: url, BENCH_ORG_ID: orgId });
    console.log(`  again: ${again.summary} in ${again.seconds.toFixed(1)} s`);
    const copySeconds = await copyPostgres(url, file);
    console.log(`  COPY baseline: ${copySeconds.toFixed(1)} s`);
    return {
      database: 'PostgreSQL',
      rows: ROWS,
      importSeconds: first.seconds,
      reimportSeconds: again.seconds,
      copySeconds,
      maxRssMb: Math.max(first.maxRssKb, again.maxRssKb) / 1024,
      summary: first.summary,
    };
  } finally {
    if (!given) await admin(server, `drop database if exists ${name} with (force)`);
  }
}

async function embedded(): Promise<Result> {
  const file = PGLITE_ROWS === ROWS ? join(work, `activities-${ROWS}.csv`) : await generate(PGLITE_ROWS);
  const dataDir = join(work, 'pglite');
  const orgId = await prepare(undefined, dataDir);
  console.log('Embedded (PGlite): importing…');
  const first = await child(file, { BENCH_ORG_ID: orgId }, dataDir);
  console.log(`  ${first.summary} in ${first.seconds.toFixed(1)} s`);
  const copySeconds = await copyPglite(dataDir, file);
  console.log(`  COPY baseline: ${copySeconds.toFixed(1)} s`);
  return {
    database: 'Embedded (PGlite)',
    rows: PGLITE_ROWS,
    importSeconds: first.seconds,
    reimportSeconds: null,
    copySeconds,
    maxRssMb: first.maxRssKb / 1024,
    summary: first.summary,
  };
}

/** A migrated database with an organization and the 40 reps the file names. */
async function prepare(databaseUrl: string | undefined, dataDir: string | undefined): Promise<string> {
  const handle = await openDatabase({ databaseUrl, dataDir: dataDir ?? work, command: 'bench setup' });
  try {
    await handle.migrate();
    return await createOrg(handle.db);
  } finally {
    await handle.close();
  }
}

async function createOrg(db: Database): Promise<string> {
  const orgId = randomUUID();
  await db
    .insert(organizations)
    .values({ id: orgId, name: 'Bench Co', slug: `bench-${orgId.slice(0, 8)}`, timeZone: 'America/New_York' });
  await db.insert(users).values(
    OWNERS.map((name, i) => ({
      orgId,
      id: randomUUID(),
      email: `rep${i}.${orgId.slice(0, 8)}@bench.test`,
      name,
      role: 'rep' as const,
    })),
  );
  return orgId;
}

async function child(
  file: string,
  env: Record<string, string>,
  dataDir = '',
): Promise<{ seconds: number; summary: string; maxRssKb: number }> {
  const tsx = join(ROOT, 'node_modules/.bin/tsx');
  const output = await new Promise<string>((resolve, reject) => {
    const proc = spawn(tsx, [join(ROOT, 'bench/import-child.ts'), file, dataDir], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.on('error', reject);
    proc.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`import child exited ${code}: ${out}`))));
  });
  const line = output.trim().split('\n').pop() ?? '{}';
  const parsed = JSON.parse(line) as { seconds: number; summary: string; status: string; maxRssKb: number };
  if (parsed.status !== 'succeeded') throw new Error(`the import failed: ${line}`);
  return parsed;
}

/** The baseline: the database's own CSV parser writing the file into a table with no index. */
async function copyPostgres(url: string, file: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `create table bench_copy (${COLUMNS.split(', ')
        .map((c) => `${c} text`)
        .join(', ')})`,
    );
    const started = performance.now();
    await pipeline(
      createReadStream(file, { highWaterMark: 1024 * 1024 }),
      client.query(copyFrom(`copy bench_copy from stdin (format csv, header true)`)),
    );
    const elapsed = (performance.now() - started) / 1000;
    await client.query('drop table bench_copy');
    return elapsed;
  } finally {
    await client.end();
  }
}

async function copyPglite(dataDir: string, file: string): Promise<number> {
  const db = new PGlite(join(dataDir, 'pgdata'));
  try {
    await db.exec(
      `create table bench_copy (${COLUMNS.split(', ')
        .map((c) => `${c} text`)
        .join(', ')})`,
    );
    const started = performance.now();
    // PGlite reads COPY input from a blob; reading the file is part of the work, as for PostgreSQL.
    const blob = new Blob([readFileSync(file)]);
    await db.query(`copy bench_copy from '/dev/blob' (format csv, header true)`, [], { blob });
    const elapsed = (performance.now() - started) / 1000;
    await db.exec('drop table bench_copy');
    return elapsed;
  } finally {
    await db.close();
  }
}

async function admin(server: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${server}/postgres` });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}

function print(list: Result[]): void {
  console.log('');
  console.log(
    '| database | rows | Rightly import | rows/s | COPY baseline | rows/s | ratio | re-import (unchanged) | peak RSS of the import process |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of list) {
    const rate = (s: number) => Math.round(r.rows / s).toLocaleString('en-US');
    console.log(
      `| ${r.database} | ${r.rows.toLocaleString('en-US')} | ${r.importSeconds.toFixed(1)} s | ${rate(r.importSeconds)} | ${r.copySeconds.toFixed(1)} s | ${rate(r.copySeconds)} | **${(r.copySeconds / r.importSeconds).toFixed(2)}** | ${r.reimportSeconds === null ? '—' : `${r.reimportSeconds.toFixed(1)} s`} | ${r.maxRssMb.toFixed(0)} MB |`,
    );
  }
}
