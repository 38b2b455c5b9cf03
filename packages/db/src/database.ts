import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema/index';

/**
 * The one database type the rest of the code sees. PGlite and node-postgres both satisfy it,
 * so a query written once runs on the embedded database and on PostgreSQL alike.
 */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** What kind of database is behind a handle; tests and `/api/health` report it. */
export type DatabaseKind = 'pglite' | 'postgres';
