// The cryptography of PKCS#12 files: MAC check and bag decryption.
//
// Node's crypto does PBKDF2, HMAC, AES and 3DES. The PKCS#12 KDF and RC2, which Node's
// OpenSSL 3 lacks or hides in its legacy provider, come from shared/pkcs12.

import { createDecipheriv, createHmac, pbkdf2Sync, timingSafeEqual } from 'node:crypto';

import type { PasswordEncryptionScheme, Pbes2Scheme, Pkcs12PbeScheme } from '../../../shared/pkcs12/encryption-scheme.ts';
import { derivePkcs12Key, encodeBmpPassword, encodeLegacyBmpPassword, pkcs12HashLength } from '../../../shared/pkcs12/kdf.ts';
import type { PfxMac } from '../../../shared/pkcs12/pfx.ts';
import { decryptRc2Cbc, RC2_BLOCK_SIZE } from '../../../shared/pkcs12/rc2.ts';

/** One way of turning the user's passphrase into bytes; files disagree on which one they used. */
export interface PasswordEncoding {
  /** For the PKCS#12 KDF (legacy PBE and the MAC). */
  readonly bmp: Uint8Array;
  /** For PBKDF2 (PBES2). */
  readonly utf8: Uint8Array;
}

/**
 * Returns the encodings to try for `passphrase`, most likely first. An empty or absent
 * passphrase is tried both as the empty BMPString (two zero bytes) and as no password at all
 * (zero bytes), as OpenSSL does when it reads. A non-ASCII passphrase is also tried the way
 * OpenSSL 1.0 encoded it, one UTF-8 byte per BMP character.
 */
export function passwordEncodings(passphrase: string | undefined): PasswordEncoding[] {
  const text = passphrase ?? '';
  const utf8 = new Uint8Array(Buffer.from(text, 'utf8'));
  const encodings: PasswordEncoding[] = [{ bmp: encodeBmpPassword(text), utf8 }];
  if (text === '') encodings.push({ bmp: new Uint8Array(0), utf8 });
  if (/[^\x00-\x7f]/.test(text)) encodings.push({ bmp: encodeLegacyBmpPassword(utf8), utf8 });
  return encodings;
}

/** Checks the PFX MAC over `authenticatedSafe` with one password encoding. */
export function verifyMac(mac: PfxMac, authenticatedSafe: Uint8Array, password: PasswordEncoding): boolean {
  const keyLength = pkcs12HashLength(mac.hash);
  const key = derivePkcs12Key(mac.hash, password.bmp, mac.salt, mac.iterations, 'mac', keyLength);
  const computed = createHmac(mac.hash, key).update(authenticatedSafe).digest();
  return computed.length === mac.digest.length && timingSafeEqual(computed, mac.digest);
}

/**
 * Decrypts `ciphertext` with `scheme`. Returns null when the padding is wrong, which means a
 * wrong password (or a damaged file); the caller decides which by whether the MAC matched.
 */
export function decryptWithScheme(scheme: PasswordEncryptionScheme, ciphertext: Uint8Array, password: PasswordEncoding): Uint8Array | null {
  switch (scheme.kind) {
    case 'pkcs12-pbe':
      return decryptPkcs12Pbe(scheme, ciphertext, password);
    case 'pbes2':
      return decryptPbes2(scheme, ciphertext, password);
    default:
      return assertNeverScheme(scheme);
  }
}

function decryptPkcs12Pbe(scheme: Pkcs12PbeScheme, ciphertext: Uint8Array, password: PasswordEncoding): Uint8Array | null {
  const derive = (purpose: 'key' | 'iv', length: number): Uint8Array => derivePkcs12Key('sha1', password.bmp, scheme.salt, scheme.iterations, purpose, length);
  switch (scheme.cipher) {
    case 'des-ede3-cbc':
      return decryptWithNode('des-ede3-cbc', derive('key', 24), derive('iv', 8), ciphertext);
    case 'des-ede-cbc': {
      // Two-key triple DES is three-key triple DES with K3 = K1.
      const twoKeys = derive('key', 16);
      const threeKeys = new Uint8Array(24);
      threeKeys.set(twoKeys, 0);
      threeKeys.set(twoKeys.subarray(0, 8), 16);
      return decryptWithNode('des-ede3-cbc', threeKeys, derive('iv', 8), ciphertext);
    }
    case 'rc2-128-cbc':
      return decryptRc2(derive('key', 16), 128, derive('iv', 8), ciphertext);
    case 'rc2-40-cbc':
      return decryptRc2(derive('key', 5), 40, derive('iv', 8), ciphertext);
    default:
      return assertNeverScheme(scheme.cipher);
  }
}

function decryptPbes2(scheme: Pbes2Scheme, ciphertext: Uint8Array, password: PasswordEncoding): Uint8Array | null {
  const { cipher } = scheme;
  const key = new Uint8Array(pbkdf2Sync(password.utf8, scheme.salt, scheme.iterations, cipher.keyLength, scheme.prf));
  if (cipher.name === 'rc2-cbc') return decryptRc2(key, cipher.effectiveBits, cipher.iv, ciphertext);
  return decryptWithNode(cipher.name, key, cipher.iv, ciphertext);
}

function decryptWithNode(algorithm: string, key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): Uint8Array | null {
  const decipher = createDecipheriv(algorithm, key, iv);
  try {
    return new Uint8Array(Buffer.concat([decipher.update(ciphertext), decipher.final()]));
  } catch (error) {
    // "bad decrypt" (padding) and "wrong final block length" both mean the bytes do not decrypt.
    const code = (error as { code?: string }).code;
    if (code === 'ERR_OSSL_BAD_DECRYPT' || code === 'ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH') return null;
    throw error;
  }
}

function decryptRc2(key: Uint8Array, effectiveBits: number, iv: Uint8Array, ciphertext: Uint8Array): Uint8Array | null {
  if (ciphertext.length === 0 || ciphertext.length % RC2_BLOCK_SIZE !== 0) return null;
  return stripPkcs7Padding(decryptRc2Cbc(key, effectiveBits, iv, ciphertext), RC2_BLOCK_SIZE);
}

/** Removes PKCS#7 padding, or returns null when the last block does not end in valid padding. */
function stripPkcs7Padding(plaintext: Uint8Array, blockSize: number): Uint8Array | null {
  const count = plaintext[plaintext.length - 1];
  if (count < 1 || count > blockSize || count > plaintext.length) return null;
  for (let i = plaintext.length - count; i < plaintext.length; i++) {
    if (plaintext[i] !== count) return null;
  }
  return plaintext.subarray(0, plaintext.length - count);
}

function assertNeverScheme(value: never): never {
  throw new Error(`Unexpected PKCS#12 encryption scheme: ${JSON.stringify(value)}`);
}
