// X.501 distinguished names and their RFC 4514 string form.
//
//   Name ::= CHOICE { rdnSequence RDNSequence }
//   RDNSequence ::= SEQUENCE OF RelativeDistinguishedName
//   RelativeDistinguishedName ::= SET SIZE (1..MAX) OF AttributeTypeAndValue
//   AttributeTypeAndValue ::= SEQUENCE { type OBJECT IDENTIFIER, value ANY DEFINED BY type }

import { type Asn1Node, childAt, expectSequence, expectSet, readOid, readString } from '../asn1/reader.ts';
import { Asn1Error } from '../asn1/errors.ts';
import {
  OID_AT_BUSINESS_CATEGORY,
  OID_AT_COMMON_NAME,
  OID_AT_COUNTRY,
  OID_AT_DN_QUALIFIER,
  OID_AT_GENERATION_QUALIFIER,
  OID_AT_GIVEN_NAME,
  OID_AT_INITIALS,
  OID_AT_LOCALITY,
  OID_AT_NAME,
  OID_AT_ORGANIZATION,
  OID_AT_ORGANIZATION_IDENTIFIER,
  OID_AT_ORGANIZATIONAL_UNIT,
  OID_AT_POSTAL_CODE,
  OID_AT_PSEUDONYM,
  OID_AT_SERIAL_NUMBER,
  OID_AT_STATE,
  OID_AT_STREET,
  OID_AT_SURNAME,
  OID_AT_TITLE,
  OID_DOMAIN_COMPONENT,
  OID_EMAIL_ADDRESS,
  OID_USER_ID,
  oidName,
} from '../asn1/oids.ts';
import { bytesToHex } from '../asn1/bytes.ts';

export interface NameAttribute {
  /** Dotted OID of the attribute type. */
  readonly type: string;
  /** Short name such as `CN`, or undefined for a type this module does not name. */
  readonly shortName?: string;
  /** The value as text, or undefined when it is not a character string. */
  readonly value?: string;
  /** The value element as encoded, for types or values that have no text form. */
  readonly valueRaw: Uint8Array;
}

export interface DistinguishedName {
  /** Relative distinguished names in encoded order (most significant, usually C, first). Each contains one or more attributes. */
  readonly rdns: readonly (readonly NameAttribute[])[];
  /** RFC 4514 string: RDNs in reverse order, `CN=Leaf,O=Example,C=FR`. */
  readonly display: string;
  /** The Name element as encoded, for matching issuer against subject. */
  readonly raw: Uint8Array;
}

/** Attribute types printed by short name; the rest print as `OID=#hex` (RFC 4514 sections 2.3 and 2.4). */
const NAMED_ATTRIBUTE_TYPES: ReadonlySet<string> = new Set([
  OID_AT_COMMON_NAME,
  OID_AT_SURNAME,
  OID_AT_SERIAL_NUMBER,
  OID_AT_COUNTRY,
  OID_AT_LOCALITY,
  OID_AT_STATE,
  OID_AT_STREET,
  OID_AT_ORGANIZATION,
  OID_AT_ORGANIZATIONAL_UNIT,
  OID_AT_TITLE,
  OID_AT_BUSINESS_CATEGORY,
  OID_AT_POSTAL_CODE,
  OID_AT_NAME,
  OID_AT_GIVEN_NAME,
  OID_AT_INITIALS,
  OID_AT_GENERATION_QUALIFIER,
  OID_AT_DN_QUALIFIER,
  OID_AT_PSEUDONYM,
  OID_AT_ORGANIZATION_IDENTIFIER,
  OID_DOMAIN_COMPONENT,
  OID_USER_ID,
  OID_EMAIL_ADDRESS,
]);

/** Parses a Name; `structure` names the field in messages (`Certificate.subject`). */
export function parseName(node: Asn1Node, structure: string): DistinguishedName {
  const rdns = expectSequence(node, structure).map((rdnNode, index) => {
    const rdnStructure = `${structure}[${index}]`;
    const members = expectSet(rdnNode, rdnStructure);
    if (members.length === 0) {
      throw new Asn1Error('relative distinguished name is empty', { offset: rdnNode.offset, structure: rdnStructure, expected: 'at least one attribute' });
    }
    return members.map((member) => parseAttribute(member, rdnStructure));
  });
  return { rdns, display: formatRfc4514(rdns), raw: node.raw };
}

function parseAttribute(node: Asn1Node, structure: string): NameAttribute {
  const fields = expectSequence(node, structure);
  const type = readOid(childAt(fields, 0, `${structure}.type`, node), `${structure}.type`);
  const valueNode = childAt(fields, 1, `${structure}.value`, node);
  const shortName = NAMED_ATTRIBUTE_TYPES.has(type) ? oidName(type) : undefined;
  return { type, shortName, value: readTextValue(valueNode), valueRaw: valueNode.raw };
}

/** Returns the text of a string-typed value, or undefined for other types and undecodable strings. */
function readTextValue(node: Asn1Node): string | undefined {
  try {
    return readString(node);
  } catch (error) {
    if (error instanceof Asn1Error) return undefined;
    throw error;
  }
}

/**
 * Formats RDNs as RFC 4514 does: last RDN first, `,` between RDNs and `+` inside one. RFC 4514
 * leaves the order inside a multi-valued RDN open; this reverses it too, as
 * `openssl -nameopt RFC2253` does, so that both print the same string.
 */
export function formatRfc4514(rdns: readonly (readonly NameAttribute[])[]): string {
  return [...rdns]
    .reverse()
    .map((rdn) => [...rdn].reverse().map(formatAttribute).join('+'))
    .join(',');
}

function formatAttribute(attribute: NameAttribute): string {
  if (attribute.shortName !== undefined && attribute.value !== undefined) {
    return `${attribute.shortName}=${escapeValue(attribute.value)}`;
  }
  return `${attribute.shortName ?? attribute.type}=#${bytesToHex(attribute.valueRaw)}`;
}

/** Escapes a value as RFC 4514 section 2.4 requires; other characters, UTF-8 included, stay as they are. */
function escapeValue(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    const special = '"+,;<>\\'.includes(char) || (i === 0 && (char === '#' || char === ' ')) || (i === value.length - 1 && char === ' ');
    if (char === '\0') out += '\\00';
    else if (special) out += `\\${char}`;
    else out += char;
  }
  return out;
}

/** Returns the first value of attribute `type` (such as OID_AT_COMMON_NAME) in the most specific RDN that has one, or undefined. */
export function nameAttributeValue(name: DistinguishedName, type: string): string | undefined {
  for (let i = name.rdns.length - 1; i >= 0; i--) {
    const match = name.rdns[i].find((attribute) => attribute.type === type);
    if (match) return match.value;
  }
  return undefined;
}
