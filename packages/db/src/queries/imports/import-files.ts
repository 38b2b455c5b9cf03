import { and, asc, eq, gt } from 'drizzle-orm';
import type { Database } from '../../database';
import { importFileChunks } from '../../schema/index';

export async function appendImportFileChunk(
  db: Database,
  params: { orgId: string; importId: string; seq: number; data: Buffer },
): Promise<void> {
  await db
    .insert(importFileChunks)
    .values({ orgId: params.orgId, importId: params.importId, seq: params.seq, data: params.data });
}

/**
 * The stored file, chunk by chunk in order. One chunk is read per query, so memory holds one
 * chunk however large the file.
 */
export async function* readImportFileChunks(
  db: Database,
  params: { orgId: string; importId: string },
): AsyncGenerator<Buffer> {
  let after = -1;
  for (;;) {
    const [chunk] = await db
      .select({ seq: importFileChunks.seq, data: importFileChunks.data })
      .from(importFileChunks)
      .where(
        and(
          eq(importFileChunks.orgId, params.orgId),
          eq(importFileChunks.importId, params.importId),
          gt(importFileChunks.seq, after),
        ),
      )
      .orderBy(asc(importFileChunks.seq))
      .limit(1);
    if (!chunk) return;
    after = chunk.seq;
    yield chunk.data;
  }
}

export async function hasImportFile(db: Database, params: { orgId: string; importId: string }): Promise<boolean> {
  const [chunk] = await db
    .select({ seq: importFileChunks.seq })
    .from(importFileChunks)
    .where(and(eq(importFileChunks.orgId, params.orgId), eq(importFileChunks.importId, params.importId)))
    .limit(1);
  return chunk !== undefined;
}
