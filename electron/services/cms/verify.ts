// Verification of a signed profile: separate facts (signature, chain, trust, validity) and one
// status derived from them, so that a broken signature is never reported as "unsigned".

import { describeOid, OID_ENVELOPED_DATA, OID_MD5, OID_SIGNED_DATA } from '../../../shared/asn1/oids.ts';
import { CmsError } from '../../../shared/cms/errors.ts';
import { parseContentInfo } from '../../../shared/cms/content-info.ts';
import { describeIdentifier, identifierMatches } from '../../../shared/cms/identifier.ts';
import { isCmsContentInfo } from '../../../shared/cms/index.ts';
import { parseSignedData, type SignedData } from '../../../shared/cms/signed-data.ts';
import type { SignerInfo } from '../../../shared/cms/signer-info.ts';
import type { Certificate } from '../../../shared/x509/certificate.ts';
import { digestFromOid } from './algorithms.ts';
import { buildChain, systemRootsIssuing } from './chain.ts';
import { cmsBytes, parseCallerCertificate, parseOrThrow } from './input.ts';
import { checkSignerSignature } from './signature-check.ts';
import { combineSigners, failedResult, unsignedResult, type Problem, type SignerFacts, type VerifyResult } from './verify-result.ts';

export type { VerifyResult, VerifyStatus } from './verify-result.ts';

export interface VerifyOptions {
  /** Extra trust anchors, DER certificates (the CLI's `--ca`). */
  readonly anchors?: readonly Uint8Array[];
  /**
   * DER certificates from outside the file (the CLI's `--certfile`), searched for signers and
   * intermediates. They make a signature checkable and a chain trusted, never the file complete.
   */
  readonly extraCertificates?: readonly Uint8Array[];
  /** Also trust Node's built-in root store. Default true. */
  readonly systemRoots?: boolean;
  /** The time validity is checked at; default now. */
  readonly now?: Date;
}

/**
 * Verifies CMS SignedData given as DER, BER, PEM or base64. Malformed input and unsupported
 * algorithms come back as status 'error', not as exceptions; only a bug raises.
 */
export function verify(input: Uint8Array, options: VerifyOptions = {}): VerifyResult {
  const bytes = cmsBytes(input);
  // DER that is not a ContentInfo (cut short, or another structure) is an error; other input is simply unsigned.
  const looksLikeDer = bytes.length > 0 && bytes[0] === 0x30;
  if (bytes.length === 0) return unsignedResult('the file is empty');
  if (!looksLikeDer && !isCmsContentInfo(bytes)) return unsignedResult('the file is not CMS signed data');

  let signedData: SignedData;
  try {
    const info = parseOrThrow('the CMS ContentInfo', () => parseContentInfo(bytes));
    if (info.contentType === OID_ENVELOPED_DATA) return unsignedResult('the file is CMS EnvelopedData (encrypted), not signed data');
    if (info.contentType !== OID_SIGNED_DATA) return unsignedResult('the file is CMS of another content type, not signed data');
    signedData = parseOrThrow('the CMS SignedData', () => parseSignedData(info.content));
    checkDigestAlgorithmList(signedData);
  } catch (error) {
    if (error instanceof CmsError) return failedResult(error.message, true);
    throw error;
  }

  if (signedData.signerInfos.length === 0) return unsignedResult('the SignedData has no signers (it is a certificate bundle)', signedData.content);
  if (signedData.content === null) return failedResult('the signature is detached: the signed content is not in the file, so it cannot be checked', true);

  try {
    const extra = (options.extraCertificates ?? []).map((der, index) => parseCallerCertificate(der, `extra certificate ${index + 1}`));
    const givenAnchors = (options.anchors ?? []).map((der, index) => parseCallerCertificate(der, `trust anchor ${index + 1}`));
    const now = options.now ?? new Date();
    const checkAll = (anchors: readonly Certificate[]) => signedData.signerInfos.map((signerInfo) => checkSigner(signerInfo, signedData, extra, anchors, now));

    // Reading the built-in roots loads node:tls and indexes its root certificates (144 in Node
    // 20.20), about 6 ms of a 100 ms `verify --ca` that the given anchors often decide alone.
    if (options.systemRoots !== false && givenAnchors.length > 0) {
      const checks = checkAll(givenAnchors);
      if (checks.every(decidedWithoutSystemRoots)) return combineSigners(signedData, checks, now);
    }

    // Of the built-in roots, only those that issued a certificate in the file can be on a chain.
    const systemRoots = options.systemRoots === false ? [] : systemRootsIssuing([...signedData.certificates, ...extra]);
    return combineSigners(signedData, checkAll([...givenAnchors, ...systemRoots]), now);
  } catch (error) {
    if (error instanceof CmsError) return failedResult(error.message, true, signedData);
    throw error;
  }
}

/**
 * Checks SignedData.digestAlgorithms, which no signature covers, as OpenSSL does before it
 * verifies: every signer's digest must be listed, and every other entry must name a digest.
 * NOTE: an extra entry for a digest this tool does not implement (SHA-3), which OpenSSL
 * accepts, is rejected here as damage.
 */
function checkDigestAlgorithmList(signedData: SignedData): void {
  const listed = signedData.digestAlgorithms.map((algorithm) => algorithm.oid);
  const used = signedData.signerInfos.map((signerInfo) => signerInfo.digestAlgorithm.oid);
  used.forEach((oid, index) => {
    if (!listed.includes(oid)) {
      throw new CmsError('malformed', `the SignedData digestAlgorithms list does not contain ${describeOid(oid)}, the digest algorithm of signer ${index + 1}; the file is damaged`, { oid, field: 'SignedData.digestAlgorithms' });
    }
  });

  for (const oid of listed) {
    if (!used.includes(oid) && digestFromOid(oid) === undefined && oid !== OID_MD5) {
      throw new CmsError('malformed', `the SignedData digestAlgorithms list contains ${describeOid(oid)}, which is not a digest algorithm; the file is damaged`, { oid, field: 'SignedData.digestAlgorithms' });
    }
  }
}

/**
 * True when adding the built-in roots after the given anchors cannot change a signer's facts:
 * its trust path ends at a self-signed given anchor and its complete path at a self-signed root.
 * Both chain walks search the given anchors before the built-in roots and stopped at a
 * self-signed certificate, so no step changes. A built-in root could only stop the trust walk
 * early by being the same certificate as one on the path that is not self-signed, and every
 * built-in root is self-signed (a test checks this on the Node that runs it).
 */
function decidedWithoutSystemRoots(check: SignerFacts): boolean {
  const chain = check.chain;
  return chain !== null && chain.trusted && chain.endsAtRootAnchor && chain.complete && chain.missingRoot === null;
}

function checkSigner(signerInfo: SignerInfo, signedData: SignedData, extra: readonly Certificate[], anchors: readonly Certificate[], now: Date): SignerFacts {
  const inFile = signedData.certificates.find((candidate) => identifierMatches(signerInfo.sid, candidate));
  const certificate = inFile ?? extra.find((candidate) => identifierMatches(signerInfo.sid, candidate)) ?? null;
  if (!certificate) {
    const text = `the signer certificate (${describeIdentifier(signerInfo.sid)}) is not in the file: give it as an extra certificate (--certfile) to check the signature`;
    return { signerInfo, certificate, certificateInFile: false, signatureValid: false, chain: null, expired: false, expiredAtSigningTime: null, notYetValid: false, notYetValidAtSigningTime: null, problems: [{ kind: 'unchecked', text }] };
  }

  const signature = checkSignerSignature(signerInfo, certificate, signedData.content ?? new Uint8Array(0), signedData.contentType);
  const chain = buildChain(certificate, signedData.certificates, anchors, now, extra);
  const signingTime = signerInfo.signingTime;
  const problems: Problem[] = signature.problems.map((text) => ({ kind: 'signature', text }));

  // Chain and trust.
  const subject = certificate.subject.display;
  if (!inFile) problems.push({ kind: 'chain', text: `the signer certificate ${subject} is not in the file, so devices cannot check the signature: sign again with it included` });
  if (!chain.complete) problems.push({ kind: 'chain', text: `the chain of ${subject} is incomplete: add the intermediate certificates when signing` });
  if (!chain.trusted && chain.missingRoot) {
    problems.push({ kind: 'trust', text: `the chain of ${subject} ends at a CA issued by ${chain.missingRoot.issuer}, which is not a trusted root here: pass that root certificate as a trust anchor (--ca) to check trust` });
  } else if (!chain.trusted) {
    problems.push({ kind: 'trust', text: `the chain of ${subject} does not lead to a trusted root` });
  }
  if (chain.intermediateAnchor) {
    // With an incomplete chain the fix is the intermediates, which the problem above names already.
    const hint = chain.complete ? ' (pass the root with --ca to check)' : '';
    problems.push({ kind: 'anchor', text: `the trust anchor ${chain.intermediateAnchor.subject.display} is not a root certificate: devices trust only roots, so they may show the profile as "Not Verified"${hint}` });
  }

  // Validity of every certificate on the path, the signer's own also at its signing time.
  for (const out of chain.outOfValidity) {
    if (now < out.notBefore) problems.push({ kind: 'not-yet-valid', text: `certificate ${out.subject.display} is not valid until ${out.notBefore.toISOString()}` });
    else problems.push({ kind: 'expired', text: `certificate ${out.subject.display} expired on ${out.notAfter.toISOString()}` });
  }
  return {
    signerInfo,
    certificate,
    certificateInFile: inFile !== undefined,
    signatureValid: signature.digestMatches && signature.signatureVerifies,
    chain,
    expired: now > certificate.notAfter,
    expiredAtSigningTime: signingTime ? signingTime > certificate.notAfter : null,
    notYetValid: now < certificate.notBefore,
    notYetValidAtSigningTime: signingTime ? signingTime < certificate.notBefore : null,
    problems,
  };
}
