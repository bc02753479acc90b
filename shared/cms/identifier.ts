// Identifiers that point at a certificate: SignerIdentifier (RFC 5652, 5.3) and
// RecipientIdentifier (6.2.1) share this CHOICE.
//
//   IssuerAndSerialNumber ::= SEQUENCE { issuer Name, serialNumber CertificateSerialNumber }
//   SignerIdentifier ::= CHOICE {
//     issuerAndSerialNumber IssuerAndSerialNumber,
//     subjectKeyIdentifier  [0] SubjectKeyIdentifier }   -- IMPLICIT OCTET STRING

import { bytesEqual, bytesToHex } from '../asn1/bytes.ts';
import { Asn1Error } from '../asn1/errors.ts';
import { type Asn1Node, childAt, expectSequence, hasTag } from '../asn1/reader.ts';
import { TAG_INTEGER, TAG_OCTET_STRING, TAG_SEQUENCE } from '../asn1/tags.ts';
import { derSequence, derTlv } from '../asn1/writer.ts';
import { concatSegments } from '../asn1/values.ts';
import { type Certificate, formatSerialNumber } from '../x509/certificate.ts';
import { expectNoMoreFields, readStrictIntegerBytes } from './der-checks.ts';
import { type DistinguishedName, parseName } from '../x509/name.ts';

export type CertificateIdentifier =
  | {
      readonly kind: 'issuerAndSerialNumber';
      readonly issuer: DistinguishedName;
      /** Lower-case hex, as Certificate.serialNumber. */
      readonly serialNumber: string;
      readonly serialNumberBytes: Uint8Array;
    }
  | { readonly kind: 'subjectKeyIdentifier'; readonly keyIdentifier: Uint8Array };

/** Parses a SignerIdentifier or RecipientIdentifier. */
export function parseCertificateIdentifier(node: Asn1Node, structure: string): CertificateIdentifier {
  if (hasTag(node, 'universal', TAG_SEQUENCE)) {
    const fields = expectSequence(node, structure);
    const issuer = parseName(childAt(fields, 0, `${structure}.issuer`, node), `${structure}.issuer`);
    const serialNumberBytes = readStrictIntegerBytes(childAt(fields, 1, `${structure}.serialNumber`, node), `${structure}.serialNumber`);
    expectNoMoreFields(fields, 2, structure);
    return { kind: 'issuerAndSerialNumber', issuer, serialNumber: formatSerialNumber(serialNumberBytes), serialNumberBytes };
  }
  if (hasTag(node, 'context', 0)) {
    const keyIdentifier = node.constructed ? concatSegments(node, TAG_OCTET_STRING, `${structure}.subjectKeyIdentifier`) : node.contents;
    return { kind: 'subjectKeyIdentifier', keyIdentifier };
  }
  throw new Asn1Error('unexpected identifier form', { offset: node.offset, structure, expected: 'issuerAndSerialNumber SEQUENCE or subjectKeyIdentifier [0]' });
}

/**
 * True when `id` names `certificate`: issuer name encodings and serial numbers equal, or the
 * key identifier equal to the certificate's subjectKeyIdentifier extension.
 */
export function identifierMatches(id: CertificateIdentifier, certificate: Certificate): boolean {
  switch (id.kind) {
    case 'issuerAndSerialNumber':
      return bytesEqual(id.issuer.raw, certificate.issuerRaw) && id.serialNumber === certificate.serialNumber;
    case 'subjectKeyIdentifier':
      return certificate.subjectKeyIdentifier !== null && bytesEqual(id.keyIdentifier, certificate.subjectKeyIdentifier);
    default:
      return assertNeverIdentifier(id);
  }
}

/** Describes an identifier for messages: `issuer CN=CA, serial 01` or `subject key identifier ab12...`. */
export function describeIdentifier(id: CertificateIdentifier): string {
  switch (id.kind) {
    case 'issuerAndSerialNumber':
      return `issuer ${id.issuer.display || '(empty name)'}, serial ${id.serialNumber}`;
    case 'subjectKeyIdentifier':
      return `subject key identifier ${bytesToHex(id.keyIdentifier)}`;
    default:
      return assertNeverIdentifier(id);
  }
}

/** Encodes the IssuerAndSerialNumber of `certificate`, copying issuer and serial octets as the certificate has them. */
export function encodeIssuerAndSerialNumber(certificate: Certificate): Uint8Array {
  return derSequence(certificate.issuerRaw, derTlv('universal', false, TAG_INTEGER, certificate.serialNumberBytes));
}

function assertNeverIdentifier(value: never): never {
  throw new Error(`Unexpected certificate identifier: ${JSON.stringify(value)}`);
}
