import type { ErrorCode, Problem } from '@rightly/core';

/** A problem the server did not describe: the network failed, or the answer was not what the contract says. */
export type ClientErrorCode = 'network_error' | 'unexpected_response';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * Every failed API call ends in one of these, so screens need one way to show errors: `detail` is
 * written for people (the server's problem+json detail where there is one) and `fieldErrors` name
 * the inputs to fix.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly title: string;
  readonly detail: string;
  readonly fieldErrors: FieldError[];
  readonly requestId: string | undefined;

  constructor(params: {
    status: number;
    code: ErrorCode | ClientErrorCode;
    title: string;
    detail: string;
    fieldErrors?: FieldError[];
    requestId?: string;
    cause?: unknown;
  }) {
    super(params.detail, { cause: params.cause });
    this.name = 'ApiError';
    this.status = params.status;
    this.code = params.code;
    this.title = params.title;
    this.detail = params.detail;
    this.fieldErrors = params.fieldErrors ?? [];
    this.requestId = params.requestId;
  }

  static fromProblem(problem: Problem): ApiError {
    return new ApiError({
      status: problem.status,
      code: problem.code,
      title: problem.title,
      detail: problem.detail,
      fieldErrors: problem.errors ?? [],
      requestId: problem.requestId,
    });
  }

  /** The message for one input, or undefined when the server had nothing to say about it. */
  messageFor(field: string): string | undefined {
    return this.fieldErrors.find((error) => error.field === field)?.message;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** True when the session is missing or over; a wrong password on sign-in is not this. */
export function isUnauthenticated(value: unknown): boolean {
  return isApiError(value) && value.code === 'unauthenticated';
}

/** The sentence to show for any error a query or mutation may raise. */
export function describeError(error: unknown): string {
  if (isApiError(error)) return error.detail;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
