// Verification of one SignerInfo: the messageDigest attribute against the content, and the
// signature over the signed attributes (or over the content when there are none).

import { constants, createHash, createPublicKey, verify as cryptoVerify, type KeyObject } from 'node:crypto';

import { bytesEqual } from '../../../shared/asn1/bytes.ts';
import { Asn1Error } from '../../../shared/asn1/errors.ts';
import { describeOid, OID_EC_PUBLIC_KEY, OID_ED25519, OID_MGF1, OID_RSA_ENCRYPTION, OID_RSASSA_PSS } from '../../../shared/asn1/oids.ts';
import { CmsError } from '../../../shared/cms/errors.ts';
import type { SignerInfo } from '../../../shared/cms/signer-info.ts';
import type { Certificate } from '../../../shared/x509/certificate.ts';
import { parseRsaPssParams } from '../../../shared/x509/rsa-params.ts';
import { digestFromOid, signatureFromOid, type VerifyDigest } from './algorithms.ts';

export interface SignerSignatureCheck {
  /** True when the messageDigest attribute equals the digest of the content (true when there are no signed attributes). */
  readonly digestMatches: boolean;
  /** True when the signature verifies with the signer certificate's public key. */
  readonly signatureVerifies: boolean;
  /** Reasons for a failed check, in words; empty when both are true. */
  readonly problems: readonly string[];
}

/** Arguments of Node's crypto.verify for one signature algorithm. */
interface VerifyScheme {
  /** Hash name, or null for Ed25519 (which hashes internally). */
  readonly hash: VerifyDigest | null;
  readonly padding?: number;
  readonly saltLength?: number;
}

/**
 * Checks one signer. Raises CmsError 'unsupported-algorithm' (naming the OID) for a digest or
 * signature algorithm it cannot check; a failed check is reported in the result instead.
 */
export function checkSignerSignature(signerInfo: SignerInfo, certificate: Certificate, content: Uint8Array, eContentType: string): SignerSignatureCheck {
  const digest = digestFromOid(signerInfo.digestAlgorithm.oid);
  if (!digest) {
    throw new CmsError('unsupported-algorithm', `the digest algorithm ${describeOid(signerInfo.digestAlgorithm.oid)} is not supported; SHA-1, SHA-224, SHA-256, SHA-384 and SHA-512 are`, {
      oid: signerInfo.digestAlgorithm.oid,
      field: 'SignerInfo.digestAlgorithm',
    });
  }
  const scheme = verifyScheme(signerInfo, digest);
  const problems: string[] = [];

  // With signed attributes, the signature covers them and they carry the content digest.
  let digestMatches = true;
  let signedBytes = content;
  if (signerInfo.signedAttributesDer) {
    signedBytes = signerInfo.signedAttributesDer;
    const actual = createHash(digest).update(content).digest();
    if (!signerInfo.messageDigest) {
      digestMatches = false;
      problems.push('the signed attributes have no messageDigest attribute');
    } else if (!bytesEqual(signerInfo.messageDigest, actual)) {
      digestMatches = false;
      problems.push(`the content does not match its ${digest.toUpperCase()} messageDigest: the content was changed after signing`);
    }
    if (signerInfo.contentType !== eContentType) {
      digestMatches = false;
      problems.push(`the contentType attribute (${signerInfo.contentType ? describeOid(signerInfo.contentType) : 'missing'}) differs from the content type ${describeOid(eContentType)}`);
    }
  }

  const signatureVerifies = verifySignature(signedBytes, signerInfo.signature, scheme, publicKeyOf(certificate));
  if (!signatureVerifies) {
    problems.push(`the signature does not verify with the public key of ${certificate.subject.display}`);
  }
  return { digestMatches, signatureVerifies, problems };
}

function verifyScheme(signerInfo: SignerInfo, digest: VerifyDigest): VerifyScheme {
  const algorithm = signerInfo.signatureAlgorithm;
  const combined = signatureFromOid(algorithm.oid);
  if (combined) return combined.scheme === 'rsa-pkcs1' ? { hash: combined.digest, padding: constants.RSA_PKCS1_PADDING } : { hash: combined.digest };

  switch (algorithm.oid) {
    case OID_RSA_ENCRYPTION:
      return { hash: digest, padding: constants.RSA_PKCS1_PADDING };
    case OID_EC_PUBLIC_KEY:
      return { hash: digest };
    case OID_ED25519:
      return { hash: null };
    case OID_RSASSA_PSS:
      return pssScheme(signerInfo);
    default:
      throw new CmsError('unsupported-algorithm', `the signature algorithm ${describeOid(algorithm.oid)} is not supported; RSA (PKCS #1 v1.5 or PSS), ECDSA and Ed25519 are`, {
        oid: algorithm.oid,
        field: 'SignerInfo.signatureAlgorithm',
      });
  }
}

function pssScheme(signerInfo: SignerInfo): VerifyScheme {
  let params;
  try {
    params = parseRsaPssParams(signerInfo.signatureAlgorithm.parameters, 'SignerInfo.signatureAlgorithm.parameters');
  } catch (error) {
    if (error instanceof Asn1Error) throw new CmsError('malformed', `RSASSA-PSS parameters are not valid: ${error.message}`, { oid: OID_RSASSA_PSS, cause: error });
    throw error;
  }
  const hash = digestFromOid(params.hashOid);
  // Node's crypto.verify uses the message hash for MGF1 too, so another MGF1 hash cannot be checked.
  if (!hash || params.maskGenOid !== OID_MGF1 || params.maskGenHashOid !== params.hashOid || params.trailerField !== 1) {
    throw new CmsError('unsupported-algorithm', `RSASSA-PSS with hash ${describeOid(params.hashOid)} and mask generation ${describeOid(params.maskGenOid)} is not supported; MGF1 with the message hash is`, {
      oid: OID_RSASSA_PSS,
      field: 'SignerInfo.signatureAlgorithm.parameters',
    });
  }
  return { hash, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: params.saltLength };
}

function publicKeyOf(certificate: Certificate): KeyObject {
  try {
    return createPublicKey({ key: Buffer.from(certificate.publicKeyInfoRaw), format: 'der', type: 'spki' });
  } catch (error) {
    throw new CmsError('unsupported-key', `the public key of ${certificate.subject.display} cannot be used: ${(error as Error).message}`, { cause: error });
  }
}

function verifySignature(data: Uint8Array, signature: Uint8Array, scheme: VerifyScheme, key: KeyObject): boolean {
  try {
    return cryptoVerify(scheme.hash, data, { key, padding: scheme.padding, saltLength: scheme.saltLength, dsaEncoding: 'der' }, signature);
  } catch (error) {
    // OpenSSL raises for some malformed signatures (wrong length, bad DER) instead of returning false.
    if (error instanceof Error && 'code' in error) return false;
    throw error;
  }
}
