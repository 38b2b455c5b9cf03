import { sql } from 'drizzle-orm';
import type { Database } from '../../database';
import { queryRows } from '../../query-rows';

/**
 * What an import changed, for refreshing derived facts and rollups: the accounts whose activities
 * may have new prospecting flags or meeting numbers, and the reps and time span whose daily
 * rollups may differ. Values before and after a change are both included.
 */
export interface MergeScope {
  accountIds: string[];
  repIds: string[];
  from: Date | null;
  to: Date | null;
}

/**
 * Creates the accounts the staged rows name that the org does not have yet. Accounts are matched
 * by name, ignoring case; a created one is keyed `name:<lower-case name>` under the import's source.
 * Returns how many were created.
 */
export async function createAccountsByName(
  tx: Database,
  params: { orgId: string; source: string; stage: string },
): Promise<number> {
  const [created] = await queryRows<{ n: number }>(
    tx,
    sql`with wanted as (
          select lower(account_name) as key, min(account_name) as name
            from ${sql.identifier(params.stage)} where account_name is not null group by 1
        ), created as (
          insert into accounts (org_id, id, name, source, external_id)
          select ${params.orgId}, gen_random_uuid(), w.name, ${params.source}, 'name:' || w.key
            from wanted w
           where not exists (select 1 from accounts a where a.org_id = ${params.orgId} and lower(a.name) = w.key)
          on conflict (org_id, source, external_id) do nothing
          returning 1
        )
        select count(*)::int as n from created`,
  );
  return created?.n ?? 0;
}

/** A temporary table `into` (key = lower-case name → account id) for the names the stage uses. */
export async function mapAccountsByName(
  tx: Database,
  params: { orgId: string; source: string; stage: string; into: string },
): Promise<void> {
  const stage = sql.identifier(params.stage);
  await tx.execute(sql`
    create temp table ${sql.identifier(params.into)} on commit drop as
    select distinct on (key) key, id from (
      select w.key, a.id, 0 as priority, a.created_at
        from (select distinct lower(account_name) as key from ${stage} where account_name is not null) w
        join accounts a on a.org_id = ${params.orgId} and lower(a.name) = w.key
      union all
      -- An account created by an earlier import and renamed since is still found by its key.
      select w.key, a.id, 1, a.created_at
        from (select distinct lower(account_name) as key from ${stage} where account_name is not null) w
        join accounts a on a.org_id = ${params.orgId} and a.source = ${params.source} and a.external_id = 'name:' || w.key
    ) found
    order by key, priority, created_at, id`);
}
