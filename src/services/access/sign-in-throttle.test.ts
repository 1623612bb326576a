import { describe, expect, it } from 'vitest';
import { addressKey, lockedError, throttleKeys } from './sign-in-throttle.ts';

describe('sign-in throttle keys', () => {
  it('keys an e-mail address as typed, without case or surrounding space', () => {
    expect(throttleKeys('  Envoy@Envoy.Example ', '192.0.2.1')).toEqual({
      email: 'email:envoy@envoy.example',
      ip: 'ip:192.0.2.1',
    });
  });

  it('counts IPv4 addresses one by one, IPv4-mapped IPv6 as IPv4', () => {
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
  });

  it('counts IPv6 addresses by their /64 network, however they are written', () => {
    const key = '2001:db8:0:1::/64';
    expect(addressKey('2001:db8:0:1::1')).toBe(key);
    expect(addressKey('2001:0db8:0000:0001:ffff:ffff:ffff:ffff')).toBe(key);
    expect(addressKey('2001:DB8::1:0:0:0:9')).toBe(key);
    expect(addressKey('2001:db8:0:2::1')).not.toBe(key);
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });

  it('says when to try again, in minutes and as a UTC time', () => {
    const now = new Date('2025-03-01T10:00:00.000Z');
    const error = lockedError('email:a@b.example', '2025-03-01T10:14:30.000Z', now);
    expect(error.code).toBe('auth.locked');
    expect(error.message).toBe(
      'too many failed sign-ins for this account; try again in 15 minutes (after 10:14 UTC)',
    );
    expect(error.extra).toEqual({ retryAfter: 870, lockedUntil: '2025-03-01T10:14:30.000Z' });
    expect(lockedError('ip:192.0.2.1', '2025-03-01T10:00:30.000Z', now).message).toContain(
      'from your network address; try again in 1 minute (after 10:00 UTC)',
    );
  });
});
