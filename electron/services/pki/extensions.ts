// Encoders for the X.509 v3 extensions the workbench CA writes (RFC 5280, section 4.2).

import { createHash } from 'node:crypto';

import { derBitString, derBoolean, derIa5String, derImplicit, derInteger, derOctetString, derOid, derSequence, derTlv } from '../../../shared/asn1/writer.ts';
import { parseAsn1, readBitString, expectSequence, childAt } from '../../../shared/asn1/reader.ts';
import {
  OID_CE_AUTHORITY_KEY_IDENTIFIER,
  OID_CE_BASIC_CONSTRAINTS,
  OID_CE_EXT_KEY_USAGE,
  OID_CE_KEY_USAGE,
  OID_CE_SUBJECT_ALT_NAME,
  OID_CE_SUBJECT_KEY_IDENTIFIER,
} from '../../../shared/asn1/oids.ts';
import { KEY_USAGE_NAMES, type KeyUsage } from '../../../shared/x509/extensions.ts';

/** Encodes `Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }`. */
export function encodeExtension(oid: string, critical: boolean, value: Uint8Array): Uint8Array {
  return critical ? derSequence(derOid(oid), derBoolean(true), derOctetString(value)) : derSequence(derOid(oid), derOctetString(value));
}

/** basicConstraints, critical: cA and an optional pathLenConstraint. */
export function basicConstraints(ca: boolean, pathLength?: number): Uint8Array {
  const fields: Uint8Array[] = [];
  if (ca) fields.push(derBoolean(true));
  if (ca && pathLength !== undefined) fields.push(derInteger(BigInt(pathLength)));
  return encodeExtension(OID_CE_BASIC_CONSTRAINTS, true, derSequence(...fields));
}

/** keyUsage, critical. DER drops trailing zero bits from the BIT STRING (X.690 11.2.2). */
export function keyUsage(usages: readonly KeyUsage[]): Uint8Array {
  const bits = usages.map((usage) => KEY_USAGE_NAMES.indexOf(usage));
  const highest = Math.max(...bits);
  const bytes = new Uint8Array(Math.floor(highest / 8) + 1);
  for (const bit of bits) bytes[bit >> 3] |= 0x80 >> (bit & 7);
  const unusedBits = 7 - (highest % 8);
  return encodeExtension(OID_CE_KEY_USAGE, true, derBitString(bytes, unusedBits));
}

/** extKeyUsage, not critical, with the purpose OIDs given. */
export function extendedKeyUsage(purposes: readonly string[]): Uint8Array {
  return encodeExtension(OID_CE_EXT_KEY_USAGE, false, derSequence(...purposes.map(derOid)));
}

/** Returns the key identifier of RFC 5280 section 4.2.1.2, method 1: SHA-1 of the subjectPublicKey bits. */
export function keyIdentifier(publicKeyInfo: Uint8Array): Uint8Array {
  const node = parseAsn1(publicKeyInfo);
  const fields = expectSequence(node, 'SubjectPublicKeyInfo');
  const bits = readBitString(childAt(fields, 1, 'SubjectPublicKeyInfo.subjectPublicKey', node), 'SubjectPublicKeyInfo.subjectPublicKey');
  return new Uint8Array(createHash('sha1').update(bits.bytes).digest());
}

/** subjectKeyIdentifier, not critical. */
export function subjectKeyIdentifier(identifier: Uint8Array): Uint8Array {
  return encodeExtension(OID_CE_SUBJECT_KEY_IDENTIFIER, false, derOctetString(identifier));
}

/** authorityKeyIdentifier with keyIdentifier [0] only, not critical. */
export function authorityKeyIdentifier(identifier: Uint8Array): Uint8Array {
  return encodeExtension(OID_CE_AUTHORITY_KEY_IDENTIFIER, false, derSequence(derTlv('context', false, 0, identifier)));
}

export interface AlternativeNames {
  readonly email?: readonly string[];
  readonly dns?: readonly string[];
  readonly uri?: readonly string[];
}

/** subjectAltName, not critical: rfc822Name [1], dNSName [2] and uniformResourceIdentifier [6], each an IMPLICIT IA5String. */
export function subjectAltName(names: AlternativeNames): Uint8Array {
  const general = [
    ...(names.email ?? []).map((name) => derImplicit(1, derIa5String(name))),
    ...(names.dns ?? []).map((name) => derImplicit(2, derIa5String(name))),
    ...(names.uri ?? []).map((name) => derImplicit(6, derIa5String(name))),
  ];
  return encodeExtension(OID_CE_SUBJECT_ALT_NAME, false, derSequence(...general));
}
