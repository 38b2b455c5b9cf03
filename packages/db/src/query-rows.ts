import { getTableColumns, type SQL, type Table } from 'drizzle-orm';
import type { Database } from './database';

/**
 * Runs raw SQL and returns its rows. Both drivers answer `execute()` with an object holding
 * `rows`, but the shared `Database` type cannot know which; this is the one place that says so.
 */
export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Rows of `table` read through raw SQL (a set-returning function such as
 * `rightly_find_user_by_email`), mapped to the same shape a drizzle select of the table returns.
 */
export async function queryTableRows<T extends Table>(
  db: Database,
  table: T,
  query: SQL,
): Promise<T['$inferSelect'][]> {
  const columns = Object.entries(getTableColumns(table));
  return (await queryRows<Record<string, unknown>>(db, query)).map(
    (row) =>
      Object.fromEntries(
        columns.map(([key, column]) => {
          const value = row[column.name];
          return [key, value === null || value === undefined ? null : column.mapFromDriverValue(value)];
        }),
      ) as T['$inferSelect'],
  );
}
