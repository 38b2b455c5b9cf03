/**
 * Every failure a user can cause or meet has a code here. Adapters decide how a code is shown
 * (HTTP status, CLI exit code); the core and the services only say *what* went wrong.
 */
export const ERROR_CODES = [
  'validation_failed',
  'bad_request',
  'payload_too_large',
  'unauthenticated',
  'invalid_credentials',
  'rate_limited',
  'forbidden',
  'csrf_rejected',
  'not_found',
  'conflict',
  'demo_refused',
  'config_invalid',
  'data_dir_locked',
  'database_unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One offending field or row, so the user can find and fix it. */
export interface FieldIssue {
  /** Dotted path of the field (`email`, `body.password`, `PORT`, `row 12: amount`). */
  field: string;
  message: string;
}

export interface AppErrorOptions {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
  cause?: unknown;
  /** For `rate_limited`: seconds until a new attempt can succeed (HTTP `Retry-After`). */
  retryAfterSeconds?: number;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  readonly retryAfterSeconds: number | undefined;

  constructor({ code, message, issues = [], cause, retryAfterSeconds }: AppErrorOptions) {
    super(message, { cause });
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Human titles for each code; the same words appear in problem+json and in CLI output. */
export const ERROR_TITLES: Record<ErrorCode, string> = {
  validation_failed: 'The input is not valid',
  bad_request: 'The request cannot be read',
  payload_too_large: 'The request is too large',
  unauthenticated: 'Sign-in required',
  invalid_credentials: 'E-mail or password is wrong',
  rate_limited: 'Too many attempts',
  forbidden: 'Not allowed',
  csrf_rejected: 'Cross-site request refused',
  not_found: 'Not found',
  conflict: 'Conflicts with the current state',
  demo_refused: 'The demo data was not written',
  config_invalid: 'The configuration is not valid',
  data_dir_locked: 'The data folder is in use',
  database_unavailable: 'The database is unavailable',
  internal: 'Unexpected error',
};
