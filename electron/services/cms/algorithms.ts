// Algorithm tables for the CMS services: digests, signature algorithms and content ciphers,
// mapped between their OIDs and the names Node's crypto module takes.

import {
  OID_AES128_CBC,
  OID_AES192_CBC,
  OID_AES256_CBC,
  OID_DES_EDE3_CBC,
  OID_ECDSA_WITH_SHA1,
  OID_ECDSA_WITH_SHA224,
  OID_ECDSA_WITH_SHA256,
  OID_ECDSA_WITH_SHA384,
  OID_ECDSA_WITH_SHA512,
  OID_SHA1,
  OID_SHA1_WITH_RSA,
  OID_SHA224,
  OID_SHA224_WITH_RSA,
  OID_SHA256,
  OID_SHA256_WITH_RSA,
  OID_SHA384,
  OID_SHA384_WITH_RSA,
  OID_SHA512,
  OID_SHA512_WITH_RSA,
} from '../../../shared/asn1/oids.ts';

/** Digests a signer may choose. SHA-1 is accepted when verifying only. */
export type SigningDigest = 'sha256' | 'sha384' | 'sha512';

/** Digests accepted when verifying, as Node's hash names. */
export type VerifyDigest = 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';

export const SIGNING_DIGESTS: readonly SigningDigest[] = ['sha256', 'sha384', 'sha512'];

const DIGEST_OIDS: Readonly<Record<VerifyDigest, string>> = {
  sha1: OID_SHA1,
  sha224: OID_SHA224,
  sha256: OID_SHA256,
  sha384: OID_SHA384,
  sha512: OID_SHA512,
};

/** Returns the OID of a digest. */
export function digestOid(digest: VerifyDigest): string {
  return DIGEST_OIDS[digest];
}

/** Returns the Node hash name for a digest OID, or undefined when it is not supported. */
export function digestFromOid(oid: string): VerifyDigest | undefined {
  return (Object.keys(DIGEST_OIDS) as VerifyDigest[]).find((digest) => DIGEST_OIDS[digest] === oid);
}

const RSA_SIGNATURE_OIDS: Readonly<Record<VerifyDigest, string>> = {
  sha1: OID_SHA1_WITH_RSA,
  sha224: OID_SHA224_WITH_RSA,
  sha256: OID_SHA256_WITH_RSA,
  sha384: OID_SHA384_WITH_RSA,
  sha512: OID_SHA512_WITH_RSA,
};

const ECDSA_SIGNATURE_OIDS: Readonly<Record<VerifyDigest, string>> = {
  sha1: OID_ECDSA_WITH_SHA1,
  sha224: OID_ECDSA_WITH_SHA224,
  sha256: OID_ECDSA_WITH_SHA256,
  sha384: OID_ECDSA_WITH_SHA384,
  sha512: OID_ECDSA_WITH_SHA512,
};

/** Returns the signature algorithm OID for a key type and digest (`sha256WithRSAEncryption`, `ecdsa-with-SHA256`, ...). */
export function signatureOid(keyType: 'rsa' | 'ec', digest: VerifyDigest): string {
  return keyType === 'rsa' ? RSA_SIGNATURE_OIDS[digest] : ECDSA_SIGNATURE_OIDS[digest];
}

/** Returns the scheme and digest named by a combined signature OID, or undefined for other OIDs. */
export function signatureFromOid(oid: string): { scheme: 'rsa-pkcs1' | 'ecdsa'; digest: VerifyDigest } | undefined {
  for (const digest of Object.keys(DIGEST_OIDS) as VerifyDigest[]) {
    if (RSA_SIGNATURE_OIDS[digest] === oid) return { scheme: 'rsa-pkcs1', digest };
    if (ECDSA_SIGNATURE_OIDS[digest] === oid) return { scheme: 'ecdsa', digest };
  }
  return undefined;
}

/** Content ciphers a caller may choose for EnvelopedData. */
export type ContentCipherName = 'aes-256-cbc' | 'aes-128-cbc' | 'des-ede3-cbc';

export const CONTENT_CIPHERS: readonly ContentCipherName[] = ['aes-256-cbc', 'aes-128-cbc', 'des-ede3-cbc'];

/** AES-256-CBC: the strongest CBC cipher Apple's CMS code is known to decrypt. */
export const DEFAULT_CONTENT_CIPHER: ContentCipherName = 'aes-256-cbc';

export interface ContentCipher {
  /** Node's cipher name. */
  readonly name: string;
  readonly oid: string;
  readonly keyLength: number;
  readonly ivLength: number;
}

/** Ciphers that decrypt: the three that encrypt, plus AES-192-CBC, which other tools may write. */
const CONTENT_CIPHER_TABLE: readonly ContentCipher[] = [
  { name: 'aes-256-cbc', oid: OID_AES256_CBC, keyLength: 32, ivLength: 16 },
  { name: 'aes-192-cbc', oid: OID_AES192_CBC, keyLength: 24, ivLength: 16 },
  { name: 'aes-128-cbc', oid: OID_AES128_CBC, keyLength: 16, ivLength: 16 },
  { name: 'des-ede3-cbc', oid: OID_DES_EDE3_CBC, keyLength: 24, ivLength: 8 },
];

/** Returns the cipher for an encryption choice. */
export function contentCipher(name: ContentCipherName): ContentCipher {
  const cipher = CONTENT_CIPHER_TABLE.find((entry) => entry.name === name);
  if (!cipher) throw new Error(`content cipher table has no entry for ${name}`);
  return cipher;
}

/** Returns the cipher for a content-encryption OID, or undefined when it cannot be decrypted here. */
export function contentCipherFromOid(oid: string): ContentCipher | undefined {
  return CONTENT_CIPHER_TABLE.find((entry) => entry.oid === oid);
}
