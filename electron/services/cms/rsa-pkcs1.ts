// RSAES-PKCS1-v1_5 decryption of a content-encryption key (RFC 8017, section 7.2.2).
//
// Node 20.11 and later reject privateDecrypt with RSA_PKCS1_PADDING (CVE-2023-46809, the
// Marvin timing attack) unless the process runs with --security-revert. So the raw RSA
// operation runs with RSA_NO_PADDING and the padding is removed here, without branching on
// secret bytes. On bad padding the caller gets a random key of the expected length, which is
// the defence RFC 3218 describes for CMS. The failure then shows up only when the content
// does not decrypt, just as with a wrong key, so no padding oracle is exposed.

import { constants, privateDecrypt, randomBytes, type KeyObject } from 'node:crypto';

/** Smallest padding string PKCS #1 v1.5 allows. */
const MIN_PADDING_LENGTH = 8;

export interface UnwrappedKey {
  /** The content key, or random bytes of `keyLength` when the padding was bad. */
  readonly key: Uint8Array;
  /** 1 when the padding and the length were right, 0 otherwise. Check it only after using the key. */
  readonly valid: 0 | 1;
}

/** Decrypts `encryptedKey` with RSA and removes PKCS #1 v1.5 type 2 padding, expecting a key of `keyLength` bytes. */
export function unwrapPkcs1v15(encryptedKey: Uint8Array, privateKey: KeyObject, keyLength: number): UnwrappedKey {
  const fallback = randomBytes(keyLength);
  let encoded: Uint8Array;
  try {
    encoded = privateDecrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, encryptedKey);
  } catch {
    // Wrong ciphertext length or a value not below the modulus: treated as bad padding as well.
    return { key: fallback, valid: 0 };
  }
  return removePadding(encoded, keyLength, fallback);
}

/**
 * Removes EM = 0x00 || 0x02 || PS (non-zero, at least 8 bytes) || 0x00 || M. Every byte is
 * read and the result selected with masks, so the time taken does not depend on where the
 * padding is wrong. Exported for tests.
 */
export function removePadding(encoded: Uint8Array, keyLength: number, fallback: Uint8Array): UnwrappedKey {
  const length = encoded.length;

  // good = 1 while every check passes.
  let good = isZero(encoded[0]) & isZero(encoded[1] ^ 0x02);

  // Find the first zero byte after the padding string.
  let separator = 0;
  let searching = 1;
  for (let i = 2; i < length; i++) {
    const zero = isZero(encoded[i]);
    separator = select(zero & searching, i, separator);
    searching &= zero ^ 1;
  }
  good &= searching ^ 1;
  good &= isAtLeast(separator, 2 + MIN_PADDING_LENGTH);
  good &= isZero(length - separator - 1 - keyLength);

  // Take the last keyLength bytes (which are M when good) or the fallback.
  const key = new Uint8Array(keyLength);
  const mask = -good & 0xff;
  const start = Math.max(0, length - keyLength);
  for (let j = 0; j < keyLength; j++) {
    key[j] = (encoded[start + j] & mask) | (fallback[j] & ~mask & 0xff);
  }
  return { key, valid: good as 0 | 1 };
}

/** 1 when value is 0, else 0, for values in [-2^31, 2^31). */
function isZero(value: number): number {
  return ((value | -value) >>> 31) ^ 1;
}

/** 1 when a >= b, for non-negative values below 2^31. */
function isAtLeast(a: number, b: number): number {
  return ((a - b) >>> 31) ^ 1;
}

/** Returns `whenOne` when flag is 1 and `whenZero` when flag is 0. */
function select(flag: number, whenOne: number, whenZero: number): number {
  return (whenOne & -flag) | (whenZero & (flag - 1));
}
