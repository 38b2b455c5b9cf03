/**
 * A problem with the file as a whole (it cannot be read, its columns match no known export, its
 * dates are ambiguous): nothing of it can be imported until it is fixed. Row-level problems are
 * `RowError`s instead. The services turn this into an `AppError` (`validation_failed`).
 */
export class ImportFileError extends Error {
  readonly reason: string;
  readonly fix: string;
  readonly line: number | null;

  constructor(params: { reason: string; fix: string; line?: number | null }) {
    super(`${params.reason} ${params.fix}`);
    this.name = 'ImportFileError';
    this.reason = params.reason;
    this.fix = params.fix;
    this.line = params.line ?? null;
  }
}

export function isImportFileError(value: unknown): value is ImportFileError {
  return value instanceof ImportFileError;
}
