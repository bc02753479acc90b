// Signatures over DER structures (TBSCertificate, CertificationRequestInfo) with Node's
// crypto: RSA PKCS #1 v1.5 with SHA-256, or ECDSA with the hash that matches the curve.

import { sign, type KeyObject } from 'node:crypto';

import { derNull, derOid, derSequence } from '../../../shared/asn1/writer.ts';
import { signatureOid, type SigningDigest } from '../cms/algorithms.ts';
import { PkiError } from './errors.ts';

export interface SignatureScheme {
  readonly digest: SigningDigest;
  /** The AlgorithmIdentifier as encoded: NULL parameters for RSA (RFC 4055), none for ECDSA (RFC 5758). */
  readonly algorithmIdentifier: Uint8Array;
}

/** Returns the scheme a private key signs with: SHA-256 for RSA and P-256, SHA-384 for P-384, SHA-512 for P-521. */
export function signatureScheme(privateKey: KeyObject): SignatureScheme {
  const type = privateKey.asymmetricKeyType;
  if (type === 'rsa') return { digest: 'sha256', algorithmIdentifier: derSequence(derOid(signatureOid('rsa', 'sha256')), derNull()) };
  if (type === 'ec') {
    const curve = privateKey.asymmetricKeyDetails?.namedCurve;
    let digest: SigningDigest = 'sha256';
    if (curve === 'secp384r1') digest = 'sha384';
    if (curve === 'secp521r1') digest = 'sha512';
    return { digest, algorithmIdentifier: derSequence(derOid(signatureOid('ec', digest))) };
  }
  throw new PkiError('invalid-argument', `keys of type ${type ?? 'unknown'} cannot sign certificates here; use an RSA or EC key`, { field: 'privateKey' });
}

/** Signs `tbs` with `privateKey` under `scheme`; ECDSA signatures are DER-encoded as X.509 wants. */
export function signDer(tbs: Uint8Array, privateKey: KeyObject, scheme: SignatureScheme): Uint8Array {
  return new Uint8Array(sign(scheme.digest, tbs, { key: privateKey, dsaEncoding: 'der' }));
}
