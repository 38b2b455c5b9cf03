import { AppError, importFormFieldsSchema, type FieldIssue, type ImportFormFields } from '@rightly/core';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';

/** Largest upload accepted; a million-row export is about 200 MB. */
export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;
/** The part of a file a preview reads: far more than the rows it shows. */
export const MAX_PREVIEW_BYTES = 2 * 1024 * 1024;

export interface ImportForm {
  options: Record<string, unknown>;
  file: MultipartFile;
}

/**
 * Reads an import upload: the option fields, then the file, which is handed over as a stream (it
 * is never held in memory). Fields must come before the file, as browsers send a form built in
 * that order; a field after the file is refused rather than silently ignored.
 */
export async function readImportForm(
  request: FastifyRequest,
  limit: { maxFileBytes: number; truncate: boolean },
): Promise<ImportForm> {
  if (!request.isMultipart()) {
    throw new AppError({
      code: 'bad_request',
      message: 'Send the import as multipart/form-data: option fields first, then the file in a field named "file".',
    });
  }
  const fields: Record<string, string> = {};
  const parts = request.parts({
    limits: { fileSize: limit.maxFileBytes, files: 1, fields: 20, fieldSize: 1024 * 1024 },
    // A preview reads the head of a file: a longer one is cut, not refused.
    throwFileSizeLimit: !limit.truncate,
  } as Parameters<FastifyRequest['parts']>[0]);
  for await (const part of parts) {
    if (part.type === 'field') {
      fields[part.fieldname] = String(part.value);
      continue;
    }
    if (part.fieldname !== 'file') {
      throw new AppError({
        code: 'bad_request',
        message: `Unexpected file field "${part.fieldname}"; name it "file".`,
      });
    }
    return { options: optionsFrom(fields), file: part };
  }
  throw new AppError({
    code: 'validation_failed',
    message: 'The upload has no file. Add it in a field named "file", after the option fields.',
    issues: [{ field: 'file', message: 'is required' }],
  });
}

/** Form fields → import options; JSON fields are parsed, and each problem is named. */
function optionsFrom(fields: Record<string, string>): Record<string, unknown> {
  const parsed = importFormFieldsSchema.safeParse(fields);
  if (!parsed.success) {
    const issues: FieldIssue[] = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
    throw new AppError({
      code: 'validation_failed',
      message: issues.map((i) => `${i.field}: ${i.message}`).join('; '),
      issues,
    });
  }
  const f: ImportFormFields = parsed.data;
  return {
    ...(f.source ? { source: f.source } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.onError ? { onError: f.onError } : {}),
    ...(f.dateFormat ? { dateFormat: f.dateFormat } : {}),
    ...(f.mapping ? { mapping: json('mapping', f.mapping) } : {}),
    ...(f.ownerMap ? { ownerMap: json('ownerMap', f.ownerMap) } : {}),
    ...(f.createOwners ? { createOwners: f.createOwners === 'true' } : {}),
    ...(f.dryRun ? { dryRun: f.dryRun === 'true' } : {}),
  };
}

function json(field: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError({
      code: 'validation_failed',
      message: `${field} is not valid JSON: ${(error as Error).message}`,
      issues: [{ field, message: 'is not valid JSON' }],
    });
  }
}

/**
 * An uploaded file cut to at most `max` bytes (the form's limit), then back to its last line break
 * when it was cut, so the last row a preview reads is whole.
 */
export async function readHead(file: MultipartFile): Promise<Buffer> {
  const head = await file.toBuffer();
  if (!file.file.truncated) return head;
  const cut = head.lastIndexOf(0x0a);
  return cut > 0 ? head.subarray(0, cut + 1) : head;
}
