import { Readable } from 'node:stream';
import { readImportFileChunks } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import type { ImportFile } from './run-import';

/** An uploaded file as `runImport` reads it: streamed back from the database chunk by chunk. */
export function storedImportFile(
  deps: ServiceDeps,
  params: { orgId: string; importId: string; bytes: number },
): ImportFile {
  return {
    bytes: params.bytes,
    open: () => Readable.from(readImportFileChunks(deps.db, { orgId: params.orgId, importId: params.importId })),
  };
}
