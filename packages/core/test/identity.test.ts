import { describe, expect, it } from 'vitest';
import { emailDomain, roleFromClaim } from '../src/index';

describe('the role of a user created by SSO', () => {
  const mapping = { 'sales-leads': 'leader', 'it-admins': 'admin', staff: 'rep' } as const;

  it('maps a single claim value', () => {
    expect(roleFromClaim({ claimValue: 'sales-leads', mapping, defaultRole: 'rep' })).toBe('leader');
  });

  it('takes the most privileged role a list of values maps to', () => {
    expect(roleFromClaim({ claimValue: ['staff', 'it-admins', 'sales-leads'], mapping, defaultRole: 'rep' })).toBe(
      'admin',
    );
  });

  it('falls back to the default for a missing, unmapped or odd claim', () => {
    for (const claimValue of [undefined, null, 'guests', ['guests'], 42, { role: 'admin' }, '__proto__', 'toString']) {
      expect(roleFromClaim({ claimValue, mapping, defaultRole: 'leader' })).toBe('leader');
    }
  });
});

describe('emailDomain', () => {
  it('is the lower-cased part after the last @', () => {
    expect(emailDomain('Ann@Sales.Example.COM')).toBe('sales.example.com');
    expect(emailDomain('no-at-sign')).toBe('');
  });
});
