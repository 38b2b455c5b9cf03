import { AppError } from '@rightly/core';
import { describeDatabaseRole, type DatabaseHandle } from '@rightly/db';

/**
 * On PostgreSQL the server must connect as a role that row-level security binds: a superuser or a
 * BYPASSRLS role would skip every tenant policy, leaving isolation to the queries alone. So the
 * server refuses to start as one, and says how to make a proper role. The embedded database has
 * only its superuser; there isolation rests on the queries' org filters (docs/identity/rls.md).
 */
export async function requireConfinedDatabaseRole(database: DatabaseHandle): Promise<void> {
  if (database.kind !== 'postgres') return;
  const role = await describeDatabaseRole(database.db);
  if (!role.superuser && !role.bypassRls) return;
  const why = role.superuser ? 'a superuser' : 'a role with BYPASSRLS';
  throw new AppError({
    code: 'config_invalid',
    message:
      `DATABASE_URL connects as "${role.name}", ${why}. Row-level security does not bind such a role, so one ` +
      'organization could reach another’s data through a single faulty query; Rightly refuses to serve that way. ' +
      'Connect as a role without SUPERUSER and BYPASSRLS that owns the database, for example (as a superuser): ' +
      "CREATE ROLE rightly_app LOGIN PASSWORD '…' NOSUPERUSER NOBYPASSRLS; " +
      'CREATE DATABASE rightly OWNER rightly_app; ' +
      '(for an existing database: ALTER DATABASE rightly OWNER TO rightly_app; and make rightly_app own its tables) ' +
      'then set DATABASE_URL=postgres://rightly_app:…@host/rightly. See docs/identity/rls.md.',
    issues: [{ field: 'DATABASE_URL', message: `connects as ${why}; use a role without SUPERUSER and BYPASSRLS` }],
  });
}
