import type { ErrorCode } from '@rightly/core';

/** Exit statuses after sysexits.h, so scripts can tell "fix your input" from "try again later". */
export const EXIT_CODE: Record<ErrorCode, number> = {
  validation_failed: 65,
  bad_request: 64,
  payload_too_large: 65,
  unauthenticated: 77,
  invalid_credentials: 77,
  rate_limited: 75,
  forbidden: 77,
  csrf_rejected: 77,
  not_found: 66,
  conflict: 75,
  demo_refused: 65,
  config_invalid: 78,
  data_dir_locked: 75,
  database_unavailable: 69,
  internal: 70,
};
