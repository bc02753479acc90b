// The degenerate certificates-only SignedData (RFC 8894, section 3.4): no content and no
// signers, only a certificate set. SCEP uses it to deliver the issued certificate.

import { concatBytes } from '../../../../shared/asn1/bytes.ts';
import { derExplicit, derInteger, derOid, derSequence, derSet, derTlv } from '../../../../shared/asn1/writer.ts';
import { OID_DATA, OID_SIGNED_DATA } from '../../../../shared/asn1/oids.ts';
import { parseSignedDataContentInfo } from '../../../../shared/cms/signed-data.ts';
import type { Certificate } from '../../../../shared/x509/certificate.ts';

/** Encodes the certificates (DER) as a certificates-only ContentInfo. */
export function buildCertificatesOnly(certificates: readonly Uint8Array[]): Uint8Array {
  const signedData = derSequence(derInteger(1n), derSet(), derSequence(derOid(OID_DATA)), derTlv('context', true, 0, concatBytes(...certificates)), derSet());
  return derSequence(derOid(OID_SIGNED_DATA), derExplicit(0, signedData));
}

/** Returns the certificates of a certificates-only message. Raises Asn1Error or CmsError for another structure. */
export function readCertificatesOnly(der: Uint8Array): readonly Certificate[] {
  return parseSignedDataContentInfo(der).certificates;
}
