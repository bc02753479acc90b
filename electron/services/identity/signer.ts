// Choosing the signer certificate and ordering the chain.
//
// The signer is the certificate whose public key belongs to the private key, wherever it sits
// in the input: `openssl pkcs12 -certfile` and hand-made bundles put certificates in any order.

import { X509Certificate, type KeyObject } from 'node:crypto';

import { bytesEqual } from '../../../shared/asn1/bytes.ts';
import type { Certificate } from '../../../shared/x509/certificate.ts';
import { IdentityError } from './errors.ts';
import { describeKeyObject } from './key-type.ts';

export interface KeyCandidate {
  readonly key: KeyObject;
  readonly friendlyName?: string;
  readonly localKeyId?: Uint8Array;
}

export interface CertificateCandidate {
  readonly certificate: Certificate;
  readonly localKeyId?: Uint8Array;
}

export interface SignerSelection {
  readonly key: KeyObject;
  readonly certificate: Certificate;
  /** The other certificates: the issuer path from the signer upwards first, then the rest in input order. */
  readonly chain: Certificate[];
}

/**
 * Pairs a private key with its certificate. When several keys each have a certificate,
 * `keyName` picks one by friendlyName or by localKeyId in hex. Without `keyName` that case
 * raises 'ambiguous-key' listing the names. Raises 'no-private-key', 'no-certificate' or
 * 'no-matching-certificate' when no pair exists.
 */
export function selectSigner(keys: readonly KeyCandidate[], certificates: readonly Certificate[] | readonly CertificateCandidate[], file: string, keyName?: string): SignerSelection {
  const candidates = certificates.map((entry) => ('certificate' in entry ? entry : { certificate: entry }));
  if (keys.length === 0) {
    throw new IdentityError('no-private-key', `${file} contains ${candidates.length} certificate(s) but no private key. Export the identity with its private key, or give the key file too.`, { file });
  }
  if (candidates.length === 0) {
    throw new IdentityError('no-certificate', `${file} contains a private key but no certificate. Give the signer's certificate too.`, { file });
  }

  const x509 = new Map(candidates.map((candidate) => [candidate, new X509Certificate(candidate.certificate.raw)]));
  let pairs = keys
    .map((key) => ({ key, matches: candidates.filter((candidate) => publicKeyMatches(x509.get(candidate)!, key.key)) }))
    .filter((pair) => pair.matches.length > 0);

  if (keyName !== undefined) {
    pairs = pairs.filter(({ key }) => key.friendlyName === keyName || (key.localKeyId !== undefined && Buffer.from(key.localKeyId).toString('hex') === keyName.toLowerCase()));
    if (pairs.length === 0) throw new IdentityError('no-matching-certificate', `${file} has no private key named "${keyName}" with a certificate.`, { file });
  }

  if (pairs.length === 0) {
    const keyTypes = keys.map((key) => describeKeyObject(key.key)).join(', ');
    const subjects = candidates.map((candidate) => candidate.certificate.subject.display || '(empty subject)').join('; ');
    throw new IdentityError(
      'no-matching-certificate',
      `No certificate in ${file} matches the private key (${keyTypes}). Certificates found: ${subjects}. Check that the certificate and the key belong together.`,
      { file },
    );
  }
  if (pairs.length > 1) {
    const names = pairs.map(({ key, matches }) => key.friendlyName ?? matches[0].certificate.subject.display).join('; ');
    throw new IdentityError('ambiguous-key', `${file} holds ${pairs.length} private keys with certificates (${names}). Choose one by its friendly name (the CLI's --key-name).`, { file });
  }

  // One key may have several certificates (a renewal with the same key): prefer the one tied
  // to it by localKeyId, then the one valid the longest.
  const { key, matches } = pairs[0];
  const linked = matches.filter((match) => key.localKeyId !== undefined && match.localKeyId !== undefined && bytesEqual(key.localKeyId, match.localKeyId));
  const pool = linked.length > 0 ? linked : matches;
  const signer = pool.reduce((best, next) => (next.certificate.notAfter > best.certificate.notAfter ? next : best));

  const others = uniqueCertificates(candidates.filter((candidate) => candidate !== signer).map((candidate) => candidate.certificate)).filter(
    (certificate) => !bytesEqual(certificate.raw, signer.certificate.raw),
  );
  return { key: key.key, certificate: signer.certificate, chain: orderChain(signer.certificate, others) };
}

/** Drops repeated certificates (same DER), keeping the first. */
export function uniqueCertificates(certificates: readonly Certificate[]): Certificate[] {
  const seen = new Set<string>();
  return certificates.filter((certificate) => {
    if (seen.has(certificate.sha256)) return false;
    seen.add(certificate.sha256);
    return true;
  });
}

function publicKeyMatches(certificate: X509Certificate, key: KeyObject): boolean {
  try {
    return certificate.checkPrivateKey(key);
  } catch {
    // Node raises, instead of returning false, for some key type mismatches: not a match either way.
    return false;
  }
}

/** Puts the issuer path from `leaf` upwards first (each issuer's key verifies the certificate below), then the rest. */
function orderChain(leaf: Certificate, others: readonly Certificate[]): Certificate[] {
  const remaining = [...others];
  const ordered: Certificate[] = [];
  let current = leaf;
  while (!current.isSelfIssued) {
    const child = new X509Certificate(current.raw);
    const index = remaining.findIndex((candidate) => bytesEqual(candidate.subjectRaw, current.issuerRaw) && verifiesWith(child, candidate));
    if (index < 0) break;
    current = remaining.splice(index, 1)[0];
    ordered.push(current);
  }
  return [...ordered, ...remaining];
}

function verifiesWith(child: X509Certificate, issuer: Certificate): boolean {
  try {
    return child.verify(new X509Certificate(issuer.raw).publicKey);
  } catch {
    // An issuer key of another type makes verify raise: it is not the issuer.
    return false;
  }
}
