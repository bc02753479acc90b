import { describe, expect, it } from 'vitest';
import { certificateHasExpired, daysUntil, expiresWithin, profileHasExpired } from '../../../shared/provisioning/expiry.ts';

const now = Date.parse('2026-03-01T12:00:00Z');
const hour = 3_600_000;
const day = 24 * hour;

describe('daysUntil', () => {
  it('counts whole days ahead', () => {
    expect(daysUntil(now + 10 * day, now)).toBe(10);
    expect(daysUntil(now + 10 * day - 1, now)).toBe(9);
  });

  it('is negative once past', () => {
    expect(daysUntil(now - hour, now)).toBe(-1);
    expect(daysUntil(now - 5 * day, now)).toBe(-5);
  });

  it('is zero at the same instant', () => {
    expect(daysUntil(now, now)).toBe(0);
  });
});

describe('profileHasExpired', () => {
  it('expires at the expiration instant', () => {
    expect(profileHasExpired(now, now)).toBe(true);
    expect(profileHasExpired(now + 1, now)).toBe(false);
  });
});

describe('certificateHasExpired', () => {
  it('keeps notAfter itself valid', () => {
    expect(certificateHasExpired(now, now)).toBe(false);
    expect(certificateHasExpired(now - 1, now)).toBe(true);
  });
});

describe('expiresWithin', () => {
  it('includes the boundary day', () => {
    expect(expiresWithin(now + 30 * day, now, 30)).toBe(true);
    expect(expiresWithin(now + 30 * day + 1, now, 30)).toBe(false);
  });

  it('excludes expired profiles', () => {
    expect(expiresWithin(now - day, now, 30)).toBe(false);
  });

  it('with zero days flags nothing ahead', () => {
    expect(expiresWithin(now + 1, now, 0)).toBe(false);
  });
});
