import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../database';

export interface StagingColumn<Row> {
  name: string;
  /** PostgreSQL type of the column (`text`, `uuid`, `timestamptz`, `activity_type` …). */
  type: string;
  value: (row: Row) => string | number | boolean | Date | null;
}

/** Rows per statement, as in `insertInChunks`: a dozen array parameters instead of tens of thousands of values. */
const CHUNK_ROWS = 5_000;

/**
 * Appends rows to a staging table: each column travels as one text array and PostgreSQL unnests
 * them, on both drivers.
 */
export async function appendArrays<Row>(
  db: Database,
  table: string,
  columns: readonly StagingColumn<Row>[],
  rows: readonly Row[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const chunk = rows.slice(start, start + CHUNK_ROWS);
    const arrays: SQL[] = columns.map((column) => {
      const values = chunk.map((row) => {
        const value = column.value(row);
        if (value === null) return null;
        return value instanceof Date ? value.toISOString() : String(value);
      });
      return sql`${sql.param(values)}::text[]::${sql.raw(column.type)}[]`;
    });
    await db.execute(
      sql`insert into ${sql.identifier(table)} (${sql.join(
        columns.map((c) => sql.identifier(c.name)),
        sql`, `,
      )}) select * from unnest(${sql.join(arrays, sql`, `)})`,
    );
  }
}

/** `create temp table` columns from the staging column list. */
export function columnDefinitions<Row>(columns: readonly StagingColumn<Row>[]): SQL {
  return sql.join(
    columns.map((c) => sql`${sql.identifier(c.name)} ${sql.raw(c.type)}`),
    sql`, `,
  );
}
