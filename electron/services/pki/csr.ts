// PKCS #10 certificate requests (RFC 2986): built for the device simulator, parsed and
// verified for the CA and the SCEP endpoint.
//
//   CertificationRequest ::= SEQUENCE {
//     certificationRequestInfo  CertificationRequestInfo,
//     signatureAlgorithm        AlgorithmIdentifier,
//     signature                 BIT STRING }
//   CertificationRequestInfo ::= SEQUENCE {
//     version       INTEGER { v1(0) },
//     subject       Name,
//     subjectPKInfo SubjectPublicKeyInfo,
//     attributes    [0] IMPLICIT SET OF Attribute }

import { createPublicKey, verify, type KeyObject } from 'node:crypto';

import { Asn1Error } from '../../../shared/asn1/errors.ts';
import { type Asn1Node, childAt, expectContext, expectSequence, expectSet, parseAsn1, readBitString, readOid, readSmallInteger, readString } from '../../../shared/asn1/reader.ts';
import { derBitString, derImplicit, derInteger, derOid, derPrintableString, derSequence, derSet, derUtf8String } from '../../../shared/asn1/writer.ts';
import { OID_CHALLENGE_PASSWORD, OID_EXTENSION_REQUEST } from '../../../shared/asn1/oids.ts';
import { type AlgorithmIdentifier, parseAlgorithmIdentifier } from '../../../shared/x509/algorithm-identifier.ts';
import { type Extension, parseExtensions } from '../../../shared/x509/extensions.ts';
import { type DistinguishedName, parseName } from '../../../shared/x509/name.ts';
import { type PublicKeyInfo, parsePublicKeyInfo } from '../../../shared/x509/public-key.ts';
import { signatureFromOid } from '../cms/algorithms.ts';
import { PkiError } from './errors.ts';
import { publicKeyInfoDer } from './keys.ts';
import { signatureScheme, signDer } from './signature.ts';

export interface CsrOptions {
  /** The subject Name as encoded (see encodeName). */
  readonly subjectName: Uint8Array;
  readonly privateKey: KeyObject;
  /** SCEP's shared secret, sent as the challengePassword attribute. */
  readonly challengePassword?: string;
  /** Encoded Extension elements to request in an extensionRequest attribute. */
  readonly extensions?: readonly Uint8Array[];
}

/** Builds and signs a certificate request; returns its DER. */
export function buildCsr(options: CsrOptions): Uint8Array {
  const attributes: Uint8Array[] = [];
  if (options.challengePassword !== undefined) {
    const printable = /^[A-Za-z0-9 '()+,\-./:=?]*$/.test(options.challengePassword);
    const value = printable ? derPrintableString(options.challengePassword) : derUtf8String(options.challengePassword);
    attributes.push(derSequence(derOid(OID_CHALLENGE_PASSWORD), derSet(value)));
  }
  if (options.extensions && options.extensions.length > 0) {
    attributes.push(derSequence(derOid(OID_EXTENSION_REQUEST), derSet(derSequence(...options.extensions))));
  }

  const info = derSequence(derInteger(0n), options.subjectName, publicKeyInfoDer(options.privateKey), derImplicit(0, derSet(...attributes)));
  const scheme = signatureScheme(options.privateKey);
  return derSequence(info, scheme.algorithmIdentifier, derBitString(signDer(info, options.privateKey, scheme)));
}

export interface CertificateRequest {
  readonly raw: Uint8Array;
  /** The CertificationRequestInfo as encoded: what the signature covers. */
  readonly infoRaw: Uint8Array;
  readonly subject: DistinguishedName;
  readonly publicKeyInfo: PublicKeyInfo;
  readonly signatureAlgorithm: AlgorithmIdentifier;
  readonly signature: Uint8Array;
  /** The challengePassword attribute, when present. */
  readonly challengePassword?: string;
  /** Extensions of the extensionRequest attribute. */
  readonly requestedExtensions: readonly Extension[];
}

/** Parses a DER certificate request. Raises PkiError 'malformed-request' naming the field. */
export function parseCsr(der: Uint8Array): CertificateRequest {
  try {
    return parseCsrNode(parseAsn1(der));
  } catch (error) {
    if (error instanceof Asn1Error) {
      throw new PkiError('malformed-request', `the certificate request is not valid PKCS #10: ${error.message}`, { field: error.structure, cause: error });
    }
    throw error;
  }
}

function parseCsrNode(node: Asn1Node): CertificateRequest {
  const outer = expectSequence(node, 'CertificationRequest');
  const infoNode = childAt(outer, 0, 'CertificationRequest.certificationRequestInfo', node);
  const signatureAlgorithm = parseAlgorithmIdentifier(childAt(outer, 1, 'CertificationRequest.signatureAlgorithm', node), 'CertificationRequest.signatureAlgorithm');
  const signature = readBitString(childAt(outer, 2, 'CertificationRequest.signature', node), 'CertificationRequest.signature').bytes;

  const info = expectSequence(infoNode, 'CertificationRequestInfo');
  readSmallInteger(childAt(info, 0, 'CertificationRequestInfo.version', infoNode), 'CertificationRequestInfo.version', 0, 0);
  const subject = parseName(childAt(info, 1, 'CertificationRequestInfo.subject', infoNode), 'CertificationRequestInfo.subject');
  const publicKeyInfo = parsePublicKeyInfo(childAt(info, 2, 'CertificationRequestInfo.subjectPKInfo', infoNode), 'CertificationRequestInfo.subjectPKInfo');
  const attributesNode = expectContext(childAt(info, 3, 'CertificationRequestInfo.attributes', infoNode), 0, 'CertificationRequestInfo.attributes');

  let challengePassword: string | undefined;
  let requestedExtensions: Extension[] = [];
  attributesNode.children.forEach((attribute, index) => {
    const structure = `CertificationRequestInfo.attributes[${index}]`;
    const fields = expectSequence(attribute, structure);
    const type = readOid(childAt(fields, 0, `${structure}.type`, attribute), `${structure}.type`);
    const values = expectSet(childAt(fields, 1, `${structure}.values`, attribute), `${structure}.values`);
    const first = childAt(values, 0, `${structure}.values[0]`, attribute);
    if (type === OID_CHALLENGE_PASSWORD) challengePassword = readString(first, 'challengePassword');
    if (type === OID_EXTENSION_REQUEST) requestedExtensions = parseExtensions(first, 'extensionRequest');
  });

  return {
    raw: node.raw,
    infoRaw: infoNode.raw,
    subject,
    publicKeyInfo,
    signatureAlgorithm,
    signature,
    ...(challengePassword !== undefined && { challengePassword }),
    requestedExtensions,
  };
}

/** True when the request's signature verifies with the public key it carries (proof of possession). */
export function verifyCsrSignature(request: CertificateRequest): boolean {
  const scheme = signatureFromOid(request.signatureAlgorithm.oid);
  if (!scheme) return false;
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.from(request.publicKeyInfo.raw), format: 'der', type: 'spki' });
  } catch {
    return false;
  }
  try {
    return verify(scheme.digest, request.infoRaw, { key, dsaEncoding: 'der' }, request.signature);
  } catch {
    // OpenSSL raises for some malformed signatures instead of returning false.
    return false;
  }
}
