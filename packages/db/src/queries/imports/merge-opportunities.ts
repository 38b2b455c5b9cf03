import type { OpportunityStatus } from '@rightly/core';
import { sql } from 'drizzle-orm';
import type { Database } from '../../database';
import { queryRows } from '../../query-rows';
import { createAccountsByName, mapAccountsByName, type MergeScope } from './merge-common';
import type { MergeCounts } from './merge-activities';
import { appendArrays, columnDefinitions, type StagingColumn } from './staging-arrays';

export interface StagedOpportunity {
  line: number;
  key: string;
  keyed: boolean;
  id: string;
  repId: string;
  accountName: string | null;
  offeringName: string | null;
  name: string;
  amount: string;
  /** Null: the organization's currency. */
  currency: string | null;
  stage: string;
  status: OpportunityStatus;
  createdAt: Date;
  closeDate: string | null;
  closedAt: Date | null;
}

const COLUMNS: StagingColumn<StagedOpportunity>[] = [
  { name: 'line', type: 'integer', value: (r) => r.line },
  { name: 'key', type: 'text', value: (r) => r.key },
  { name: 'keyed', type: 'boolean', value: (r) => r.keyed },
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'rep_id', type: 'uuid', value: (r) => r.repId },
  { name: 'account_name', type: 'text', value: (r) => r.accountName },
  { name: 'offering_name', type: 'text', value: (r) => r.offeringName },
  { name: 'name', type: 'text', value: (r) => r.name },
  { name: 'amount', type: 'numeric', value: (r) => r.amount },
  { name: 'currency', type: 'text', value: (r) => r.currency },
  { name: 'stage', type: 'text', value: (r) => r.stage },
  { name: 'status', type: 'opportunity_status', value: (r) => r.status },
  { name: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
  { name: 'close_date', type: 'date', value: (r) => r.closeDate },
  { name: 'closed_at', type: 'timestamptz', value: (r) => r.closedAt },
];

export async function createOpportunityStaging(db: Database, table: string): Promise<void> {
  await db.execute(sql`create temp table ${sql.identifier(table)} (${columnDefinitions(COLUMNS)})`);
}

export async function stageOpportunities(
  db: Database,
  table: string,
  rows: readonly StagedOpportunity[],
): Promise<void> {
  await appendArrays(db, table, COLUMNS, rows);
}

export interface OpportunityMergeCounts extends MergeCounts {
  createdOfferings: number;
}

/**
 * Merges staged opportunities like `mergeStagedActivities`: accounts and offerings found by name
 * or created, rows matched on (source, external id), only changed rows written. Every stage an
 * opportunity is seen entering is appended to its stage history: a new opportunity's current
 * stage (dated when it closed, else when it was created), and a changed stage or status (dated
 * when it closed, else at the import).
 */
export async function mergeStagedOpportunities(
  tx: Database,
  params: { orgId: string; source: string; table: string; now: Date },
): Promise<{ counts: OpportunityMergeCounts; scope: MergeScope }> {
  const { orgId, source } = params;
  const stage = sql.identifier(params.table);
  const now = sql`${params.now.toISOString()}::timestamptz`;
  const rows = sql.identifier(`${params.table}_rows`);
  const accounts = sql.identifier(`${params.table}_accounts`);
  const offerings = sql.identifier(`${params.table}_offerings`);
  await tx.execute(sql`set local work_mem = '128MB'`);
  await tx.execute(sql`analyze ${stage}`);

  const createdAccounts = await createAccountsByName(tx, { orgId, source, stage: params.table });
  await mapAccountsByName(tx, { orgId, source, stage: params.table, into: `${params.table}_accounts` });

  const [createdOfferings] = await queryRows<{ n: number }>(
    tx,
    sql`with wanted as (
          select lower(offering_name) as key, min(offering_name) as name
            from ${stage} where offering_name is not null group by 1
        ), created as (
          insert into offerings (org_id, id, name)
          select ${orgId}, gen_random_uuid(), w.name from wanted w
           where not exists (select 1 from offerings o where o.org_id = ${orgId} and lower(o.name) = w.key)
          on conflict (org_id, name) do nothing
          returning 1
        )
        select count(*)::int as n from created`,
  );
  await tx.execute(sql`
    create temp table ${offerings} on commit drop as
    select distinct on (lower(name)) lower(name) as key, id
      from offerings where org_id = ${orgId}
     order by lower(name), created_at, id`);

  await tx.execute(sql`
    create temp table ${rows} on commit drop as
    select d.line, d.ext, d.id, d.rep_id, d.name, d.amount, d.stage, d.status, d.created_at, d.close_date,
           d.closed_at, coalesce(d.currency, org.currency) as currency, acc.id as account_id, off.id as offering_id,
           o.id as existing_id, o.account_id as old_account_id, o.stage as old_stage, o.status as old_status,
           o.rep_id as old_rep_id, o.created_at as old_created_at, o.closed_at as old_closed_at,
           (o.id is not null and
             (o.rep_id, o.account_id, o.offering_id, o.name, o.amount, o.currency, o.stage, o.status, o.created_at,
              o.close_date, o.closed_at)
             is distinct from
             (d.rep_id, acc.id, off.id, d.name, d.amount, coalesce(d.currency, org.currency)::char(3), d.stage, d.status,
              d.created_at, d.close_date, d.closed_at))
             as changed,
           (o.id is null or o.account_id is distinct from acc.id or o.created_at is distinct from d.created_at)
             as moves_prospecting
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
      cross join (select currency from organizations where id = ${orgId}) org
      left join ${accounts} acc on acc.key = lower(d.account_name)
      left join ${offerings} off on off.key = lower(d.offering_name)
      left join opportunities o on o.org_id = ${orgId} and o.source = ${source} and o.external_id = d.ext`);
  await tx.execute(sql`analyze ${rows}`);

  await tx.execute(sql`
    update opportunities o
       set rep_id = r.rep_id, account_id = r.account_id, offering_id = r.offering_id, name = r.name,
           amount = r.amount, currency = r.currency, stage = r.stage, status = r.status, created_at = r.created_at,
           close_date = r.close_date, closed_at = r.closed_at, updated_at = ${now}
      from ${rows} r
     where r.changed and o.org_id = ${orgId} and o.id = r.existing_id`);
  await tx.execute(sql`
    insert into opportunities (org_id, id, rep_id, account_id, offering_id, name, amount, currency, stage, status,
                               created_at, close_date, closed_at, source, external_id, updated_at)
    select ${orgId}, r.id, r.rep_id, r.account_id, r.offering_id, r.name, r.amount, r.currency, r.stage, r.status,
           r.created_at, r.close_date, r.closed_at, ${source}, r.ext, ${now}
      from ${rows} r
     where r.existing_id is null
     order by r.created_at, r.id`);
  await tx.execute(sql`
    insert into opportunity_stage_changes (org_id, id, opportunity_id, stage, status, changed_at)
    select ${orgId}, gen_random_uuid(), coalesce(r.existing_id, r.id), r.stage, r.status,
           case when r.existing_id is null then coalesce(r.closed_at, r.created_at)
                when r.status <> 'open' and r.old_status = 'open' then coalesce(r.closed_at, ${now})
                else ${now} end
      from ${rows} r
     where r.existing_id is null
        or (r.changed and (r.stage, r.status) is distinct from (r.old_stage, r.old_status))`);

  const [counts] = await queryRows<{ records: number; inserted: number; updated: number }>(
    tx,
    sql`select count(*)::int as records,
               (count(*) filter (where existing_id is null))::int as inserted,
               (count(*) filter (where changed))::int as updated
          from ${rows}`,
  );
  const [scope] = await queryRows<{ accounts: string[] | null }>(
    tx,
    sql`select (array_agg(distinct x.account_id) filter (where x.account_id is not null))::text[] as accounts
          from (
            select account_id from ${rows} where moves_prospecting
            union all
            select old_account_id from ${rows} where moves_prospecting and existing_id is not null
          ) x`,
  );
  // Pipeline rollups count opportunities on the days they opened, closed or changed stage, for the
  // rep before and after the change: those reps and that span must be rebuilt.
  const [pipeline] = await queryRows<{
    reps: string[] | null;
    first: Date | string | null;
    last: Date | string | null;
  }>(
    tx,
    sql`select (array_agg(distinct x.rep_id) filter (where x.rep_id is not null))::text[] as reps,
               min(x.t) as first, max(x.t) as last
          from (
            select rep_id, created_at as t from ${rows} where existing_id is null or changed
            union all select rep_id, closed_at from ${rows} where existing_id is null or changed
            union all select rep_id, ${now}::timestamptz from ${rows} where changed
            union all select old_rep_id, old_created_at from ${rows} where changed
            union all select old_rep_id, old_closed_at from ${rows} where changed
          ) x
         where x.t is not null`,
  );
  const c = counts ?? { records: 0, inserted: 0, updated: 0 };
  return {
    counts: {
      records: c.records,
      inserted: c.inserted,
      updated: c.updated,
      unchanged: c.records - c.inserted - c.updated,
      createdAccounts,
      createdOfferings: createdOfferings?.n ?? 0,
      unmatchedOpportunities: 0,
    },
    scope: {
      accountIds: scope?.accounts ?? [],
      repIds: pipeline?.reps ?? [],
      from: pipeline?.first ? new Date(pipeline.first) : null,
      to: pipeline?.last ? new Date(pipeline.last) : null,
    },
  };
}
