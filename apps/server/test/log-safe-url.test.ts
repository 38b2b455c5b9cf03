import { describe, expect, it } from 'vitest';
import { logSafeUrl } from '../src/http/log-safe-url';

describe('URLs in the access log', () => {
  it('hides the secrets that e-mailed links and the SSO callback carry, and keeps the rest', () => {
    expect(logSafeUrl('/accept-invitation?token=0b8c.abcDEF_123')).toBe('/accept-invitation?token=[redacted]');
    expect(logSafeUrl('/reset-password?lang=en&TOKEN=secret#x')).toBe('/reset-password?lang=en&TOKEN=[redacted]#x');
    expect(logSafeUrl('/api/v1/auth/sso/callback?code=c0de&state=st4te&iss=https%3A%2F%2Fidp')).toBe(
      '/api/v1/auth/sso/callback?code=[redacted]&state=[redacted]&iss=https%3A%2F%2Fidp',
    );
    expect(logSafeUrl('/api/v1/assessments?team=East&period=2026-W05')).toBe(
      '/api/v1/assessments?team=East&period=2026-W05',
    );
  });
});
