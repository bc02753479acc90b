// The PKCS#12 key derivation function (RFC 7292 appendix B.2) and its passphrase encodings.
//
// Legacy PKCS#12 encryption (pbeWithSHAAnd3-KeyTripleDES-CBC, pbeWithSHAAnd40BitRC2-CBC, ...)
// and the PFX integrity MAC derive their keys with this function. PBES2 bags use PBKDF2
// instead, over the UTF-8 bytes of the passphrase.

import { sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2.js';

export type Pkcs12HashName = 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';

/** The diversifier byte ID of RFC 7292 B.3: which kind of material the output is for. */
export type Pkcs12KeyPurpose = 'key' | 'iv' | 'mac';

interface HashFunction {
  (message: Uint8Array): Uint8Array;
  outputLen: number;
  blockLen: number;
}

const HASHES: Readonly<Record<Pkcs12HashName, HashFunction>> = { sha1, sha224, sha256, sha384, sha512 };

const PURPOSE_IDS: Readonly<Record<Pkcs12KeyPurpose, number>> = { key: 1, iv: 2, mac: 3 };

/**
 * Derives `length` bytes from a BMPString-encoded password (see `encodeBmpPassword`) with the
 * PKCS#12 KDF. `iterations` must be at least 1. Callers check an upper bound before calling,
 * because the cost grows linearly with it.
 */
export function derivePkcs12Key(
  hashName: Pkcs12HashName,
  password: Uint8Array,
  salt: Uint8Array,
  iterations: number,
  purpose: Pkcs12KeyPurpose,
  length: number,
): Uint8Array {
  if (!Number.isSafeInteger(iterations) || iterations < 1) throw new RangeError(`PKCS#12 KDF iteration count must be a positive integer, got ${iterations}`);
  const hash = HASHES[hashName];
  const u = hash.outputLen;
  const v = hash.blockLen;

  // D: v copies of the purpose byte. I: salt and password, each stretched to a multiple of v.
  const diversifier = new Uint8Array(v).fill(PURPOSE_IDS[purpose]);
  const saltPart = repeatToMultiple(salt, v);
  const passwordPart = repeatToMultiple(password, v);
  const input = new Uint8Array(saltPart.length + passwordPart.length);
  input.set(saltPart, 0);
  input.set(passwordPart, saltPart.length);

  const output = new Uint8Array(length);
  const block = new Uint8Array(v + input.length);
  for (let produced = 0; produced < length; produced += u) {
    // A = H^r(D || I).
    block.set(diversifier, 0);
    block.set(input, v);
    let digest = hash(block);
    for (let round = 1; round < iterations; round++) digest = hash(digest);
    output.set(digest.subarray(0, Math.min(u, length - produced)), produced);
    if (produced + u >= length) break;

    // Each v-byte block of I becomes (I_j + B + 1) mod 2^(8v), where B is A repeated to v bytes.
    const b = repeatToLength(digest, v);
    for (let offset = 0; offset < input.length; offset += v) addBlockPlusOne(input, offset, b);
  }
  return output;
}

/**
 * Encodes a passphrase as RFC 7292 wants it: UTF-16 big-endian code units followed by two
 * zero bytes, so the empty passphrase becomes just the two zero bytes. Some tools derive with
 * no password at all instead, which is the empty byte string and is not made here.
 */
export function encodeBmpPassword(passphrase: string): Uint8Array {
  const bytes = new Uint8Array(passphrase.length * 2 + 2);
  for (let i = 0; i < passphrase.length; i++) {
    const unit = passphrase.charCodeAt(i);
    bytes[2 * i] = unit >> 8;
    bytes[2 * i + 1] = unit & 0xff;
  }
  return bytes;
}

/**
 * Encodes a passphrase as OpenSSL before 1.1.0 did: every UTF-8 byte widened to 16 bits,
 * plus the two zero bytes. Files written that way with a non-ASCII passphrase only open with
 * this encoding, so readers try it after `encodeBmpPassword` fails.
 */
export function encodeLegacyBmpPassword(passphraseUtf8: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(passphraseUtf8.length * 2 + 2);
  for (let i = 0; i < passphraseUtf8.length; i++) bytes[2 * i + 1] = passphraseUtf8[i];
  return bytes;
}

/** Returns the digest size in bytes of `hashName`. */
export function pkcs12HashLength(hashName: Pkcs12HashName): number {
  return HASHES[hashName].outputLen;
}

function repeatToMultiple(bytes: Uint8Array, v: number): Uint8Array {
  if (bytes.length === 0) return new Uint8Array(0);
  return repeatToLength(bytes, v * Math.ceil(bytes.length / v));
}

function repeatToLength(bytes: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = bytes[i % bytes.length];
  return out;
}

// Big-endian addition of b + 1 into target[offset .. offset + b.length).
function addBlockPlusOne(target: Uint8Array, offset: number, b: Uint8Array): void {
  let carry = 1;
  for (let i = b.length - 1; i >= 0; i--) {
    const sum = target[offset + i] + b[i] + carry;
    target[offset + i] = sum & 0xff;
    carry = sum >> 8;
  }
}
