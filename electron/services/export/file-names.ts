// File names for profiles written one per device certificate.

import { OID_AT_COMMON_NAME } from '../../../shared/asn1/oids.ts';
import { parseCertificate } from '../../../shared/x509/certificate.ts';
import { nameAttributeValue } from '../../../shared/x509/name.ts';

/**
 * Names an output after the certificate's common name and the last 16 hex digits of its serial
 * (`iPad_7-0a1b2c3d.mobileconfig`), adding `-2`, `-3`, ... when `used` already has the name.
 * Characters other than letters, digits, `.`, `_` and `-` become `_`, so the name is safe on
 * every file system.
 */
export function recipientFileName(der: Uint8Array, used: Set<string>): string {
  const certificate = parseCertificate(der);
  const commonName = nameAttributeValue(certificate.subject, OID_AT_COMMON_NAME) ?? 'device';
  const safeName = commonName.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 64) || 'device';
  const base = `${safeName}-${certificate.serialNumber.slice(-16)}`;

  let name = `${base}.mobileconfig`;
  for (let n = 2; used.has(name); n++) name = `${base}-${n}.mobileconfig`;
  used.add(name);
  return name;
}
