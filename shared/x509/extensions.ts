// Certificate extensions (RFC 5280, section 4.2) that signing and chain building need.
//
//   Extension ::= SEQUENCE {
//     extnID     OBJECT IDENTIFIER,
//     critical   BOOLEAN DEFAULT FALSE,
//     extnValue  OCTET STRING  -- DER of the extension's own type }

import { Asn1Error } from '../asn1/errors.ts';
import {
  type Asn1Node,
  childAt,
  expectSequence,
  hasTag,
  parseAsn1,
  readBitString,
  readBoolean,
  readOctetString,
  readOid,
  readSmallInteger,
} from '../asn1/reader.ts';
import { TAG_BOOLEAN, TAG_INTEGER } from '../asn1/tags.ts';

export interface Extension {
  readonly oid: string;
  readonly critical: boolean;
  /** The DER inside extnValue. */
  readonly value: Uint8Array;
}

export interface BasicConstraints {
  readonly ca: boolean;
  /** pathLenConstraint, when present. */
  readonly pathLength?: number;
}

/** KeyUsage bit names in bit order (RFC 5280, section 4.2.1.3). */
export const KEY_USAGE_NAMES = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;

export type KeyUsage = (typeof KEY_USAGE_NAMES)[number];

/** Parses `Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension`. */
export function parseExtensions(node: Asn1Node, structure: string): Extension[] {
  return expectSequence(node, structure).map((extensionNode, index) => {
    const itemStructure = `${structure}[${index}]`;
    const fields = expectSequence(extensionNode, itemStructure);
    const oid = readOid(childAt(fields, 0, `${itemStructure}.extnID`, extensionNode), `${itemStructure}.extnID`);
    let position = 1;
    let critical = false;
    if (fields[position] && hasTag(fields[position], 'universal', TAG_BOOLEAN)) {
      critical = readBoolean(fields[position], `${itemStructure}.critical`);
      position++;
    }
    const value = readOctetString(childAt(fields, position, `${itemStructure}.extnValue`, extensionNode), `${itemStructure}.extnValue`);
    return { oid, critical, value };
  });
}

/** Parses the extension value as one DER element, naming the extension in errors. */
function parseExtensionValue(extension: Extension, name: string): Asn1Node {
  try {
    return parseAsn1(extension.value);
  } catch (error) {
    if (error instanceof Asn1Error) {
      throw new Asn1Error(error.reason, { structure: `${name} extension`, expected: error.expected, offset: error.offset });
    }
    throw error;
  }
}

/** SubjectKeyIdentifier ::= KeyIdentifier (OCTET STRING). */
export function parseSubjectKeyIdentifier(extension: Extension): Uint8Array {
  return readOctetString(parseExtensionValue(extension, 'subjectKeyIdentifier'), 'subjectKeyIdentifier');
}

/**
 * AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] IMPLICIT OCTET STRING OPTIONAL,
 * authorityCertIssuer [1] OPTIONAL, authorityCertSerialNumber [2] OPTIONAL }.
 * Returns keyIdentifier, or null when the extension names the issuer by name and serial only.
 */
export function parseAuthorityKeyIdentifier(extension: Extension): Uint8Array | null {
  const node = parseExtensionValue(extension, 'authorityKeyIdentifier');
  const keyIdentifier = expectSequence(node, 'authorityKeyIdentifier').find((field) => hasTag(field, 'context', 0));
  if (!keyIdentifier) return null;
  if (keyIdentifier.constructed) {
    throw new Asn1Error('keyIdentifier is constructed', { offset: keyIdentifier.offset, structure: 'authorityKeyIdentifier.keyIdentifier', expected: 'primitive [0]' });
  }
  return keyIdentifier.contents;
}

/** BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER (0..MAX) OPTIONAL }. */
export function parseBasicConstraints(extension: Extension): BasicConstraints {
  const fields = expectSequence(parseExtensionValue(extension, 'basicConstraints'), 'basicConstraints');
  let ca = false;
  let pathLength: number | undefined;
  for (const field of fields) {
    if (hasTag(field, 'universal', TAG_BOOLEAN)) ca = readBoolean(field, 'basicConstraints.cA');
    else if (hasTag(field, 'universal', TAG_INTEGER)) pathLength = readSmallInteger(field, 'basicConstraints.pathLenConstraint');
    else throw new Asn1Error('unexpected field', { offset: field.offset, structure: 'basicConstraints', expected: 'cA BOOLEAN or pathLenConstraint INTEGER' });
  }
  return pathLength === undefined ? { ca } : { ca, pathLength };
}

/** KeyUsage ::= BIT STRING; returns the names of the bits set. */
export function parseKeyUsage(extension: Extension): KeyUsage[] {
  const bits = readBitString(parseExtensionValue(extension, 'keyUsage'), 'keyUsage');
  const usages: KeyUsage[] = [];
  KEY_USAGE_NAMES.forEach((name, bit) => {
    const byte = bits.bytes[bit >> 3] ?? 0;
    if (byte & (0x80 >> (bit & 7))) usages.push(name);
  });
  return usages;
}

/** ExtKeyUsageSyntax ::= SEQUENCE SIZE (1..MAX) OF KeyPurposeId; returns the purpose OIDs. */
export function parseExtendedKeyUsage(extension: Extension): string[] {
  const node = parseExtensionValue(extension, 'extKeyUsage');
  return expectSequence(node, 'extKeyUsage').map((purpose, index) => readOid(purpose, `extKeyUsage[${index}]`));
}
