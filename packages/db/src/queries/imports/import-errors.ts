import { and, asc, eq, gt } from 'drizzle-orm';
import type { Database } from '../../database';
import { importRowErrors } from '../../schema/index';
import { insertInChunks } from '../bulk-insert';

export type ImportRowError = typeof importRowErrors.$inferSelect;

export async function insertImportErrors(db: Database, rows: ImportRowError[]): Promise<void> {
  await insertInChunks(db, importRowErrors, rows);
}

/** An import's error report in file order, a page at a time (it may hold tens of thousands of rows). */
export async function* readImportErrors(
  db: Database,
  params: { orgId: string; importId: string; pageSize?: number },
): AsyncGenerator<ImportRowError[]> {
  let after = -1;
  for (;;) {
    const page = await db
      .select()
      .from(importRowErrors)
      .where(
        and(
          eq(importRowErrors.orgId, params.orgId),
          eq(importRowErrors.importId, params.importId),
          gt(importRowErrors.seq, after),
        ),
      )
      .orderBy(asc(importRowErrors.seq))
      .limit(params.pageSize ?? 2_000);
    if (page.length === 0) return;
    after = page[page.length - 1]?.seq ?? after;
    yield page;
  }
}

export async function listImportErrors(
  db: Database,
  params: { orgId: string; importId: string; limit: number },
): Promise<ImportRowError[]> {
  return db
    .select()
    .from(importRowErrors)
    .where(and(eq(importRowErrors.orgId, params.orgId), eq(importRowErrors.importId, params.importId)))
    .orderBy(asc(importRowErrors.seq))
    .limit(params.limit);
}
