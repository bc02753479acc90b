// CMS SignedData creation: the content embedded byte for byte, one signer identified by
// issuer and serial number (SignerInfo version 1), signed attributes contentType,
// signingTime and messageDigest, RSA PKCS #1 v1.5 or ECDSA signatures.

import { createHash, sign as cryptoSign, X509Certificate, type KeyObject } from 'node:crypto';

import { concatBytes } from '../../../shared/asn1/bytes.ts';
import { derHeader, derImplicit, derInteger, derNull, derOctetString, derOid, derSequence, derSet, derTlv, derUtcTime } from '../../../shared/asn1/writer.ts';
import { OID_CONTENT_TYPE, OID_DATA, OID_MESSAGE_DIGEST, OID_SIGNED_DATA, OID_SIGNING_TIME } from '../../../shared/asn1/oids.ts';
import { TAG_OCTET_STRING, TAG_SEQUENCE, type Asn1TagClass } from '../../../shared/asn1/tags.ts';
import { CmsError } from '../../../shared/cms/errors.ts';
import { encodeIssuerAndSerialNumber } from '../../../shared/cms/identifier.ts';
import type { Certificate } from '../../../shared/x509/certificate.ts';
import { describePublicKeyAlgorithm } from '../../../shared/x509/public-key.ts';
import { digestOid, SIGNING_DIGESTS, signatureOid, type SigningDigest } from './algorithms.ts';
import { parseCallerCertificate } from './input.ts';
import { signerWarnings, type SignWarning } from './sign-warnings.ts';

export type { SignWarning } from './sign-warnings.ts';

export interface SignerIdentity {
  /** The signer certificate, DER. */
  readonly certificate: Uint8Array;
  readonly privateKey: KeyObject;
  /** Other certificates, DER: intermediates (and possibly the root, which is left out of the file). */
  readonly chain: readonly Uint8Array[];
}

export interface SignOptions {
  /** Default sha256. */
  readonly digest?: SigningDigest;
  /** Value of the signingTime attribute; default now. */
  readonly signingTime?: Date;
  /** The time the validity warnings are computed for; default now. */
  readonly now?: Date;
  /** More signed attributes, each an encoded Attribute (SEQUENCE { type, SET OF values }), such as SCEP's messageType. */
  readonly extraSignedAttributes?: readonly Uint8Array[];
  /** Leave eContent out of the file, as SCEP does for a reply without an envelope; the messageDigest still covers `content`. */
  readonly omitContent?: boolean;
}

export interface SignResult {
  /** DER ContentInfo holding the SignedData. */
  readonly der: Uint8Array;
  readonly warnings: readonly SignWarning[];
}

/**
 * Signs `content` as CMS SignedData with the content embedded. Raises CmsError when the key
 * does not belong to the certificate or is of a type other than RSA or EC.
 */
export function sign(content: Uint8Array, signer: SignerIdentity, options: SignOptions = {}): SignResult {
  const digest = options.digest ?? 'sha256';
  if (!SIGNING_DIGESTS.includes(digest)) {
    throw new CmsError('invalid-argument', `digest "${String(digest)}" is not supported for signing; use one of ${SIGNING_DIGESTS.join(', ')}`);
  }
  const certificate = parseCallerCertificate(signer.certificate, 'signer certificate');
  const chain = signer.chain.map((der, index) => parseCallerCertificate(der, `chain certificate ${index + 1}`));
  const keyType = checkSignerKey(signer, certificate);
  const signingTime = options.signingTime ?? new Date();

  // Signed attributes, DER-sorted as a SET; the signature covers this SET encoding.
  const messageDigest = createHash(digest).update(content).digest();
  const signedAttributes = derSet(
    attribute(OID_CONTENT_TYPE, derOid(OID_DATA)),
    attribute(OID_SIGNING_TIME, derUtcTime(signingTime)),
    attribute(OID_MESSAGE_DIGEST, derOctetString(messageDigest)),
    ...(options.extraSignedAttributes ?? []),
  );
  const signature = signAttributes(signedAttributes, digest, signer.privateKey, certificate);

  // RSA signature AlgorithmIdentifiers carry NULL parameters (RFC 4055); ECDSA and SHA-2 digests have none (RFC 5754).
  const digestAlgorithm = derSequence(derOid(digestOid(digest)));
  const signatureAlgorithm = keyType === 'rsa' ? derSequence(derOid(signatureOid('rsa', digest)), derNull()) : derSequence(derOid(signatureOid('ec', digest)));
  const signerInfo = derSequence(
    derInteger(1n),
    encodeIssuerAndSerialNumber(certificate),
    digestAlgorithm,
    derImplicit(0, signedAttributes),
    signatureAlgorithm,
    derOctetString(signature),
  );

  // The content sits six elements deep and can be tens of megabytes, so the elements around it
  // are kept as lists of parts and the content is copied once, into the result.
  const encapsulatedContent = options.omitContent
    ? [derSequence(derOid(OID_DATA))]
    : wrapParts('universal', true, TAG_SEQUENCE, [derOid(OID_DATA), ...wrapParts('context', true, 0, wrapParts('universal', false, TAG_OCTET_STRING, [content]))]);
  const signedData = wrapParts('universal', true, TAG_SEQUENCE, [
    derInteger(1n),
    derSet(digestAlgorithm),
    ...encapsulatedContent,
    encodeCertificateSet(certificate, chain),
    derSet(signerInfo),
  ]);
  const der = concatBytes(...wrapParts('universal', true, TAG_SEQUENCE, [derOid(OID_SIGNED_DATA), ...wrapParts('context', true, 0, signedData)]));
  return { der, warnings: signerWarnings(certificate, chain, options.now ?? new Date()) };
}

/** Returns the parts of one element: its header, then `contents` (encoded elements or raw octets), not joined. */
function wrapParts(tagClass: Asn1TagClass, constructed: boolean, tag: number, contents: readonly Uint8Array[]): Uint8Array[] {
  let length = 0;
  for (const part of contents) length += part.length;
  return [derHeader(tagClass, constructed, tag, length), ...contents];
}

function attribute(type: string, value: Uint8Array): Uint8Array {
  return derSequence(derOid(type), derSet(value));
}

/** Checks that the key is RSA or EC and belongs to the certificate; returns the key type. */
function checkSignerKey(signer: SignerIdentity, certificate: Certificate): 'rsa' | 'ec' {
  const keyType = signer.privateKey.asymmetricKeyType;
  if (signer.privateKey.type !== 'private') {
    throw new CmsError('invalid-argument', `the signing key is a ${signer.privateKey.type} key; sign with the private key of ${certificate.subject.display}`);
  }
  if (keyType !== 'rsa' && keyType !== 'ec') {
    throw new CmsError('unsupported-key', `signing keys of type ${keyType ?? 'unknown'} are not supported; profiles are signed with RSA or EC (P-256, P-384, P-521) keys`);
  }
  if (!new X509Certificate(signer.certificate).checkPrivateKey(signer.privateKey)) {
    throw new CmsError(
      'invalid-argument',
      `the private key does not belong to the signer certificate ${certificate.subject.display} (${describePublicKeyAlgorithm(certificate.publicKeyAlgorithm)}); give the key that was issued with this certificate`,
    );
  }
  return keyType;
}

function signAttributes(signedAttributes: Uint8Array, digest: SigningDigest, privateKey: KeyObject, certificate: Certificate): Uint8Array {
  try {
    // Node signs RSA keys with PKCS #1 v1.5 and EC keys with DER-encoded ECDSA by default.
    return new Uint8Array(cryptoSign(digest, signedAttributes, { key: privateKey, dsaEncoding: 'der' }));
  } catch (error) {
    throw new CmsError('sign-failed', `signing with the key of ${certificate.subject.display} failed: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Encodes `[0] IMPLICIT CertificateSet`: the signer first, then the chain without self-issued
 * roots (devices take the root from their own trust store) and without duplicates. The order
 * is kept rather than DER-sorted so that the signer comes first for readers that expect it.
 */
function encodeCertificateSet(signer: Certificate, chain: readonly Certificate[]): Uint8Array {
  const seen = new Set<string>([signer.sha256]);
  const included: Uint8Array[] = [signer.raw];
  for (const certificate of chain) {
    if (certificate.isSelfIssued || seen.has(certificate.sha256)) continue;
    seen.add(certificate.sha256);
    included.push(certificate.raw);
  }
  return derTlv('context', true, 0, concatBytes(...included));
}
