import { getTableColumns, getTableName, SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../database';

export interface InsertInChunksOptions {
  /** Appended verbatim (e.g. `on conflict do nothing`); ours, never user input. */
  onConflict?: SQL;
  /**
   * Columns PostgreSQL computes while inserting, from the other values of the row (`row` is the
   * alias of the incoming row). Derived facts are then written once instead of updated after.
   */
  computed?: { column: PgColumn; expression: (row: SQL) => SQL }[];
}

/** Rows per statement: large enough to amortise round trips, small enough to bound memory. */
const CHUNK_ROWS = 5_000;

/**
 * Inserts many rows fast on both drivers: each column travels as one text array and PostgreSQL
 * turns the arrays back into rows (`insert … select from unnest(…)`). One statement per chunk, a
 * dozen parameters instead of tens of thousands, and no per-row SQL built in JavaScript.
 * Call it inside a transaction when the rows must land together.

 */
export async function insertInChunks<T extends PgTable>(
  db: Database,
  table: T,
  rows: readonly T['$inferInsert'][],
  options: InsertInChunksOptions = {},
): Promise<void> {
  if (rows.length === 0) return;
  // Only columns some row sets are sent; the others keep their database defaults.
  const columns = Object.entries(getTableColumns(table) as Record<string, PgColumn>).filter(([key]) =>
    rows.some((row) => (row as Record<string, unknown>)[key] !== undefined),
  );
  const computed = options.computed ?? [];
  const incoming = sql.join(
    columns.map(([, column]) => sql.identifier(column.name)),
    sql`, `,
  );
  const target = sql.join(
    [...columns.map(([, column]) => column), ...computed.map((c) => c.column)].map((column) =>
      sql.identifier(column.name),
    ),
    sql`, `,
  );
  const row = sql`${sql.identifier('row')}`;
  const selected = sql.join([sql`${row}.*`, ...computed.map((c) => c.expression(row))], sql`, `);
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const chunk = rows.slice(start, start + CHUNK_ROWS);
    const arrays = sql.join(
      columns.map(([key, column]) => {
        const values = chunk.map((row) => toText((row as Record<string, unknown>)[key], column));
        return sql`${sql.param(values)}::text[]::${sql.raw(column.getSQLType())}[]`;
      }),
      sql`, `,
    );
    await db.execute(
      sql`insert into ${sql.identifier(getTableName(table))} (${target})
          select ${selected} from unnest(${arrays}) as ${row} (${incoming}) ${options.onConflict ?? sql``}`,
    );
  }
}

function toText(value: unknown, column: PgColumn): string | null {
  if (value === undefined || value === null) {
    // Unset in this row while other rows set it: the row gets the schema's plain default, if any.
    const fallback = column.default;
    if (fallback instanceof SQL) {
      throw new Error(`insertInChunks: set ${column.name} in every row or in none (its default is SQL)`);
    }
    return fallback === undefined || fallback === null ? null : String(fallback);
  }
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
