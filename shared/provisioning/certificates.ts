// The developer certificates of a provisioning profile: who may sign the app.

import { Asn1Error } from '../asn1/errors.ts';
import { OID_AT_COMMON_NAME, OID_AT_ORGANIZATIONAL_UNIT } from '../asn1/oids.ts';
import type { PlistValue } from '../plist/model.ts';
import type { DistinguishedName } from '../x509/name.ts';
import { parseCertificate, type Certificate } from '../x509/certificate.ts';
import { certificateHasExpired, daysUntil } from './expiry.ts';
import { KEY_DEVELOPER_CERTIFICATES } from './keys.ts';
import type { DeveloperCertificateFacts } from './model.ts';

/**
 * Describes each certificate of a `DeveloperCertificates` array at `now`. An item that is not
 * data or not a readable DER certificate is left out and named in `warnings`.
 */
export function describeDeveloperCertificates(items: readonly PlistValue[], now: number, warnings: string[]): DeveloperCertificateFacts[] {
  const facts: DeveloperCertificateFacts[] = [];
  for (const [index, item] of items.entries()) {
    const where = `${KEY_DEVELOPER_CERTIFICATES}[${index}]`;
    if (item.kind !== 'data') {
      warnings.push(`${where} is ${item.kind}, not data; it was skipped`);
      continue;
    }

    let certificate: Certificate;
    try {
      certificate = parseCertificate(item.value);
    } catch (error) {
      if (!(error instanceof Asn1Error)) throw error;
      warnings.push(`${where} is not a readable X.509 certificate (${error.message}); it was skipped`);
      continue;
    }
    facts.push(describeDeveloperCertificate(certificate, index, now));
  }
  return facts;
}

export function describeDeveloperCertificate(certificate: Certificate, index: number, now: number): DeveloperCertificateFacts {
  const notAfter = certificate.notAfter.getTime();
  return {
    index,
    subject: certificate.subject.display,
    commonName: firstAttribute(certificate.subject, OID_AT_COMMON_NAME),
    team: firstAttribute(certificate.subject, OID_AT_ORGANIZATIONAL_UNIT),
    issuer: certificate.issuer.display,
    serialNumber: certificate.serialNumber,
    notBefore: certificate.notBefore.toISOString(),
    notAfter: certificate.notAfter.toISOString(),
    sha1: certificate.sha1,
    sha256: certificate.sha256,
    expired: certificateHasExpired(notAfter, now),
    daysLeft: daysUntil(notAfter, now),
  };
}

function firstAttribute(name: DistinguishedName, type: string): string | undefined {
  for (const rdn of name.rdns) {
    const attribute = rdn.find((candidate) => candidate.type === type);
    if (attribute?.value !== undefined) return attribute.value;
  }
  return undefined;
}
