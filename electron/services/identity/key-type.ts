// Naming private keys for people and checking that a key can sign and decrypt profiles.

import type { KeyObject } from 'node:crypto';

import { IdentityError } from './errors.ts';

/** OpenSSL's curve names (what Node reports) to the NIST names used in descriptions. */
const CURVE_NAMES: Readonly<Record<string, string>> = {
  prime256v1: 'P-256',
  secp384r1: 'P-384',
  secp521r1: 'P-521',
};

/** Describes a key as `RSA 2048`, `EC P-256`, `RSA-PSS 2048`, `Ed25519` or Node's type name. */
export function describeKeyObject(key: KeyObject): string {
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return `RSA ${details.modulusLength ?? '?'}`;
    case 'rsa-pss':
      return `RSA-PSS ${details.modulusLength ?? '?'}`;
    case 'ec': {
      const curve = details.namedCurve ?? 'unnamed curve';
      return `EC ${CURVE_NAMES[curve] ?? curve}`;
    }
    case 'ed25519':
      return 'Ed25519';
    case 'ed448':
      return 'Ed448';
    default:
      return key.asymmetricKeyType ?? 'unknown key type';
  }
}

/**
 * Checks that `key` is RSA or EC on P-256, P-384 or P-521: the keys CMS signing (RSA PKCS#1
 * v1.5, ECDSA) and profile decryption (RSA key transport) work with. Raises
 * 'unsupported-algorithm' naming the key type otherwise.
 */
export function checkSupportedKey(key: KeyObject, file: string): void {
  const type = key.asymmetricKeyType;
  if (type === 'rsa') return;
  if (type === 'ec' && CURVE_NAMES[key.asymmetricKeyDetails?.namedCurve ?? ''] !== undefined) return;
  throw new IdentityError(
    'unsupported-algorithm',
    `The private key in ${file} is ${describeKeyObject(key)}; signing and decrypting profiles needs an RSA key or an EC key on P-256, P-384 or P-521.`,
    { file },
  );
}
