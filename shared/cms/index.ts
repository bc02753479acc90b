// Public CMS API for the profile inspector, the services and the CLI.

import { Asn1Error } from '../asn1/errors.ts';
import { parseAsn1Header } from '../asn1/reader.ts';
import { TAG_OID, TAG_SEQUENCE } from '../asn1/tags.ts';
import { derOid } from '../asn1/writer.ts';
import { bytesEqual } from '../asn1/bytes.ts';
import { OID_ENVELOPED_DATA, OID_SHA1, OID_SHA256, OID_SHA384, OID_SHA512, OID_SIGNED_DATA } from '../asn1/oids.ts';
import type { Certificate } from '../x509/certificate.ts';
import { describePublicKeyAlgorithm } from '../x509/public-key.ts';
import { CmsError } from './errors.ts';
import { parseSignedDataContentInfo, type SignedData } from './signed-data.ts';

export { CmsError, type CmsErrorCode } from './errors.ts';
export { parseContentInfo, parseContentInfoOfType, type ContentInfo } from './content-info.ts';
export { parseSignedData, parseSignedDataContentInfo, type SignedData } from './signed-data.ts';
export { parseSignerInfo, type CmsAttribute, type SignerInfo } from './signer-info.ts';
export { parseEnvelopedData, parseEnvelopedDataContentInfo, type EncryptedContentInfo, type EnvelopedData } from './enveloped-data.ts';
export { describeRecipientType, type KeyTransRecipientInfo, type RecipientInfo, type UnsupportedRecipientInfo } from './recipient-info.ts';
export { describeIdentifier, encodeIssuerAndSerialNumber, identifierMatches, type CertificateIdentifier } from './identifier.ts';
export { CMS_PEM_LABELS, decodeCmsArmour, decodePemBlocks, type CmsArmour, type PemBlock } from './pem.ts';

/** DER of the two content-type OIDs, compared against the input without a full parse. */
const SIGNED_DATA_OID_DER = derOid(OID_SIGNED_DATA);
const ENVELOPED_DATA_OID_DER = derOid(OID_ENVELOPED_DATA);

/**
 * True when `bytes` starts like a DER/BER ContentInfo of type signedData or envelopedData:
 * a SEQUENCE whose first element is one of those OIDs, followed by a constructed [0]. Reads
 * only the first few dozen bytes; a truncated file may still pass.
 */
export function isCmsContentInfo(bytes: Uint8Array): boolean {
  try {
    const outer = parseAsn1Header(bytes, 0);
    if (outer.tagClass !== 'universal' || outer.tag !== TAG_SEQUENCE || !outer.constructed) return false;

    const oidOffset = outer.headerLength;
    const oid = parseAsn1Header(bytes, oidOffset);
    if (oid.tagClass !== 'universal' || oid.tag !== TAG_OID || oid.length === null) return false;
    const oidDer = bytes.subarray(oidOffset, oidOffset + oid.headerLength + oid.length);
    if (!bytesEqual(oidDer, SIGNED_DATA_OID_DER) && !bytesEqual(oidDer, ENVELOPED_DATA_OID_DER)) return false;

    const content = parseAsn1Header(bytes, oidOffset + oidDer.length);
    return content.tagClass === 'context' && content.tag === 0 && content.constructed;
  } catch (error) {
    if (error instanceof Asn1Error) return false;
    throw error;
  }
}

/**
 * Parses a CMS SignedData and returns its embedded content. Raises CmsError ('not-cms' or
 * 'unsupported-content-type') when the input is not SignedData and Asn1Error when it is malformed.
 */
export function unwrapSignedData(bytes: Uint8Array): { content: Uint8Array | null; signedData: SignedData } {
  if (!isCmsContentInfo(bytes)) {
    throw new CmsError('not-cms', 'input is not a CMS SignedData or EnvelopedData message (no ContentInfo with a CMS content type at its start)');
  }
  const signedData = parseSignedDataContentInfo(bytes);
  return { content: signedData.content, signedData };
}

/** Certificate facts for display and JSON output. */
export interface CertificateSummary {
  /** RFC 4514 string, `CN=Leaf,O=Example,C=FR`. */
  readonly subject: string;
  readonly issuer: string;
  /** Lower-case hex. */
  readonly serialNumber: string;
  /** ISO-8601, UTC. */
  readonly notBefore: string;
  readonly notAfter: string;
  /** Lower-case hex SHA-256 of the DER certificate. */
  readonly sha256: string;
  /** `RSA 2048`, `EC P-256`, `Ed25519`, or the key algorithm OID. */
  readonly keyType: string;
}

/** Returns the display summary of a certificate. */
export function describeCertificate(certificate: Certificate): CertificateSummary {
  return {
    subject: certificate.subject.display,
    issuer: certificate.issuer.display,
    serialNumber: certificate.serialNumber,
    notBefore: certificate.notBefore.toISOString(),
    notAfter: certificate.notAfter.toISOString(),
    sha256: certificate.sha256,
    keyType: describePublicKeyAlgorithm(certificate.publicKeyAlgorithm),
  };
}

export type DigestAlgorithmName = 'sha1' | 'sha256' | 'sha384' | 'sha512';

const DIGEST_NAMES: ReadonlyMap<string, DigestAlgorithmName> = new Map([
  [OID_SHA1, 'sha1'],
  [OID_SHA256, 'sha256'],
  [OID_SHA384, 'sha384'],
  [OID_SHA512, 'sha512'],
]);

/** Returns the digest name for a digest algorithm OID, or the OID itself when it is not one of the four. */
export function digestAlgorithmName(oid: string): DigestAlgorithmName | string {
  return DIGEST_NAMES.get(oid) ?? oid;
}
