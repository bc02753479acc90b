// X.509 v3 certificate creation: the TBSCertificate written with the DER writer and signed
// with the issuer's key (RFC 5280, section 4.1).

import { randomBytes, type KeyObject } from 'node:crypto';

import { derBitString, derExplicit, derInteger, derSequence, derUtcTime } from '../../../shared/asn1/writer.ts';
import { parseCertificate, type Certificate } from '../../../shared/x509/certificate.ts';
import { PkiError } from './errors.ts';
import { signatureScheme, signDer } from './signature.ts';

export interface CertificateTemplate {
  /** The issuer Name as encoded; for a self-signed certificate, the subject. */
  readonly issuerName: Uint8Array;
  readonly subjectName: Uint8Array;
  /** The subject's SubjectPublicKeyInfo, DER. */
  readonly publicKeyInfo: Uint8Array;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** Encoded Extension elements, in the order they are written. */
  readonly extensions: readonly Uint8Array[];
  /** Serial number magnitude; default 16 random octets. */
  readonly serialNumber?: Uint8Array;
}

/** Returns 16 random octets for a serial number: positive, never starting with a zero octet, well within RFC 5280's 20-octet limit. */
export function randomSerialNumber(): Uint8Array {
  const serial = new Uint8Array(randomBytes(16));
  serial[0] = (serial[0] & 0x7f) | 0x40;
  return serial;
}

/** Builds and signs a certificate with `issuerKey`; returns the DER and its parsed form. */
export function buildCertificate(template: CertificateTemplate, issuerKey: KeyObject): { der: Uint8Array; certificate: Certificate } {
  if (!(template.notBefore < template.notAfter)) {
    throw new PkiError('invalid-argument', `the validity ends (${template.notAfter.toISOString()}) before it starts (${template.notBefore.toISOString()})`, { field: 'validity' });
  }
  const scheme = signatureScheme(issuerKey);

  const tbsFields = [
    derExplicit(0, derInteger(2n)),
    derInteger(template.serialNumber ?? randomSerialNumber()),
    scheme.algorithmIdentifier,
    template.issuerName,
    derSequence(derUtcTime(template.notBefore), derUtcTime(template.notAfter)),
    template.subjectName,
    template.publicKeyInfo,
  ];
  if (template.extensions.length > 0) tbsFields.push(derExplicit(3, derSequence(...template.extensions)));
  const tbs = derSequence(...tbsFields);

  const der = derSequence(tbs, scheme.algorithmIdentifier, derBitString(signDer(tbs, issuerKey, scheme)));
  return { der, certificate: parseCertificate(der) };
}
