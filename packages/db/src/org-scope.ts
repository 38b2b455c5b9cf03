import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Database } from './database';

/**
 * Tenant isolation in depth. Every query already filters by org_id; on PostgreSQL row-level
 * security checks it again: each tenant table's policy admits only rows whose org_id equals the
 * connection's `rightly.org_id` setting (see the row_level_security migration). This module
 * decides that setting.
 *
 * The scope is ambient (AsyncLocalStorage), so services keep their `(deps, input)` signatures:
 * the server scopes each request to the org its credentials name, background work scopes itself
 * with `withOrgScope`. Each PostgreSQL connection is set to the caller's scope when it is taken
 * from the pool, for single queries and transactions alike; outside any scope it is set to
 * none, and a tenant table then shows no rows and accepts none.
 */
interface OrgScope {
  orgId: string | null;
}

const storage = new AsyncLocalStorage<OrgScope>();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface WithOrgScopeInput {
  /** The org every query inside `work` is confined to; null confines it to none. */
  orgId: string | null;
}

/**
 * Runs `work` confined to one org. A connection (or transaction) taken inside keeps the scope it
 * was taken with: open transactions inside the scope, not around it (see `scopeTransactionToOrg`).
 * `work` may return a drizzle query as it is: a query runs only when awaited, and it is awaited
 * here, inside the scope.
 */
export async function withOrgScope<T>(input: WithOrgScopeInput, work: () => T | PromiseLike<T>): Promise<T> {
  return storage.run(scopeOf(input), async () => await work());
}

/**
 * The same for callback-style code that must continue inside the scope, such as a Fastify hook
 * calling `done`: `work` runs synchronously in the scope and what it starts inherits it.
 */
export function runInOrgScope(input: WithOrgScopeInput, work: () => void): void {
  storage.run(scopeOf(input), work);
}

function scopeOf(input: WithOrgScopeInput): OrgScope {
  if (input.orgId !== null && !UUID.test(input.orgId)) {
    // The value ends up in a uuid cast in the policies; refuse it here with a clearer message.
    throw new Error(`The org scope "${input.orgId}" is not an organization id (a UUID).`);
  }
  return { orgId: input.orgId?.toLowerCase() ?? null };
}

/** The org of the current scope, or null outside any (or in an explicitly empty one). */
export function currentOrgScope(): string | null {
  return storage.getStore()?.orgId ?? null;
}

/**
 * Moves an open transaction to another org's scope until it ends (`set_config(…, true)`); for
 * work that must touch a second org inside one transaction, such as replacing the demo org.
 * Returns the previous scope so the caller can move back.
 */
export async function scopeTransactionToOrg(tx: Database, input: WithOrgScopeInput): Promise<string> {
  const result = (await tx.execute(
    sql`select coalesce(current_setting('rightly.org_id', true), '') as previous,
               set_config('rightly.org_id', ${input.orgId ?? ''}, true) as now`,
  )) as unknown as { rows: { previous: string }[] };
  return result.rows[0]?.previous ?? '';
}

const CLIENT_SCOPE = Symbol('rightly.orgScope');
type ScopedClient = pg.PoolClient & { [CLIENT_SCOPE]?: string };
type ConnectCallback = (err: Error | undefined, client: pg.PoolClient | undefined, done: () => void) => void;

/**
 * A pg pool whose connections carry the caller's org scope. `pool.query` and drizzle's
 * transactions both take their connection through `connect`, so this one place covers them. A
 * connection remembers the scope it was last set to; only a change costs a round trip.
 */
export class OrgScopedPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    // Read now, synchronously, while still in the caller's async context.
    const wanted = currentOrgScope() ?? '';
    const scoped = super.connect().then(async (client: ScopedClient) => {
      if (client[CLIENT_SCOPE] === wanted) return client;
      try {
        await client.query(`select set_config('rightly.org_id', $1, false)`, [wanted]);
      } catch (error) {
        // A connection whose scope is unknown must not be reused.
        client.release(error as Error);
        throw error;
      }
      client[CLIENT_SCOPE] = wanted;
      return client;
    });
    if (!callback) return scoped;
    scoped.then(
      (client) => callback(undefined, client, () => client.release()),
      (error: Error) => callback(error, undefined, () => undefined),
    );
  }
}
