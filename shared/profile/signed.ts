// The signed and encrypted parts of a profile, as facts for inspection. Verification (does
// the signature hold, is the chain trusted) needs crypto and lives in the main-process services.

import { describeOid } from '../asn1/oids.ts';
import {
  CmsError,
  describeCertificate,
  describeIdentifier,
  digestAlgorithmName,
  identifierMatches,
  parseEnvelopedDataContentInfo,
  unwrapSignedData,
  type CertificateSummary,
} from '../cms/index.ts';
import { parseCertificate } from '../x509/certificate.ts';
import { bytesToHex } from '../asn1/bytes.ts';
import { Asn1Error } from '../asn1/errors.ts';

export interface SignatureFacts {
  /** Digest of the first signer (`sha256`, ...), or the OID when it is not a known digest. */
  readonly digestAlgorithm: string;
  /** Certificates of the signers that were found in the certificate set. */
  readonly signers: readonly CertificateSummary[];
  /** Every certificate in the set, in file order. */
  readonly certificates: readonly CertificateSummary[];
  readonly signerCount: number;
}

export interface RecipientFacts {
  readonly idType: 'issuerAndSerialNumber' | 'subjectKeyIdentifier' | 'unsupported';
  readonly issuer?: string;
  readonly serialNumber?: string;
  readonly subjectKeyIdentifier?: string;
  readonly keyEncryptionAlgorithm: string;
  /** Identifier as a sentence, for messages. */
  readonly description: string;
}

export interface EnvelopeFacts {
  readonly contentEncryptionAlgorithm: string;
  readonly recipients: readonly RecipientFacts[];
}

/** Parses a CMS SignedData file and returns its content and signature facts. */
export function unwrapSignedContainer(der: Uint8Array, file?: string): { content: Uint8Array; facts: SignatureFacts; warnings: string[] } {
  const { content, signedData } = unwrapWithPlainErrors(der);
  if (content === null) {
    throw new CmsError('malformed', `${file ? `${file}: ` : ''}the CMS signature is detached: the file contains no signed content to open`);
  }

  const warnings: string[] = [];
  const signers: CertificateSummary[] = [];
  for (const [index, info] of signedData.signerInfos.entries()) {
    const certificate = signedData.certificates.find((candidate) => identifierMatches(info.sid, candidate));
    if (certificate) signers.push(describeCertificate(certificate));
    else warnings.push(`signer ${index + 1} (${describeIdentifier(info.sid)}) has no certificate in the file`);
  }
  if (signedData.signerInfos.length === 0) warnings.push('the CMS SignedData has no signers');

  const firstDigest = signedData.signerInfos[0]?.digestAlgorithm.oid ?? signedData.digestAlgorithms[0]?.oid;
  const facts: SignatureFacts = {
    digestAlgorithm: firstDigest ? digestAlgorithmName(firstDigest) : 'none',
    signers,
    certificates: signedData.certificates.map(describeCertificate),
    signerCount: signedData.signerInfos.length,
  };
  return { content, facts, warnings };
}

/** Runs unwrapSignedData, turning ASN.1 errors into a CmsError that says in plain words what is wrong. */
function unwrapWithPlainErrors(der: Uint8Array): ReturnType<typeof unwrapSignedData> {
  try {
    return unwrapSignedData(der);
  } catch (error) {
    if (!(error instanceof Asn1Error)) throw error;
    const truncated = /runs past the end|ends inside|no end-of-contents|input is empty/.test(error.reason);
    const summary = truncated
      ? 'the signed file is cut short (it ends before the CMS structure does); get a complete copy of it'
      : 'the signed file is damaged: its CMS structure cannot be read';
    throw new CmsError(truncated ? 'truncated' : 'malformed', `${summary} (${error.message})`, { field: error.structure, cause: error });
  }
}

/** Describes a DER certificate for reports. */
export function describeCertificateDer(der: Uint8Array): CertificateSummary {
  return describeCertificate(parseCertificate(der));
}

/** Lists the recipients and the content cipher of a CMS EnvelopedData (`EncryptedPayloadContent`). */
export function describeEnvelope(der: Uint8Array): EnvelopeFacts {
  const envelope = parseEnvelopedDataContentInfo(der);
  const recipients = envelope.recipientInfos.map((info): RecipientFacts => {
    if (info.kind === 'unsupported') {
      return { idType: 'unsupported', keyEncryptionAlgorithm: info.type, description: `a ${info.type} recipient, which this tool cannot decrypt` };
    }
    const algorithm = describeOid(info.keyEncryptionAlgorithm.oid);
    if (info.rid.kind === 'issuerAndSerialNumber') {
      return { idType: info.rid.kind, issuer: info.rid.issuer.display, serialNumber: info.rid.serialNumber, keyEncryptionAlgorithm: algorithm, description: describeIdentifier(info.rid) };
    }
    return { idType: info.rid.kind, subjectKeyIdentifier: bytesToHex(info.rid.keyIdentifier), keyEncryptionAlgorithm: algorithm, description: describeIdentifier(info.rid) };
  });
  return { contentEncryptionAlgorithm: describeOid(envelope.encryptedContentInfo.contentEncryptionAlgorithm.oid), recipients };
}
