import { ERROR_TITLES, type ErrorCode, type FieldIssue, type Problem } from '@rightly/core';

/** The one place where an error code becomes an HTTP status. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  bad_request: 400,
  payload_too_large: 413,
  unauthenticated: 401,
  invalid_credentials: 401,
  rate_limited: 429,
  forbidden: 403,
  csrf_rejected: 403,
  not_found: 404,
  conflict: 409,
  demo_refused: 409,
  config_invalid: 500,
  data_dir_locked: 503,
  database_unavailable: 503,
  internal: 500,
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export function problemFor(params: {
  code: ErrorCode;
  detail: string;
  instance: string;
  requestId: string;
  issues?: FieldIssue[];
}): Problem {
  return {
    type: `/api/problems/${params.code}`,
    title: ERROR_TITLES[params.code],
    status: HTTP_STATUS[params.code],
    detail: params.detail,
    instance: params.instance,
    code: params.code,
    ...(params.issues && params.issues.length > 0 ? { errors: params.issues } : {}),
    requestId: params.requestId,
  };
}
