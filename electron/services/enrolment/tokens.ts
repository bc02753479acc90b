// Single-use secrets the server hands out: challenges in downloaded enrolment profiles and
// SCEP challenges in phase-2 profiles. Only their SHA-256 digests are stored, so the
// registry file never contains a usable challenge.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Returns a new random token: 18 bytes as base64url (24 characters, no padding). */
export function newToken(): string {
  return randomBytes(18).toString('base64url');
}

/** Returns the stored form of a token: its SHA-256 digest in hex. */
export function tokenDigest(token: string | Uint8Array): string {
  return createHash('sha256').update(typeof token === 'string' ? Buffer.from(token, 'utf8') : token).digest('hex');
}

/** Compares two secrets in time that does not depend on where they differ (both are hashed first, so lengths may differ). */
export function secretsEqual(a: string | Uint8Array, b: string | Uint8Array): boolean {
  return timingSafeEqual(Buffer.from(tokenDigest(a), 'hex'), Buffer.from(tokenDigest(b), 'hex'));
}
