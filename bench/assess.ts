// npm run bench:assess [-- --reps 1000 --activities 10000000 --days 730 --database-url postgres://… --keep]
// npm run bench:assess -- --reuse rightly_bench_… (measure again on a database kept with --keep)
//
// A full three-rights assessment of one period for a large org, and its update after 10,000 new
// activities, against a baseline that computes the same figures with plain SQL over the raw
// activity and opportunity tables, in the same database and the same run. Prints both times and
// the ratio; the goal is an assessment in at most 1/20 of the baseline's time.
import { randomUUID } from 'node:crypto';
import { addDays, parsePeriod, shiftPeriod, startOfLocalDay } from '@rightly/core';
import {
  insertActivities,
  openPostgres,
  queryRows,
  refreshActivityFacts,
  refreshRepDayRollups,
  type Database,
} from '@rightly/db';
import { assessTeam } from '@rightly/services';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { createBenchOrg, type BenchOrg } from './assess-data';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] as string) : fallback;
};
const REPS = Number(arg('reps', '1000'));
const ACTIVITIES = Number(arg('activities', '10000000'));
const DAYS = Number(arg('days', '730'));
const SERVER = arg('database-url', process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const START = '2024-12-01';
const RUNS = 5;

async function timed<T>(label: string, work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  console.log(`  ${label.padEnd(46)} ${(ms / 1000).toFixed(2).padStart(8)} s`);
  return { ms, result };
}

async function median(label: string, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await timed(`${label} (run ${i + 1})`, work)).ms);
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] as number;
}

// Generating 10M activities takes most of an hour: --keep leaves the database, --reuse measures
// on it again (say, on a quieter machine) without generating anything.
const reuse = arg('reuse', '');
const name = reuse || `rightly_bench_${Date.now()}`;
const admin = new pg.Client({ connectionString: SERVER });
await admin.connect();
if (!reuse) await admin.query(`create database ${name}`);
const url = new URL(SERVER);
url.pathname = `/${name}`;
const handle = openPostgres(url.toString(), 4);
try {
  console.log(
    `Rightly assessment benchmark: ${REPS} reps, ${ACTIVITIES.toLocaleString('en-US')} activities over ${DAYS} days (PostgreSQL ${name})\n`,
  );
  console.log('Setup (not measured against anything):');
  await timed('migrate', () => handle.migrate());
  const org = reuse ? await findBenchOrg(handle.db) : await setUp(handle.db);
  // A database in service is vacuumed by autovacuum; a freshly generated one is not yet, and every
  // index-only scan of it (Rightly's rollups) would still visit the heap. Measure the steady state.
  await timed('vacuum and analyze', () => handle.db.execute(sql`vacuum analyze`));

  const end = addDays(START, DAYS - 1);
  const period = shiftPeriod(parsePeriod(end.slice(0, 7)) as NonNullable<ReturnType<typeof parsePeriod>>, -1);
  const viewer = { orgId: org.orgId, userId: org.adminId, role: 'admin' as const };
  const assess = () =>
    assessTeam({ db: handle.db, now: () => new Date(`${end}T20:00:00Z`) }, { viewer, period: period.key, asOf: end });
  const baseline = () => baselineFigures(handle.db, org, period.key, end);

  console.log(`\nFull assessment of ${period.key} for every rep (median of ${RUNS}, after one warm-up run each):`);
  await assess();
  await baseline();
  const fullRightly = await median('Rightly: assessTeam (rollups)', assess);
  const fullBaseline = await median('baseline: plain SQL over raw tables', baseline);

  console.log('\nUpdate after appending 10,000 activities to the period:');
  const appended = await timed('Rightly: write + derive + refresh rollups', () =>
    appendActivities(handle.db, org, period.start, period.end),
  );
  const updateRightly = await median('Rightly: assessTeam again', assess);
  const updateBaseline = await median('baseline: plain SQL again', baseline);

  const report = (label: string, ours: number, theirs: number) =>
    console.log(
      `  ${label.padEnd(28)} Rightly ${(ours / 1000).toFixed(3).padStart(7)} s   baseline ${(theirs / 1000).toFixed(3).padStart(7)} s   ratio ${(ours / theirs).toFixed(3)} (1/${(theirs / ours).toFixed(1)})`,
    );
  console.log('\nResult (goal: ratio ≤ 0.05, i.e. at least 20× faster):');
  report('full assessment', fullRightly, fullBaseline);
  report('after 10k new activities', updateRightly, updateBaseline);
  report('  incl. keeping rollups', updateRightly + appended.ms, updateBaseline);
  console.log(`  peak memory (RSS) of this process: ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MB`);
} finally {
  await handle.close();
  if (!reuse && !process.argv.includes('--keep')) await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

async function setUp(db: Database): Promise<BenchOrg> {
  const org = (
    await timed('generate the org in SQL', () =>
      db.transaction((tx) => createBenchOrg(tx, { reps: REPS, activities: ACTIVITIES, start: START, days: DAYS })),
    )
  ).result;
  await timed('derive prospecting and meeting numbers', () =>
    refreshActivityFacts(db, { orgId: org.orgId }).then(() => undefined),
  );
  await timed('build the rollups', () => refreshRepDayRollups(db, { orgId: org.orgId, timeZone: org.timeZone }));
  return org;
}

/** The org a kept benchmark database holds. */
async function findBenchOrg(db: Database): Promise<BenchOrg> {
  const [org] = await queryRows<{ id: string; time_zone: string }>(
    db,
    sql`select id, time_zone from organizations limit 1`,
  );
  if (!org) throw new Error(`${name} holds no organization: was it kept with --keep?`);
  const users = await queryRows<{ id: string; role: string }>(
    db,
    sql`select id, role from users where org_id = ${org.id} order by id`,
  );
  const count = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from activities where org_id = ${org.id}`,
  );
  console.log(
    `  reusing ${name}: ${users.filter((u) => u.role === 'rep').length} reps, ${count[0]?.n.toLocaleString('en-US')} activities`,
  );
  return {
    orgId: org.id,
    adminId: users.find((u) => u.role === 'admin')?.id ?? '',
    repIds: users.filter((u) => u.role === 'rep').map((u) => u.id),
    timeZone: org.time_zone,
  };
}

/**
 * The same figures the assessment reads from the rollups (each base measure of the org's
 * expectations, per rep, for the period, the five before it, four more for the normal pace and the
 * trailing quarter for rates), computed directly from the raw tables.
 */
async function baselineFigures(db: Database, org: BenchOrg, periodKey: string, asOf: string): Promise<number> {
  const period = parsePeriod(periodKey) as NonNullable<ReturnType<typeof parsePeriod>>;
  const ranges = Array.from({ length: 10 }, (_, k) => shiftPeriod(period, -k)).map((p) => ({
    start: p.start,
    end: p.end < asOf ? p.end : asOf,
  }));
  ranges.push({ start: addDays(period.end, -90), end: period.end });
  const values = sql.join(
    ranges.map(
      (r, i) =>
        sql`(${i}::int, ${startOfLocalDay(r.start, org.timeZone).toISOString()}::timestamptz, ${startOfLocalDay(addDays(r.end, 1), org.timeZone).toISOString()}::timestamptz)`,
    ),
    sql`, `,
  );
  const activity = await queryRows(
    db,
    sql`select a.rep_id, p.idx,
               count(*) filter (where a.prospecting and a.outcome = 'meeting_booked') as booked,
               count(*) filter (where a.prospecting and a.channel = 'phone') as phone,
               count(*) filter (where a.prospecting) as touches
          from activities a join (values ${values}) as p(idx, s, e) on a.occurred_at >= p.s and a.occurred_at < p.e
         where a.org_id = ${org.orgId}
         group by 1, 2`,
  );
  const pipeline = await queryRows(
    db,
    sql`select o.rep_id, p.idx, sum(o.amount) as created, sum(o.amount * coalesce(f.strategic_weight, 0)) as strategic
          from opportunities o
          left join offerings f on f.org_id = o.org_id and f.id = o.offering_id
          join (values ${values}) as p(idx, s, e) on o.created_at >= p.s and o.created_at < p.e
         where o.org_id = ${org.orgId}
         group by 1, 2`,
  );
  return activity.length + pipeline.length;
}

async function appendActivities(db: Database, org: BenchOrg, from: string, to: string): Promise<void> {
  const accounts = await queryRows<{ id: string; rep_id: string }>(
    db,
    sql`select distinct on (o.rep_id) o.account_id as id, o.rep_id from opportunities o where o.org_id = ${org.orgId}`,
  );
  const start = startOfLocalDay(from, org.timeZone).getTime();
  const span = startOfLocalDay(addDays(to, 1), org.timeZone).getTime() - start;
  const rows = Array.from({ length: 10_000 }, (_, i) => {
    const account = accounts[i % accounts.length] as { id: string; rep_id: string };
    const id = randomUUID();
    return {
      orgId: org.orgId,
      id,
      repId: account.rep_id,
      accountId: account.id,
      type: 'call' as const,
      channel: 'phone' as const,
      outcome: i % 5 === 0 ? ('meeting_booked' as const) : ('connected' as const),
      occurredAt: new Date(start + ((i * 7919) % span)),
      source: 'bench-append',
      externalId: id,
    };
  });
  // What an import does: insert (prospecting computed on the way in), renumber the meetings of the
  // accounts touched, rebuild the rollups of the reps and days touched.
  const touchedAccounts = [...new Set(rows.map((r) => r.accountId))];
  const touchedReps = [...new Set(rows.map((r) => r.repId))];
  await db.transaction(async (tx) => {
    await insertActivities(tx, rows);
    await refreshActivityFacts(tx, { orgId: org.orgId, accountIds: touchedAccounts, only: 'meetingNumber' });
    await refreshRepDayRollups(tx, { orgId: org.orgId, timeZone: org.timeZone, repIds: touchedReps, from, to });
  });
}
