// SignedData (RFC 5652, section 5).
//
//   SignedData ::= SEQUENCE {
//     version           CMSVersion,
//     digestAlgorithms  DigestAlgorithmIdentifiers,        -- SET OF AlgorithmIdentifier
//     encapContentInfo  EncapsulatedContentInfo,
//     certificates      [0] IMPLICIT CertificateSet OPTIONAL,
//     crls              [1] IMPLICIT RevocationInfoChoices OPTIONAL,
//     signerInfos       SignerInfos }                      -- SET OF SignerInfo
//   EncapsulatedContentInfo ::= SEQUENCE {
//     eContentType  ContentType,
//     eContent      [0] EXPLICIT OCTET STRING OPTIONAL }   -- primitive, or constructed in BER
//   CertificateChoices ::= CHOICE {
//     certificate Certificate,                             -- the only kind read here
//     extendedCertificate [0], v1AttrCert [1], v2AttrCert [2], other [3] }

import { Asn1Error } from '../asn1/errors.ts';
import { type Asn1Node, childAt, describeNode, expectSequence, expectSet, hasTag, readOctetString, readOid, unwrapExplicit } from '../asn1/reader.ts';
import { TAG_SEQUENCE } from '../asn1/tags.ts';
import { OID_SIGNED_DATA } from '../asn1/oids.ts';
import { type AlgorithmIdentifier, parseAlgorithmIdentifier } from '../x509/algorithm-identifier.ts';
import { type Certificate, parseCertificateNode } from '../x509/certificate.ts';
import { parseContentInfoOfType } from './content-info.ts';
import { checkAlgorithmParameters, expectNoMoreFields, readCmsVersion } from './der-checks.ts';
import { parseSignerInfo, type SignerInfo } from './signer-info.ts';

export interface SignedData {
  readonly version: number;
  readonly digestAlgorithms: readonly AlgorithmIdentifier[];
  /** eContentType, `id-data` for profiles. */
  readonly contentType: string;
  /** The encapsulated content (segments joined), or null for a detached signature. */
  readonly content: Uint8Array | null;
  /** X.509 certificates in the certificate set, in file order. */
  readonly certificates: readonly Certificate[];
  /** Number of certificate-set entries of other kinds (attribute certificates and the like), which are skipped. */
  readonly otherCertificateCount: number;
  /** Number of CRLs and other revocation entries; they are not read. */
  readonly crlCount: number;
  readonly signerInfos: readonly SignerInfo[];
  /** True when any element of the SignedData used the BER indefinite length form. */
  readonly indefiniteLength: boolean;
}

/** Parses a ContentInfo holding SignedData. Raises CmsError for another content type, Asn1Error for malformed input. */
export function parseSignedDataContentInfo(input: Uint8Array | Asn1Node): SignedData {
  return parseSignedData(parseContentInfoOfType(input, OID_SIGNED_DATA).content);
}

/** Parses the SignedData element (the content of its ContentInfo). */
export function parseSignedData(node: Asn1Node): SignedData {
  const fields = expectSequence(node, 'SignedData');
  const field = (index: number, name: string): Asn1Node => childAt(fields, index, `SignedData.${name}`, node);

  const version = readCmsVersion(field(0, 'version'), 'SignedData.version');
  const digestAlgorithms = expectSet(field(1, 'digestAlgorithms'), 'SignedData.digestAlgorithms').map((node, index) => {
    const algorithm = parseAlgorithmIdentifier(node, `SignedData.digestAlgorithms[${index}]`);
    checkAlgorithmParameters(algorithm, `SignedData.digestAlgorithms[${index}]`);
    return algorithm;
  });
  const encapsulated = parseEncapsulatedContentInfo(field(2, 'encapContentInfo'));

  // Optional [0] certificates and [1] crls sit between encapContentInfo and signerInfos.
  let index = 3;
  let certificates: Certificate[] = [];
  let otherCertificateCount = 0;
  let crlCount = 0;
  if (fields[index] && hasTag(fields[index], 'context', 0)) {
    const entries = fields[index].children;
    entries.forEach((entry, entryIndex) => checkChoice(entry, [0, 1, 2, 3], `SignedData.certificates[${entryIndex}]`));
    certificates = entries.filter((entry) => hasTag(entry, 'universal', TAG_SEQUENCE)).map((entry) => parseCertificateNode(entry));
    otherCertificateCount = entries.length - certificates.length;
    index++;
  }
  if (fields[index] && hasTag(fields[index], 'context', 1)) {
    fields[index].children.forEach((entry, entryIndex) => checkChoice(entry, [1], `SignedData.crls[${entryIndex}]`));
    crlCount = fields[index].children.length;
    index++;
  }

  const signerInfos = expectSet(field(index, 'signerInfos'), 'SignedData.signerInfos').map((signerInfo, signerIndex) =>
    parseSignerInfo(signerInfo, `SignedData.signerInfos[${signerIndex}]`),
  );
  expectNoMoreFields(fields, index + 1, 'SignedData');

  return {
    version,
    digestAlgorithms,
    contentType: encapsulated.contentType,
    content: encapsulated.content,
    certificates,
    otherCertificateCount,
    crlCount,
    signerInfos,
    indefiniteLength: usesIndefiniteLength(node),
  };
}

function parseEncapsulatedContentInfo(node: Asn1Node): { contentType: string; content: Uint8Array | null } {
  const fields = expectSequence(node, 'EncapsulatedContentInfo');
  const contentType = readOid(childAt(fields, 0, 'EncapsulatedContentInfo.eContentType', node), 'EncapsulatedContentInfo.eContentType');
  expectNoMoreFields(fields, 2, 'EncapsulatedContentInfo');
  const wrapped = fields[1];
  if (!wrapped) return { contentType, content: null };
  const octets = unwrapExplicit(wrapped, 0, 'EncapsulatedContentInfo.eContent');
  return { contentType, content: readOctetString(octets, 'EncapsulatedContentInfo.eContent') };
}

/**
 * Checks one entry of the certificate set or the revocation list: a universal SEQUENCE (a
 * certificate or CRL) or one of the context-specific alternatives `tags` of its CHOICE.
 */
function checkChoice(entry: Asn1Node, tags: readonly number[], structure: string): void {
  if (hasTag(entry, 'universal', TAG_SEQUENCE)) return;
  if (entry.tagClass === 'context' && tags.includes(entry.tag)) return;
  const alternatives = tags.map((tag) => `[${tag}]`).join(', ');
  throw new Asn1Error(`found ${describeNode(entry)}`, { offset: entry.offset, structure, expected: `SEQUENCE or ${alternatives}` });
}

function usesIndefiniteLength(node: Asn1Node): boolean {
  if (node.indefinite) return true;
  return node.children.some(usesIndefiniteLength);
}
