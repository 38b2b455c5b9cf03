import { sql } from 'drizzle-orm';
import type { Database } from '../database';
import { queryRows } from '../query-rows';

export interface DatabaseRole {
  /** The role the connection signed in as (`current_user`). */
  name: string;
  superuser: boolean;
  /** A role with BYPASSRLS skips every row-level security policy, as a superuser does. */
  bypassRls: boolean;
}

/** Who the application is connected as, and whether row-level security binds that role. */
export async function describeDatabaseRole(db: Database): Promise<DatabaseRole> {
  const [row] = await queryRows<{ name: string; superuser: boolean; bypass_rls: boolean }>(
    db,
    sql`select rolname as name, rolsuper as superuser, rolbypassrls as bypass_rls
        from pg_roles where rolname = current_user`,
  );
  if (!row) throw new Error('The database did not describe its current role (pg_roles has no current_user).');
  return { name: row.name, superuser: row.superuser, bypassRls: row.bypass_rls };
}
