import { clientAddressKey, signInLimits } from '@rightly/services';
import { describe, expect, it } from 'vitest';

describe('the address a sign-in attempt is counted under', () => {
  it('counts an IPv6 client by its /64, however the address is written', () => {
    expect(clientAddressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(clientAddressKey('2001:0db8:0001:0002::1')).toBe('2001:db8:1:2::/64');
    expect(clientAddressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientAddressKey('::1')).toBe('0:0:0:0::/64');
  });

  it('counts IPv4, also when mapped into IPv6, as the address itself', () => {
    expect(clientAddressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddressKey(undefined)).toBeNull();
  });

  it('limits per account by the e-mail in any case, and per address', () => {
    expect(signInLimits({ email: ' Rep@Demo.TEST ', ipAddress: '203.0.113.7' })).toEqual([
      { bucket: 'sign_in_account', value: 'rep@demo.test', max: 100 },
      { bucket: 'sign_in_address', value: '203.0.113.7', max: 100 },
    ]);
  });
});
