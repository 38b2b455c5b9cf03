import { PGlite } from '@electric-sql/pglite';
import type { Database } from './database';

/**
 * True for the embedded database. It has one connection: a transaction there holds up every
 * other query of the process, which long-running work (imports) must plan around.
 */
export function isEmbeddedDatabase(db: Database): boolean {
  return (db as unknown as { $client?: unknown }).$client instanceof PGlite;
}
