// Key pairs for the workbench CA, issued identities and the device simulator.

import { createPublicKey, generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';

import { PkiError } from './errors.ts';

const generate = promisify(generateKeyPair);

export type KeySpec = { readonly type: 'rsa'; readonly bits: number } | { readonly type: 'ec'; readonly curve: 'P-256' | 'P-384' };

export interface KeyPair {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

/**
 * Generates a key pair off the main thread (Node runs generation in its thread pool). RSA keys
 * use exponent 65537. Raises PkiError for an RSA size below 1024 or not a multiple of 8.
 */
export async function generateKeys(spec: KeySpec): Promise<KeyPair> {
  if (spec.type === 'rsa') {
    if (!Number.isInteger(spec.bits) || spec.bits < 1024 || spec.bits > 8192 || spec.bits % 8 !== 0) {
      throw new PkiError('invalid-argument', `RSA key size ${spec.bits} is not supported; use 1024 to 8192 bits in steps of 8, usually 2048`, { field: 'bits' });
    }
    return generate('rsa', { modulusLength: spec.bits, publicExponent: 0x10001 });
  }
  return generate('ec', { namedCurve: spec.curve });
}

/** Returns the DER SubjectPublicKeyInfo of a public key, or of the public half of a private key. */
export function publicKeyInfoDer(key: KeyObject): Uint8Array {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
}
