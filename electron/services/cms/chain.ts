// Certificate chain building for signature verification: from the signer up through the
// certificates in the file to a root, with trust decided by anchors (given ones and Node's
// built-in root store).

import { createPublicKey, X509Certificate } from 'node:crypto';
import { createRequire } from 'node:module';

import { Asn1Error } from '../../../shared/asn1/errors.ts';
import { parseAsn1Header } from '../../../shared/asn1/reader.ts';
import { bytesEqual } from '../../../shared/asn1/bytes.ts';
import { type Certificate, parseCertificate } from '../../../shared/x509/certificate.ts';

/**
 * A require() for node:tls, so that it is loaded only when the built-in roots are first needed.
 * An ES import of it reads all of Node's root certificates at once (seen on Node 20), which a
 * verification decided by the given anchors does not need.
 */
const loadBuiltin = createRequire(import.meta.url);

/** Maximum chain length followed; the chains seen in signed profiles have 2 to 4 certificates. */
const MAX_CHAIN_LENGTH = 10;

export interface ChainFacts {
  /** Signer first, then each issuer found. */
  readonly path: readonly Certificate[];
  /**
   * The intermediates are all in the file: the path ends at a self-signed root (from the file or
   * the anchors), or at a CA certificate whose issuer is absent. Signers leave the root out of
   * the file by convention, so a missing root alone does not make a chain incomplete; it leaves
   * the chain untrusted until the root is given as an anchor.
   */
  readonly complete: boolean;
  /** Set when the path ends at a CA certificate whose issuer (the root) is neither in the file nor an anchor. */
  readonly missingRoot: { readonly issuer: string } | null;
  /** A certificate on the path is one of the trust anchors. */
  readonly trusted: boolean;
  /** The path ends at a trust anchor that is self-signed. */
  readonly endsAtRootAnchor: boolean;
  /**
   * The anchor that trust rests on when it is not self-signed (an intermediate given as anchor)
   * and the file's certificates do not also lead to a self-signed anchor. Devices trust only
   * root certificates, so they may not trust such a chain. Null otherwise.
   */
  readonly intermediateAnchor: Certificate | null;
  /** Certificates on the path (signer included) that are outside their validity period at the given time. */
  readonly outOfValidity: readonly Certificate[];
}

/** Results of issuer signature checks, keyed `issuer sha256>subject sha256`, so repeated checks are skipped. */
const issuedCache = new Map<string, boolean>();

/** Entries kept before the cache starts over, which bounds its memory in a long-running app. */
const MAX_CACHED_CHECKS = 4096;

/**
 * Builds the chain of `signer`. For completeness, intermediates come from `embedded` only; a
 * root may also come from `anchors`, so that a file without its root still counts as complete.
 * Trust is decided by a path that may also use the `extra` certificates (given besides the
 * file) and any anchor, so that an intermediate given as anchor is trusted too.
 */
export function buildChain(signer: Certificate, embedded: readonly Certificate[], anchors: readonly Certificate[], now: Date, extra: readonly Certificate[] = []): ChainFacts {
  // Self-signatures are checked only for a root that matches an issuer on the path: checking
  // all of Node's built-in roots up front cost about 90 ms per verification.
  const roots = anchors.filter((anchor) => anchor.isSelfIssued);
  const completePath = walk(signer, embedded, roots, new Set(), isSelfSigned);
  const last = completePath[completePath.length - 1];
  const endsAtRoot = isSelfSigned(last);
  const endsAtIssuingCa = !endsAtRoot && completePath.length > 1 && last.basicConstraints?.ca === true;
  const complete = endsAtRoot || endsAtIssuingCa;
  const missingRoot = endsAtIssuingCa ? { issuer: last.issuer.display } : null;

  const anchorFingerprints = new Set(anchors.map((anchor) => anchor.sha256));
  const trustPath = walk(signer, [...embedded, ...extra], anchors, anchorFingerprints);
  const anchor = trustPath.find((certificate) => anchorFingerprints.has(certificate.sha256)) ?? null;
  const trusted = anchor !== null;

  // A device has only the file's certificates and its own roots, so it needs completePath to end at a root.
  const rootTrusted = endsAtRoot && anchorFingerprints.has(last.sha256);
  const intermediateAnchor = anchor !== null && !isSelfSigned(anchor) && !rootTrusted ? anchor : null;

  const path = trusted ? trustPath : completePath;
  const outOfValidity = path.filter((certificate) => now < certificate.notBefore || now > certificate.notAfter);
  return { path, complete, missingRoot, trusted, endsAtRootAnchor: anchor !== null && isSelfSigned(anchor), intermediateAnchor, outOfValidity };
}

/**
 * Follows issuers from `start`: first among `embedded`, then among the `fallback` certificates
 * that `acceptFallback` allows; stops at a self-signed certificate or an anchor.
 */
function walk(start: Certificate, embedded: readonly Certificate[], fallback: readonly Certificate[], stopAt: ReadonlySet<string> = new Set(), acceptFallback?: (candidate: Certificate) => boolean): Certificate[] {
  const path = [start];
  let current = start;
  while (path.length < MAX_CHAIN_LENGTH && !stopAt.has(current.sha256) && !isSelfSigned(current)) {
    const issuer = findIssuer(current, embedded) ?? findIssuer(current, fallback, acceptFallback);
    if (!issuer || path.some((seen) => seen.sha256 === issuer.sha256)) break;
    path.push(issuer);
    current = issuer;
  }
  return path;
}

function findIssuer(certificate: Certificate, pool: readonly Certificate[], accept?: (candidate: Certificate) => boolean): Certificate | undefined {
  return pool.find(
    (candidate) =>
      candidate.sha256 !== certificate.sha256 &&
      bytesEqual(candidate.subjectRaw, certificate.issuerRaw) &&
      keyIdentifiersAgree(certificate, candidate) &&
      canIssue(candidate) &&
      signatureIssuedBy(certificate, candidate) &&
      (accept === undefined || accept(candidate)),
  );
}

/** Returns false when the AKI disagrees with the candidate's SKI; a missing identifier rules nothing out. */
function keyIdentifiersAgree(certificate: Certificate, candidate: Certificate): boolean {
  if (!certificate.authorityKeyIdentifier || !candidate.subjectKeyIdentifier) return true;
  return bytesEqual(certificate.authorityKeyIdentifier, candidate.subjectKeyIdentifier);
}

/**
 * A v3 issuer must be a CA (basicConstraints cA) and, when keyUsage is present, allow keyCertSign.
 * v1 certificates have no extensions and are accepted as issuers, as OpenSSL does for roots.
 * NOTE: pathLenConstraint and name constraints are not checked.
 */
function canIssue(candidate: Certificate): boolean {
  if (candidate.version < 3) return true;
  if (!candidate.basicConstraints?.ca) return false;
  return candidate.keyUsage === null || candidate.keyUsage.includes('keyCertSign');
}

function isSelfSigned(certificate: Certificate): boolean {
  return certificate.isSelfIssued && signatureIssuedBy(certificate, certificate);
}

/** True when `issuer`'s public key verifies the signature on `certificate`. */
function signatureIssuedBy(certificate: Certificate, issuer: Certificate): boolean {
  const key = `${issuer.sha256}>${certificate.sha256}`;
  const cached = issuedCache.get(key);
  if (cached !== undefined) return cached;

  let verified = false;
  try {
    const publicKey = createPublicKey({ key: Buffer.from(issuer.publicKeyInfoRaw), format: 'der', type: 'spki' });
    verified = new X509Certificate(certificate.raw).verify(publicKey);
  } catch {
    // A key or signature algorithm OpenSSL cannot use means "not verified by this issuer".
    verified = false;
  }
  if (issuedCache.size >= MAX_CACHED_CHECKS) issuedCache.clear();
  issuedCache.set(key, verified);
  return verified;
}

/** DER of Node's built-in roots keyed by their subject's DER (as latin1 text), built once. */
let systemRootsBySubject: Map<string, Uint8Array[]> | undefined;
const parsedSystemRoots = new Map<Uint8Array, Certificate | null>();

/**
 * Returns the built-in roots whose subject is the issuer of one of `certificates`. A chain
 * built from those certificates can reach no other root, because the walk stops at the first
 * anchor. Only the matching roots are parsed: parsing all of them took about 50 ms, which
 * every `verify` command paid.
 */
export function systemRootsIssuing(certificates: readonly Certificate[]): Certificate[] {
  const index = systemRootIndex();
  const found: Certificate[] = [];
  const seen = new Set<string>();
  for (const certificate of certificates) {
    const key = Buffer.from(certificate.issuerRaw).toString('latin1');
    if (seen.has(key)) continue;
    seen.add(key);
    for (const der of index.get(key) ?? []) {
      const root = parseSystemRoot(der);
      if (root) found.push(root);
    }
  }
  return found;
}

function systemRootIndex(): Map<string, Uint8Array[]> {
  if (systemRootsBySubject) return systemRootsBySubject;
  systemRootsBySubject = new Map();
  const { rootCertificates } = loadBuiltin('node:tls') as typeof import('node:tls');
  for (const pem of rootCertificates) {
    const body = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/.exec(pem)?.[1];
    if (!body) continue;
    const der = new Uint8Array(Buffer.from(body, 'base64'));
    const subject = subjectOf(der);
    if (!subject) continue;
    const key = Buffer.from(subject).toString('latin1');
    const list = systemRootsBySubject.get(key);
    if (list) list.push(der);
    else systemRootsBySubject.set(key, [der]);
  }
  return systemRootsBySubject;
}

/**
 * Returns the subject Name's DER of a certificate, or null when it is unreadable. Only the
 * element headers up to the subject are read, which is several times cheaper than parsing
 * the whole certificate into a tree.
 */
function subjectOf(der: Uint8Array): Uint8Array | null {
  try {
    // Certificate and TBSCertificate: step into both SEQUENCEs.
    let offset = 0;
    for (let level = 0; level < 2; level++) {
      const header = parseAsn1Header(der, offset);
      if (header.length === null) return null;
      offset += header.headerLength;
    }

    // TBSCertificate: [0] version (absent in v1), serialNumber, signature, issuer, validity, subject.
    const first = parseAsn1Header(der, offset);
    let skip = first.tagClass === 'context' && first.tag === 0 ? 5 : 4;
    for (;;) {
      const header = parseAsn1Header(der, offset);
      if (header.length === null || offset + header.headerLength + header.length > der.length) return null;
      const end = offset + header.headerLength + header.length;
      if (skip === 0) return der.subarray(offset, end);
      skip--;
      offset = end;
    }
  } catch (error) {
    // An unreadable root cannot anchor a chain; leave it out of the index.
    if (error instanceof Asn1Error) return null;
    throw error;
  }
}

function parseSystemRoot(der: Uint8Array): Certificate | null {
  let root = parsedSystemRoots.get(der);
  if (root === undefined) {
    try {
      root = parseCertificate(der);
    } catch (error) {
      if (!(error instanceof Asn1Error)) throw error;
      root = null;
    }
    parsedSystemRoots.set(der, root);
  }
  return root;
}
