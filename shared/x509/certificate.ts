// X.509 v1/v3 certificates (RFC 5280, section 4.1).
//
//   Certificate ::= SEQUENCE {
//     tbsCertificate      TBSCertificate,
//     signatureAlgorithm  AlgorithmIdentifier,
//     signatureValue      BIT STRING }
//   TBSCertificate ::= SEQUENCE {
//     version          [0] EXPLICIT Version DEFAULT v1,
//     serialNumber         CertificateSerialNumber,
//     signature            AlgorithmIdentifier,
//     issuer               Name,
//     validity             Validity,   -- SEQUENCE { notBefore Time, notAfter Time }
//     subject              Name,
//     subjectPublicKeyInfo SubjectPublicKeyInfo,
//     issuerUniqueID   [1] IMPLICIT UniqueIdentifier OPTIONAL,
//     subjectUniqueID  [2] IMPLICIT UniqueIdentifier OPTIONAL,
//     extensions       [3] EXPLICIT Extensions OPTIONAL }

import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesEqual, bytesToHex } from '../asn1/bytes.ts';
import { Asn1Error } from '../asn1/errors.ts';
import { type Asn1Node, childAt, expectSequence, hasTag, parseAsn1, readBitString, readIntegerBytes, readSmallInteger, readTime, unwrapExplicit } from '../asn1/reader.ts';
import {
  OID_CE_AUTHORITY_KEY_IDENTIFIER,
  OID_CE_BASIC_CONSTRAINTS,
  OID_CE_EXT_KEY_USAGE,
  OID_CE_KEY_USAGE,
  OID_CE_SUBJECT_KEY_IDENTIFIER,
} from '../asn1/oids.ts';
import { type AlgorithmIdentifier, parseAlgorithmIdentifier } from './algorithm-identifier.ts';
import {
  type BasicConstraints,
  type Extension,
  type KeyUsage,
  parseAuthorityKeyIdentifier,
  parseBasicConstraints,
  parseExtendedKeyUsage,
  parseExtensions,
  parseKeyUsage,
  parseSubjectKeyIdentifier,
} from './extensions.ts';
import { type DistinguishedName, parseName } from './name.ts';
import { type PublicKeyAlgorithm, parsePublicKeyInfo } from './public-key.ts';

export interface Certificate {
  /** The whole certificate as encoded. */
  readonly raw: Uint8Array;
  /** The TBSCertificate element as encoded: what the issuer signed. */
  readonly tbsRaw: Uint8Array;
  /** 1, 2 or 3. */
  readonly version: number;
  /** Lower-case hex of the serial number, as `openssl x509 -serial` prints it (lower-cased); `-` prefix when negative. */
  readonly serialNumber: string;
  /** Content octets of the serialNumber INTEGER as encoded, for writing IssuerAndSerialNumber. */
  readonly serialNumberBytes: Uint8Array;
  readonly issuer: DistinguishedName;
  readonly subject: DistinguishedName;
  /** The issuer Name as encoded. */
  readonly issuerRaw: Uint8Array;
  /** The subject Name as encoded. */
  readonly subjectRaw: Uint8Array;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly publicKeyAlgorithm: PublicKeyAlgorithm;
  /** The SubjectPublicKeyInfo as encoded. */
  readonly publicKeyInfoRaw: Uint8Array;
  readonly subjectKeyIdentifier: Uint8Array | null;
  /** keyIdentifier of the authorityKeyIdentifier extension. */
  readonly authorityKeyIdentifier: Uint8Array | null;
  readonly basicConstraints: BasicConstraints | null;
  /** Bits set in the keyUsage extension, or null when it is absent (any usage). */
  readonly keyUsage: readonly KeyUsage[] | null;
  /** Purpose OIDs of the extKeyUsage extension, or null when it is absent. */
  readonly extendedKeyUsage: readonly string[] | null;
  readonly extensions: readonly Extension[];
  /** The outer signatureAlgorithm. */
  readonly signatureAlgorithm: AlgorithmIdentifier;
  readonly signatureValue: Uint8Array;
  /** Lower-case hex SHA-1 of `raw`. */
  readonly sha1: string;
  /** Lower-case hex SHA-256 of `raw`. */
  readonly sha256: string;
  /** True when issuer and subject are the same name (byte-equal encodings); self-signed roots are self-issued. */
  readonly isSelfIssued: boolean;
}

/** Parses a DER certificate. Raises Asn1Error naming the field for malformed input. */
export function parseCertificate(der: Uint8Array): Certificate {
  return parseCertificateNode(parseAsn1(der));
}

/** Parses a certificate from an already parsed element, such as an entry of a CMS certificate set. */
export function parseCertificateNode(node: Asn1Node): Certificate {
  const outer = expectSequence(node, 'Certificate');
  const tbsNode = childAt(outer, 0, 'Certificate.tbsCertificate', node);
  const signatureAlgorithm = parseAlgorithmIdentifier(childAt(outer, 1, 'Certificate.signatureAlgorithm', node), 'Certificate.signatureAlgorithm');
  const signatureValue = readBitString(childAt(outer, 2, 'Certificate.signatureValue', node), 'Certificate.signatureValue').bytes;

  // Version is optional and defaults to v1; every later field shifts by one when it is present.
  const tbs = expectSequence(tbsNode, 'TBSCertificate');
  let index = 0;
  let version = 1;
  if (tbs[0] && hasTag(tbs[0], 'context', 0)) {
    version = readSmallInteger(unwrapExplicit(tbs[0], 0, 'TBSCertificate.version'), 'TBSCertificate.version', 0, 2) + 1;
    index = 1;
  }

  const field = (offset: number, name: string): Asn1Node => childAt(tbs, index + offset, `TBSCertificate.${name}`, tbsNode);
  const serialNumberBytes = readIntegerBytes(field(0, 'serialNumber'), 'TBSCertificate.serialNumber');
  const issuer = parseName(field(2, 'issuer'), 'TBSCertificate.issuer');
  const validity = expectSequence(field(3, 'validity'), 'TBSCertificate.validity');
  const notBefore = readTime(childAt(validity, 0, 'Validity.notBefore'), 'Validity.notBefore');
  const notAfter = readTime(childAt(validity, 1, 'Validity.notAfter'), 'Validity.notAfter');
  const subject = parseName(field(4, 'subject'), 'TBSCertificate.subject');
  const publicKeyInfo = parsePublicKeyInfo(field(5, 'subjectPublicKeyInfo'), 'TBSCertificate.subjectPublicKeyInfo');

  // Optional unique identifiers [1], [2], then extensions [3].
  const extensionsNode = tbs.slice(index + 6).find((optional) => hasTag(optional, 'context', 3));
  const extensions = extensionsNode ? parseExtensions(unwrapExplicit(extensionsNode, 3, 'TBSCertificate.extensions'), 'TBSCertificate.extensions') : [];
  const find = (oid: string): Extension | undefined => extensions.find((extension) => extension.oid === oid);
  const skiExtension = find(OID_CE_SUBJECT_KEY_IDENTIFIER);
  const akiExtension = find(OID_CE_AUTHORITY_KEY_IDENTIFIER);
  const bcExtension = find(OID_CE_BASIC_CONSTRAINTS);
  const kuExtension = find(OID_CE_KEY_USAGE);
  const ekuExtension = find(OID_CE_EXT_KEY_USAGE);
  let sha1Hex: string | undefined;
  let sha256Hex: string | undefined;

  return {
    raw: node.raw,
    tbsRaw: tbsNode.raw,
    version,
    serialNumber: formatSerialNumber(serialNumberBytes),
    serialNumberBytes,
    issuer,
    subject,
    issuerRaw: issuer.raw,
    subjectRaw: subject.raw,
    notBefore,
    notAfter,
    publicKeyAlgorithm: publicKeyInfo.algorithm,
    publicKeyInfoRaw: publicKeyInfo.raw,
    subjectKeyIdentifier: skiExtension ? parseSubjectKeyIdentifier(skiExtension) : null,
    authorityKeyIdentifier: akiExtension ? parseAuthorityKeyIdentifier(akiExtension) : null,
    basicConstraints: bcExtension ? parseBasicConstraints(bcExtension) : null,
    keyUsage: kuExtension ? parseKeyUsage(kuExtension) : null,
    extendedKeyUsage: ekuExtension ? parseExtendedKeyUsage(ekuExtension) : null,
    extensions,
    signatureAlgorithm,
    signatureValue,
    // Computed on first read, because hashing in JavaScript is slow in a fresh process (both
    // fingerprints of one certificate took 1.5 to 2 ms in the CLI), and sign and verify read no SHA-1.
    get sha1(): string {
      sha1Hex ??= bytesToHex(sha1(node.raw));
      return sha1Hex;
    },
    get sha256(): string {
      sha256Hex ??= bytesToHex(sha256(node.raw));
      return sha256Hex;
    },
    isSelfIssued: bytesEqual(issuer.raw, subject.raw),
  };
}

/**
 * Formats INTEGER content octets as openssl prints a serial: the magnitude in hex, whole
 * octets, no sign padding octet, `-` in front of a negative value.
 */
export function formatSerialNumber(contents: Uint8Array): string {
  if (contents.length === 0) throw new Asn1Error('serial number is empty', { structure: 'TBSCertificate.serialNumber' });
  const negative = (contents[0] & 0x80) !== 0;
  let magnitude = contents;
  if (negative) {
    // Two's complement negation, octet by octet from the right.
    const out = new Uint8Array(contents.length);
    let carry = 1;
    for (let i = contents.length - 1; i >= 0; i--) {
      const sum = (~contents[i] & 0xff) + carry;
      out[i] = sum & 0xff;
      carry = sum >> 8;
    }
    magnitude = out;
  }
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start++;
  return (negative ? '-' : '') + bytesToHex(magnitude.subarray(start));
}
