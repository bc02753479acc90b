// SubjectPublicKeyInfo: which kind of key a certificate carries.
//
//   SubjectPublicKeyInfo ::= SEQUENCE {
//     algorithm         AlgorithmIdentifier,
//     subjectPublicKey  BIT STRING }
//   RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }   -- RFC 8017
//   ECParameters ::= CHOICE { namedCurve OBJECT IDENTIFIER, ... }           -- RFC 5480

import { Asn1Error } from '../asn1/errors.ts';
import { type Asn1Node, childAt, expectSequence, hasTag, parseAsn1, readBitString, readIntegerBytes, readOid } from '../asn1/reader.ts';
import { TAG_OID } from '../asn1/tags.ts';
import { OID_EC_PUBLIC_KEY, OID_ED25519, OID_ED448, OID_RSA_ENCRYPTION, OID_RSASSA_PSS, oidName } from '../asn1/oids.ts';
import { parseAlgorithmIdentifier } from './algorithm-identifier.ts';

export type PublicKeyAlgorithm =
  | { readonly kind: 'rsa'; readonly bits: number }
  | { readonly kind: 'ec'; readonly curveOid: string; /** `P-256`, `P-384`, `P-521`, or the curve OID. */ readonly curve: string }
  | { readonly kind: 'ed25519' }
  | { readonly kind: 'ed448' }
  | { readonly kind: 'unknown'; readonly oid: string };

export interface PublicKeyInfo {
  readonly algorithm: PublicKeyAlgorithm;
  /** The SubjectPublicKeyInfo element as encoded (what Node's createPublicKey takes as `spki` DER). */
  readonly raw: Uint8Array;
  /** The subjectPublicKey bits (the key itself). */
  readonly publicKey: Uint8Array;
}

/** Parses a SubjectPublicKeyInfo. */
export function parsePublicKeyInfo(node: Asn1Node, structure: string): PublicKeyInfo {
  const fields = expectSequence(node, structure);
  const algorithmIdentifier = parseAlgorithmIdentifier(childAt(fields, 0, `${structure}.algorithm`, node), `${structure}.algorithm`);
  const publicKey = readBitString(childAt(fields, 1, `${structure}.subjectPublicKey`, node), `${structure}.subjectPublicKey`).bytes;
  return { algorithm: describeAlgorithm(algorithmIdentifier.oid, algorithmIdentifier.parameters, publicKey, structure), raw: node.raw, publicKey };
}

function describeAlgorithm(oid: string, parameters: Asn1Node | null, publicKey: Uint8Array, structure: string): PublicKeyAlgorithm {
  switch (oid) {
    case OID_RSA_ENCRYPTION:
    case OID_RSASSA_PSS:
      return { kind: 'rsa', bits: rsaModulusBits(publicKey, structure) };
    case OID_EC_PUBLIC_KEY: {
      if (!parameters || !hasTag(parameters, 'universal', TAG_OID)) {
        throw new Asn1Error('EC key has no named curve', { offset: parameters?.offset, structure: `${structure}.algorithm.parameters`, expected: 'namedCurve OBJECT IDENTIFIER' });
      }
      const curveOid = readOid(parameters, `${structure}.algorithm.parameters`);
      return { kind: 'ec', curveOid, curve: oidName(curveOid) ?? curveOid };
    }
    case OID_ED25519:
      return { kind: 'ed25519' };
    case OID_ED448:
      return { kind: 'ed448' };
    default:
      return { kind: 'unknown', oid };
  }
}

function rsaModulusBits(publicKey: Uint8Array, structure: string): number {
  const keyNode = parseAsn1(publicKey);
  const modulus = readIntegerBytes(childAt(expectSequence(keyNode, `${structure} RSAPublicKey`), 0, `${structure} RSAPublicKey.modulus`, keyNode));
  let start = 0;
  while (start < modulus.length - 1 && modulus[start] === 0) start++;
  return (modulus.length - start - 1) * 8 + (32 - Math.clz32(modulus[start]));
}

/** Describes a key for people: `RSA 2048`, `EC P-256`, `Ed25519`, or the algorithm OID. */
export function describePublicKeyAlgorithm(algorithm: PublicKeyAlgorithm): string {
  switch (algorithm.kind) {
    case 'rsa':
      return `RSA ${algorithm.bits}`;
    case 'ec':
      return `EC ${algorithm.curve}`;
    case 'ed25519':
      return 'Ed25519';
    case 'ed448':
      return 'Ed448';
    case 'unknown':
      return `unknown key algorithm ${algorithm.oid}`;
    default:
      return assertNeverAlgorithm(algorithm);
  }
}

function assertNeverAlgorithm(value: never): never {
  throw new Error(`Unexpected public key algorithm: ${JSON.stringify(value)}`);
}
