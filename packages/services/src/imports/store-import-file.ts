import type { Readable } from 'node:stream';
import { appendImportFileChunk, updateImport } from '@rightly/db';
import type { ServiceDeps } from '../deps';

/** Size of the pieces an upload is stored in: a few round trips per megabyte, little memory. */
const CHUNK_BYTES = 1024 * 1024;

/**
 * Stores an uploaded file with its import, streaming: at most one chunk is in memory. It stays in
 * the database (so any instance can run the job, and a restart does not lose it) until the import
 * has run. Returns the file's size.
 */
export async function storeImportFile(
  deps: ServiceDeps,
  input: { orgId: string; importId: string; stream: Readable },
): Promise<number> {
  let seq = 0;
  let total = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async (): Promise<void> => {
    if (pendingBytes === 0) return;
    const data = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    await appendImportFileChunk(deps.db, { orgId: input.orgId, importId: input.importId, seq: seq++, data });
  };
  for await (const chunk of input.stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    pending.push(buffer);
    pendingBytes += buffer.length;
    total += buffer.length;
    if (pendingBytes >= CHUNK_BYTES) await flush();
  }
  await flush();
  await updateImport(deps.db, { orgId: input.orgId, importId: input.importId, set: { fileBytes: total, phase: null } });
  return total;
}
