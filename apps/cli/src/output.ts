import { ERROR_TITLES, isAppError } from '@rightly/core';
import { EXIT_CODE } from './exit-codes';

/** Prints an error the way a person can act on, and returns the exit status for it. */
export function reportError(
  error: unknown,
  write: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): number {
  if (isAppError(error)) {
    write(`rightly: ${ERROR_TITLES[error.code]}.`);
    if (error.issues.length > 0) {
      for (const issue of error.issues) write(`  ${issue.field}: ${issue.message}`);
    } else {
      write(`  ${error.message}`);
    }
    return EXIT_CODE[error.code];
  }
  write(`rightly: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return EXIT_CODE.internal;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
