import type { ActivityChannel, ActivityOutcome, ActivityType } from '@rightly/core';
import { sql } from 'drizzle-orm';
import type { Database } from '../../database';
import { queryRows } from '../../query-rows';
import { prospectingExpression } from '../activity-facts';
import { createAccountsByName, mapAccountsByName, type MergeScope } from './merge-common';
import { appendArrays, columnDefinitions, type StagingColumn } from './staging-arrays';

/** An activity as staged: owner resolved to a user, account and deal still by name. */
export interface StagedActivity {
  line: number;
  /** The CRM id, or a hash of identifying fields (numbered per file when stored). */
  key: string;
  keyed: boolean;
  /** Used if the row is new (time-ordered, so index inserts stay local). */
  id: string;
  repId: string;
  accountName: string | null;
  opportunityRef: string | null;
  type: ActivityType;
  channel: ActivityChannel | null;
  outcome: ActivityOutcome | null;
  occurredAt: Date;
  subject: string | null;
  durationSeconds: number | null;
}

const COLUMNS: StagingColumn<StagedActivity>[] = [
  { name: 'line', type: 'integer', value: (r) => r.line },
  { name: 'key', type: 'text', value: (r) => r.key },
  { name: 'keyed', type: 'boolean', value: (r) => r.keyed },
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'rep_id', type: 'uuid', value: (r) => r.repId },
  { name: 'account_name', type: 'text', value: (r) => r.accountName },
  { name: 'opportunity_ref', type: 'text', value: (r) => r.opportunityRef },
  { name: 'type', type: 'activity_type', value: (r) => r.type },
  { name: 'channel', type: 'activity_channel', value: (r) => r.channel },
  { name: 'outcome', type: 'activity_outcome', value: (r) => r.outcome },
  { name: 'occurred_at', type: 'timestamptz', value: (r) => r.occurredAt },
  { name: 'subject', type: 'text', value: (r) => r.subject },
  { name: 'duration_seconds', type: 'integer', value: (r) => r.durationSeconds },
];

export async function createActivityStaging(db: Database, table: string): Promise<void> {
  await db.execute(sql`create temp table ${sql.identifier(table)} (${columnDefinitions(COLUMNS)})`);
}

export async function stageActivities(db: Database, table: string, rows: readonly StagedActivity[]): Promise<void> {
  await appendArrays(db, table, COLUMNS, rows);
}

export interface MergeCounts {
  /** Distinct records staged (duplicates of one id in the file count once). */
  records: number;
  inserted: number;
  updated: number;
  unchanged: number;
  createdAccounts: number;
  /** Rows naming a deal that is not in Rightly (left without one). */
  unmatchedOpportunities: number;
}

/**
 * Merges the staged activities into `activities`, set-based:
 * 1. accounts named by the rows are found by name (case-insensitive) or created;
 * 2. rows are deduplicated (the last line of a repeated id wins; rows keyed by a hash are numbered
 *    `#1`, `#2` … in file order) and matched to existing activities by (source, external id);
 * 3. changed rows are updated, new ones inserted with `prospecting` computed on the way in;
 *    identical rows are not written at all, so re-importing a file changes nothing.
 * Returns the counts and the scope (accounts, reps, time span, before and after) whose derived
 * facts and rollups need refreshing.
 */
export async function mergeStagedActivities(
  tx: Database,
  params: { orgId: string; source: string; table: string },
): Promise<{ counts: MergeCounts; scope: MergeScope }> {
  const { orgId, source } = params;
  const stage = sql.identifier(params.table);
  const rows = sql.identifier(`${params.table}_rows`);
  const accounts = sql.identifier(`${params.table}_accounts`);
  const deals = sql.identifier(`${params.table}_deals`);
  // Sorting a million staged rows in memory beats spilling them to disk; this transaction only.
  await tx.execute(sql`set local work_mem = '128MB'`);
  await tx.execute(sql`analyze ${stage}`);

  const createdAccounts = await createAccountsByName(tx, { orgId, source, stage: params.table });
  await mapAccountsByName(tx, { orgId, source, stage: params.table, into: `${params.table}_accounts` });

  await tx.execute(sql`
    create temp table ${deals} on commit drop as
    select distinct on (ref) ref, id from (
      select r.ref, o.id, 0 as priority, o.created_at
        from (select distinct opportunity_ref as ref from ${stage} where opportunity_ref is not null) r
        join opportunities o on o.org_id = ${orgId} and o.source = ${source} and o.external_id = r.ref
      union all
      select r.ref, o.id, 1, o.created_at
        from (select distinct opportunity_ref as ref from ${stage} where opportunity_ref is not null) r
        join opportunities o on o.org_id = ${orgId} and lower(o.name) = lower(r.ref)
    ) found
    order by ref, priority, created_at desc, id`);

  await tx.execute(sql`
    create temp table ${rows} on commit drop as
    select d.*, ${orgId}::uuid as org_id, acc.id as account_id, deal.id as opportunity_id,
           a.id as existing_id, a.rep_id as old_rep_id, a.account_id as old_account_id,
           a.occurred_at as old_occurred_at,
           (a.id is not null and
             (a.rep_id, a.account_id, a.opportunity_id, a.type, a.channel, a.outcome, a.occurred_at, a.subject,
              a.duration_seconds)
             is distinct from
             (d.rep_id, acc.id, deal.id, d.type, d.channel, d.outcome, d.occurred_at, d.subject, d.duration_seconds))
             as changed
      from (
        select distinct on (ext) s.*
          from (
            select s.*, s.key as ext from ${stage} s where s.keyed
            union all
            select s.*, s.key || '#' || row_number() over (partition by s.key order by s.line) from ${stage} s
             where not s.keyed
          ) s
         order by ext, line desc
      ) d
      left join ${accounts} acc on acc.key = lower(d.account_name)
      left join ${deals} deal on deal.ref = d.opportunity_ref
      left join activities a on a.org_id = ${orgId} and a.source = ${source} and a.external_id = d.ext`);
  await tx.execute(sql`analyze ${rows}`);

  const row = sql`r`;
  await tx.execute(sql`
    update activities a
       set rep_id = r.rep_id, account_id = r.account_id, opportunity_id = r.opportunity_id, type = r.type,
           channel = r.channel, outcome = r.outcome, occurred_at = r.occurred_at, subject = r.subject,
           duration_seconds = r.duration_seconds, prospecting = ${prospectingExpression(row)}
      from ${rows} r
     where r.changed and a.org_id = ${orgId} and a.id = r.existing_id`);

  await tx.execute(sql`
    insert into activities (org_id, id, rep_id, account_id, opportunity_id, type, channel, outcome, occurred_at,
                            subject, duration_seconds, source, external_id, prospecting)
    select r.org_id, r.id, r.rep_id, r.account_id, r.opportunity_id, r.type, r.channel, r.outcome, r.occurred_at,
           r.subject, r.duration_seconds, ${source}, r.ext, ${prospectingExpression(row)}
      from ${rows} r
     where r.existing_id is null
     order by r.occurred_at, r.id`);

  const [counts] = await queryRows<{
    records: number;
    inserted: number;
    updated: number;
    unmatched: number;
  }>(
    tx,
    sql`select count(*)::int as records,
               (count(*) filter (where existing_id is null))::int as inserted,
               (count(*) filter (where changed))::int as updated,
               (count(*) filter (where opportunity_ref is not null and opportunity_id is null))::int as unmatched
          from ${rows}`,
  );
  const scope = await scopeOf(tx, rows);
  const c = counts ?? { records: 0, inserted: 0, updated: 0, unmatched: 0 };
  return {
    counts: {
      records: c.records,
      inserted: c.inserted,
      updated: c.updated,
      unchanged: c.records - c.inserted - c.updated,
      createdAccounts,
      unmatchedOpportunities: c.unmatched,
    },
    scope,
  };
}

/** Accounts, reps and the time span touched by new and changed rows, before and after the change. */
async function scopeOf(tx: Database, rows: ReturnType<typeof sql.identifier>): Promise<MergeScope> {
  const [scope] = await queryRows<{
    accounts: string[] | null;
    reps: string[] | null;
    first: number | null;
    last: number | null;
  }>(
    tx,
    sql`select (array_agg(distinct x.account_id) filter (where x.account_id is not null))::text[] as accounts,
               (array_agg(distinct x.rep_id))::text[] as reps,
               (extract(epoch from min(x.occurred_at)) * 1000)::float8 as first,
               (extract(epoch from max(x.occurred_at)) * 1000)::float8 as last
          from (
            select account_id, rep_id, occurred_at from ${rows} where existing_id is null or changed
            union all
            select old_account_id, old_rep_id, old_occurred_at from ${rows} where changed
          ) x`,
  );
  return {
    accountIds: scope?.accounts ?? [],
    repIds: scope?.reps ?? [],
    from: scope?.first !== null && scope?.first !== undefined ? new Date(scope.first) : null,
    to: scope?.last !== null && scope?.last !== undefined ? new Date(scope.last) : null,
  };
}
