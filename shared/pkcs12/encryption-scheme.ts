// Password-based encryption AlgorithmIdentifiers found in PKCS#12 files, read into plain
// descriptions that a decryptor can act on.
//
//   pkcs-12PbeParams ::= SEQUENCE { salt OCTET STRING, iterations INTEGER }          (RFC 7292)
//   PBES2-params ::= SEQUENCE { keyDerivationFunc AlgorithmIdentifier,
//                               encryptionScheme AlgorithmIdentifier }               (RFC 8018)
//   PBKDF2-params ::= SEQUENCE { salt CHOICE { specified OCTET STRING, otherSource AlgorithmIdentifier },
//                                iterationCount INTEGER, keyLength INTEGER OPTIONAL,
//                                prf AlgorithmIdentifier DEFAULT hmacWithSHA1 }
//   RC2-CBC-Parameter ::= SEQUENCE { rc2ParameterVersion INTEGER OPTIONAL, iv OCTET STRING }

import { childAt, expectSequence, hasTag, readOctetString, readOid, readSmallInteger } from '../asn1/values.ts';
import type { Asn1Node } from '../asn1/reader.ts';
import { TAG_INTEGER, TAG_NULL, TAG_OCTET_STRING, TAG_SEQUENCE } from '../asn1/tags.ts';
import {
  OID_AES128_CBC,
  OID_AES192_CBC,
  OID_AES256_CBC,
  OID_DES_EDE3_CBC,
  OID_HMAC_SHA1,
  OID_HMAC_SHA224,
  OID_HMAC_SHA256,
  OID_HMAC_SHA384,
  OID_HMAC_SHA512,
  OID_PBE_SHA1_2DES,
  OID_PBE_SHA1_3DES,
  OID_PBE_SHA1_RC2_128,
  OID_PBE_SHA1_RC2_40,
  OID_PBES2,
  OID_PBKDF2,
  OID_RC2_CBC,
  describeOid,
} from '../asn1/oids.ts';
import { Pkcs12Error } from './errors.ts';
import type { Pkcs12HashName } from './kdf.ts';
import { rc2EffectiveBitsFromVersion } from './rc2.ts';

/**
 * Largest iteration count accepted for the PKCS#12 KDF, PBKDF2 and the MAC. OpenSSL 3 writes
 * 2048 by default. One iteration of the KDF costs about 1.5 to 2.5 µs (measured with Node 20
 * on a 2-core AMD EPYC), so one derivation at this bound takes a few seconds at most.
 */
export const MAX_ITERATIONS = 1_000_000;

/** Ciphers of the PKCS#12 PBE schemes, all keyed and IV'd by the PKCS#12 KDF with SHA-1. */
export type Pkcs12PbeCipher = 'des-ede3-cbc' | 'des-ede-cbc' | 'rc2-128-cbc' | 'rc2-40-cbc';

/** A pkcs-12PbeIds scheme such as pbeWithSHAAnd3-KeyTripleDES-CBC. */
export interface Pkcs12PbeScheme {
  readonly kind: 'pkcs12-pbe';
  readonly oid: string;
  readonly cipher: Pkcs12PbeCipher;
  readonly salt: Uint8Array;
  readonly iterations: number;
}

/** The content cipher of a PBES2 scheme, with its IV and key length in bytes. */
export type Pbes2Cipher =
  | { readonly name: 'aes-128-cbc' | 'aes-192-cbc' | 'aes-256-cbc' | 'des-ede3-cbc'; readonly iv: Uint8Array; readonly keyLength: number }
  | { readonly name: 'rc2-cbc'; readonly iv: Uint8Array; readonly keyLength: number; readonly effectiveBits: number };

/** PBES2 with PBKDF2, as OpenSSL 3 writes by default (hmacWithSHA256 and AES-256-CBC). */
export interface Pbes2Scheme {
  readonly kind: 'pbes2';
  readonly prf: Pkcs12HashName;
  readonly salt: Uint8Array;
  readonly iterations: number;
  readonly cipher: Pbes2Cipher;
}

export type PasswordEncryptionScheme = Pkcs12PbeScheme | Pbes2Scheme;

const PKCS12_PBE_CIPHERS: ReadonlyMap<string, Pkcs12PbeCipher> = new Map([
  [OID_PBE_SHA1_3DES, 'des-ede3-cbc'],
  [OID_PBE_SHA1_2DES, 'des-ede-cbc'],
  [OID_PBE_SHA1_RC2_128, 'rc2-128-cbc'],
  [OID_PBE_SHA1_RC2_40, 'rc2-40-cbc'],
]);

const PBKDF2_PRFS: ReadonlyMap<string, Pkcs12HashName> = new Map([
  [OID_HMAC_SHA1, 'sha1'],
  [OID_HMAC_SHA224, 'sha224'],
  [OID_HMAC_SHA256, 'sha256'],
  [OID_HMAC_SHA384, 'sha384'],
  [OID_HMAC_SHA512, 'sha512'],
]);

const FIXED_KEY_CIPHERS: ReadonlyMap<string, { name: 'aes-128-cbc' | 'aes-192-cbc' | 'aes-256-cbc' | 'des-ede3-cbc'; keyLength: number; ivLength: number }> = new Map([
  [OID_AES128_CBC, { name: 'aes-128-cbc', keyLength: 16, ivLength: 16 }],
  [OID_AES192_CBC, { name: 'aes-192-cbc', keyLength: 24, ivLength: 16 }],
  [OID_AES256_CBC, { name: 'aes-256-cbc', keyLength: 32, ivLength: 16 }],
  [OID_DES_EDE3_CBC, { name: 'des-ede3-cbc', keyLength: 24, ivLength: 8 }],
] as const);

/**
 * Reads an encryption AlgorithmIdentifier of a PKCS#12 file. Raises Pkcs12Error with code
 * 'unsupported-algorithm' and the OID for schemes not listed in the types above (RC4, PBES1
 * DES, scrypt, ...), and Asn1Error or Pkcs12Error 'malformed' for bad parameters.
 */
export function parseEncryptionScheme(node: Asn1Node, structure: string): PasswordEncryptionScheme {
  const fields = expectSequence(node, structure);
  const oid = readOid(childAt(fields, 0, `${structure}.algorithm`, node), `${structure}.algorithm`);
  const parameters = fields[1];

  const pbeCipher = PKCS12_PBE_CIPHERS.get(oid);
  if (pbeCipher !== undefined) {
    const params = expectSequence(requireParameters(parameters, oid, structure), `${structure}.parameters`);
    const salt = readOctetString(childAt(params, 0, `${structure}.parameters.salt`), `${structure}.parameters.salt`);
    const iterations = readIterations(childAt(params, 1, `${structure}.parameters.iterations`), `${structure}.parameters.iterations`);
    return { kind: 'pkcs12-pbe', oid, cipher: pbeCipher, salt, iterations };
  }

  if (oid === OID_PBES2) return parsePbes2(requireParameters(parameters, oid, structure), `${structure}.parameters`);

  throw unsupported(oid, structure, 'encryption scheme');
}

/** Reads an iteration count and checks it against MAX_ITERATIONS. */
export function readIterations(node: Asn1Node, structure: string): number {
  const iterations = readSmallInteger(node, structure, 1);
  if (iterations > MAX_ITERATIONS) {
    throw new Pkcs12Error('limit-exceeded', `iteration count ${iterations} is above the limit of ${MAX_ITERATIONS}`, { structure });
  }
  return iterations;
}

function parsePbes2(node: Asn1Node, structure: string): Pbes2Scheme {
  const fields = expectSequence(node, structure);

  // Key derivation: only PBKDF2 is defined for PBES2 in RFC 8018 (scrypt comes from RFC 7914).
  const kdf = expectSequence(childAt(fields, 0, `${structure}.keyDerivationFunc`, node), `${structure}.keyDerivationFunc`);
  const kdfOid = readOid(childAt(kdf, 0, `${structure}.keyDerivationFunc.algorithm`), `${structure}.keyDerivationFunc.algorithm`);
  if (kdfOid !== OID_PBKDF2) throw unsupported(kdfOid, `${structure}.keyDerivationFunc`, 'key derivation function');
  const kdfStructure = `${structure}.keyDerivationFunc.parameters`;
  const kdfParams = expectSequence(childAt(kdf, 1, kdfStructure), kdfStructure);

  const saltNode = childAt(kdfParams, 0, `${kdfStructure}.salt`);
  if (!hasTag(saltNode, 'universal', TAG_OCTET_STRING)) {
    throw new Pkcs12Error('unsupported-algorithm', 'PBKDF2 salt is not a specified OCTET STRING (the otherSource form is not supported)', { structure: `${kdfStructure}.salt` });
  }
  const salt = readOctetString(saltNode, `${kdfStructure}.salt`);
  const iterations = readIterations(childAt(kdfParams, 1, `${kdfStructure}.iterationCount`), `${kdfStructure}.iterationCount`);

  // keyLength and prf are both optional, so tell them apart by tag.
  let keyLength: number | undefined;
  let prf: Pkcs12HashName = 'sha1';
  for (const optional of kdfParams.slice(2)) {
    if (hasTag(optional, 'universal', TAG_INTEGER)) {
      keyLength = readSmallInteger(optional, `${kdfStructure}.keyLength`, 1, 256);
    } else if (hasTag(optional, 'universal', TAG_SEQUENCE)) {
      const prfFields = expectSequence(optional, `${kdfStructure}.prf`);
      const prfOid = readOid(childAt(prfFields, 0, `${kdfStructure}.prf.algorithm`), `${kdfStructure}.prf.algorithm`);
      const hash = PBKDF2_PRFS.get(prfOid);
      if (hash === undefined) throw unsupported(prfOid, `${kdfStructure}.prf`, 'PBKDF2 pseudo-random function');
      prf = hash;
    } else {
      throw new Pkcs12Error('malformed', 'unexpected field after iterationCount', { structure: kdfStructure });
    }
  }

  const cipher = parsePbes2Cipher(childAt(fields, 1, `${structure}.encryptionScheme`, node), `${structure}.encryptionScheme`, keyLength);
  return { kind: 'pbes2', prf, salt, iterations, cipher };
}

function parsePbes2Cipher(node: Asn1Node, structure: string, kdfKeyLength: number | undefined): Pbes2Cipher {
  const fields = expectSequence(node, structure);
  const oid = readOid(childAt(fields, 0, `${structure}.algorithm`, node), `${structure}.algorithm`);
  const parameters = requireParameters(fields[1], oid, structure);

  const fixed = FIXED_KEY_CIPHERS.get(oid);
  if (fixed !== undefined) {
    const iv = readOctetString(parameters, `${structure}.parameters`);
    checkLength(iv.length, fixed.ivLength, 'IV', `${structure}.parameters`);
    if (kdfKeyLength !== undefined) checkLength(kdfKeyLength, fixed.keyLength, 'PBKDF2 keyLength', structure);
    return { name: fixed.name, iv, keyLength: fixed.keyLength };
  }

  if (oid === OID_RC2_CBC) {
    // An absent rc2ParameterVersion means 32 effective bits (RFC 2268 section 6).
    const params = expectSequence(parameters, `${structure}.parameters`);
    let effectiveBits = 32;
    let ivNode = childAt(params, 0, `${structure}.parameters.iv`);
    if (hasTag(ivNode, 'universal', TAG_INTEGER)) {
      const version = readSmallInteger(ivNode, `${structure}.parameters.rc2ParameterVersion`);
      const bits = rc2EffectiveBitsFromVersion(version);
      if (bits === null) throw new Pkcs12Error('malformed', `RC2 parameter version ${version} is not defined`, { structure: `${structure}.parameters` });
      effectiveBits = bits;
      ivNode = childAt(params, 1, `${structure}.parameters.iv`);
    }
    const iv = readOctetString(ivNode, `${structure}.parameters.iv`);
    checkLength(iv.length, 8, 'IV', `${structure}.parameters.iv`);
    // RC2 takes any key length, so PBKDF2 states it. Without keyLength, the effective length is the best guess.
    const keyLength = kdfKeyLength ?? Math.ceil(effectiveBits / 8);
    return { name: 'rc2-cbc', iv, keyLength, effectiveBits };
  }

  throw unsupported(oid, structure, 'PBES2 cipher');
}

function requireParameters(parameters: Asn1Node | undefined, oid: string, structure: string): Asn1Node {
  if (parameters === undefined || hasTag(parameters, 'universal', TAG_NULL)) {
    throw new Pkcs12Error('malformed', `${describeOid(oid)} has no parameters`, { structure: `${structure}.parameters` });
  }
  return parameters;
}

function checkLength(actual: number, expected: number, fieldName: string, structure: string): void {
  if (actual !== expected) throw new Pkcs12Error('malformed', `${fieldName} is ${actual} bytes, expected ${expected}`, { structure });
}

function unsupported(oid: string, structure: string, kind: string): Pkcs12Error {
  return new Pkcs12Error('unsupported-algorithm', `${kind} ${describeOid(oid)} is not supported`, { structure, oid });
}
