import { AppError, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@rightly/core';

/**
 * ASVS 2.1: at least 12 characters, at most 256 (hashing cost stays bounded), any characters
 * allowed, and not the e-mail address itself. No composition rules, on purpose.
 */
export function checkNewPassword(params: { password: string; email: string; field: string }): void {
  const { password, email, field } = params;
  let message: string | null = null;
  if (password.length < PASSWORD_MIN_LENGTH) message = `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  else if (password.length > PASSWORD_MAX_LENGTH) message = `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  else if (password.trim().toLowerCase() === email.trim().toLowerCase()) {
    message = 'must not be your e-mail address';
  }
  if (message) {
    throw new AppError({ code: 'validation_failed', message: `${field}: ${message}`, issues: [{ field, message }] });
  }
}
