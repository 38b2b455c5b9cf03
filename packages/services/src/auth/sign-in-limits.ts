import { clientAddressKey, type AttemptLimit } from './attempt-limit';

/** ASVS 2.2.1: at most 100 failed sign-ins per account per hour, and as many per client address. */
export const SIGN_IN_FAILURES_PER_HOUR = 100;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The limits a sign-in (or a check of the current password) counts against. */
export function signInLimits(params: { email: string; ipAddress?: string | undefined }): AttemptLimit[] {
  const limits: AttemptLimit[] = [
    { bucket: 'sign_in_account', value: normalizeEmail(params.email), max: SIGN_IN_FAILURES_PER_HOUR },
  ];
  const address = clientAddressKey(params.ipAddress);
  if (address) limits.push({ bucket: 'sign_in_address', value: address, max: SIGN_IN_FAILURES_PER_HOUR });
  return limits;
}
