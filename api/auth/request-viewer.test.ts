import { describe, expect, it } from 'vitest';
import { addressKey } from './request-viewer.js';

describe('addressKey', () => {
  it('keeps IPv4 (and IPv4-mapped) addresses whole', () => {
    expect(addressKey('127.0.0.1')).toBe('address:127.0.0.1');
    expect(addressKey('::ffff:10.1.2.3')).toBe('address:::ffff:10.1.2.3');
  });

  it('counts an IPv6 address by its /64, however it is written', () => {
    expect(addressKey('2001:db8:1:2::5')).toBe('address:2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('address:2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('address:2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('address:0:0:0:0::/64');
  });
});
