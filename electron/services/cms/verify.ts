// Verification of a signed profile: separate facts (signature, chain, trust, expiry) and one
// status derived from them, so that a broken signature is never reported as "unsigned".

import { describeOid, OID_ENVELOPED_DATA, OID_MD5, OID_SIGNED_DATA } from '../../../shared/asn1/oids.ts';
import { CmsError } from '../../../shared/cms/errors.ts';
import { parseContentInfo } from '../../../shared/cms/content-info.ts';
import { describeIdentifier, identifierMatches } from '../../../shared/cms/identifier.ts';
import { describeCertificate, digestAlgorithmName, isCmsContentInfo, type CertificateSummary } from '../../../shared/cms/index.ts';
import { parseSignedData, type SignedData } from '../../../shared/cms/signed-data.ts';
import type { SignerInfo } from '../../../shared/cms/signer-info.ts';
import type { Certificate } from '../../../shared/x509/certificate.ts';
import { digestFromOid } from './algorithms.ts';
import { buildChain, systemRootsIssuing, type ChainFacts } from './chain.ts';
import { cmsBytes, parseCallerCertificate, parseOrThrow } from './input.ts';
import { checkSignerSignature } from './signature-check.ts';

export type VerifyStatus = 'valid' | 'untrusted' | 'expired' | 'invalid' | 'unsigned' | 'error';

export interface VerifyOptions {
  /** Extra trust anchors, DER certificates (the CLI's `--ca`). */
  readonly anchors?: readonly Uint8Array[];
  /** Also trust Node's built-in root store. Default true. */
  readonly systemRoots?: boolean;
  /** The time validity is checked at; default now. */
  readonly now?: Date;
}

export interface VerifyResult {
  /** The input is a CMS SignedData with at least one signer. */
  readonly signed: boolean;
  readonly status: VerifyStatus;
  /** Every signer's messageDigest matches the content and its signature verifies. */
  readonly signatureValid: boolean;
  /** Every signer's intermediates are in the file and lead to a self-signed root (in the file or among the anchors). */
  readonly chainComplete: boolean;
  /** Every signer's chain reaches a trust anchor. */
  readonly chainTrusted: boolean;
  /** A signer certificate is outside its validity period now. */
  readonly signerExpired: boolean;
  /** A signer certificate was outside its validity period at its signingTime; null without a signingTime. */
  readonly signerExpiredAtSigningTime: boolean | null;
  /** The first signer's signingTime, ISO-8601, or null. */
  readonly signingTime: string | null;
  /** The first signer's digest: sha1, sha256, sha384, sha512, or the OID. */
  readonly digestAlgorithm: string | null;
  /** Summaries of the signer certificates found. */
  readonly signers: readonly CertificateSummary[];
  /** One sentence for people. */
  readonly message: string;
  /** Every problem found, in words. */
  readonly problems: readonly string[];
  /** The embedded content (the profile), or null. Not part of the JSON report. */
  readonly content: Uint8Array | null;
}

/**
 * Verifies CMS SignedData given as DER, BER, PEM or base64. Malformed input and unsupported
 * algorithms come back as status 'error', not as exceptions; only a bug raises.
 */
export function verify(input: Uint8Array, options: VerifyOptions = {}): VerifyResult {
  const bytes = cmsBytes(input);
  // DER that is not a ContentInfo (cut short, or another structure) is an error; other input is simply unsigned.
  const looksLikeDer = bytes.length > 0 && bytes[0] === 0x30;
  if (!looksLikeDer && !isCmsContentInfo(bytes)) return unsigned('the file is not CMS signed data');

  let signedData: SignedData;
  try {
    const info = parseOrThrow('the CMS ContentInfo', () => parseContentInfo(bytes));
    if (info.contentType === OID_ENVELOPED_DATA) return unsigned('the file is CMS EnvelopedData (encrypted), not signed data');
    if (info.contentType !== OID_SIGNED_DATA) return unsigned('the file is CMS of another content type, not signed data');
    signedData = parseOrThrow('the CMS SignedData', () => parseSignedData(info.content));
    checkDigestAlgorithmList(signedData);
  } catch (error) {
    if (error instanceof CmsError) return failed(error.message, true);
    throw error;
  }

  if (signedData.signerInfos.length === 0) return unsigned('the SignedData has no signers (it is a certificate bundle)', signedData.content);
  if (signedData.content === null) return failed('the signature is detached: the signed content is not in the file, so it cannot be checked', true);

  try {
    // Of the built-in roots, only those that issued a certificate in the file can be on a chain.
    const anchors = [...(options.anchors ?? []).map((der, index) => parseCallerCertificate(der, `trust anchor ${index + 1}`)), ...(options.systemRoots === false ? [] : systemRootsIssuing(signedData.certificates))];
    const now = options.now ?? new Date();
    const checks = signedData.signerInfos.map((signerInfo) => checkSigner(signerInfo, signedData, anchors, now));
    return combine(signedData, checks, now);
  } catch (error) {
    if (error instanceof CmsError) return failed(error.message, true, signedData);
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

interface SignerFacts {
  readonly signerInfo: SignerInfo;
  readonly certificate: Certificate | null;
  readonly signatureValid: boolean;
  readonly chain: ChainFacts | null;
  readonly expired: boolean;
  readonly expiredAtSigningTime: boolean | null;
  readonly problems: readonly string[];
}

function checkSigner(signerInfo: SignerInfo, signedData: SignedData, anchors: readonly Certificate[], now: Date): SignerFacts {
  const certificate = signedData.certificates.find((candidate) => identifierMatches(signerInfo.sid, candidate)) ?? null;
  if (!certificate) {
    const problem = `the signer certificate (${describeIdentifier(signerInfo.sid)}) is not in the file, so the signature cannot be checked`;
    return { signerInfo, certificate, signatureValid: false, chain: null, expired: false, expiredAtSigningTime: null, problems: [problem] };
  }

  const signature = checkSignerSignature(signerInfo, certificate, signedData.content ?? new Uint8Array(0), signedData.contentType);
  const chain = buildChain(certificate, signedData.certificates, anchors, now);
  const expired = outside(certificate, now);
  const expiredAtSigningTime = signerInfo.signingTime ? outside(certificate, signerInfo.signingTime) : null;

  const problems = [...signature.problems];
  if (!chain.complete) problems.push(`the chain of ${certificate.subject.display} is incomplete: add the intermediate certificates when signing`);
  if (!chain.trusted && chain.missingRoot) {
    problems.push(`the chain of ${certificate.subject.display} ends at a CA issued by ${chain.missingRoot.issuer}, which is not a trusted root here: pass that root certificate as a trust anchor (--ca) to check trust`);
  } else if (!chain.trusted) {
    problems.push(`the chain of ${certificate.subject.display} does not lead to a trusted root`);
  }
  for (const out of chain.outOfValidity) {
    const when = now < out.notBefore ? `is not valid until ${out.notBefore.toISOString()}` : `expired on ${out.notAfter.toISOString()}`;
    problems.push(`certificate ${out.subject.display} ${when}`);
  }
  return { signerInfo, certificate, signatureValid: signature.digestMatches && signature.signatureVerifies, chain, expired, expiredAtSigningTime, problems };
}

function outside(certificate: Certificate, time: Date): boolean {
  return time < certificate.notBefore || time > certificate.notAfter;
}

function combine(signedData: SignedData, checks: readonly SignerFacts[], now: Date): VerifyResult {
  const first = checks[0].signerInfo;
  const signatureValid = checks.every((check) => check.signatureValid);
  const chainComplete = checks.every((check) => check.chain?.complete === true);
  const chainTrusted = checks.every((check) => check.chain?.trusted === true);
  const signerExpired = checks.some((check) => check.expired);
  const anyOutOfValidity = checks.some((check) => (check.chain?.outOfValidity.length ?? 0) > 0);
  const atSigning = checks.map((check) => check.expiredAtSigningTime).filter((value): value is boolean => value !== null);
  const problems = checks.flatMap((check) => check.problems);

  // Precedence: a bad signature outranks expiry, which outranks missing trust.
  let status: VerifyStatus = 'valid';
  if (!signatureValid) status = 'invalid';
  else if (signerExpired || anyOutOfValidity) status = 'expired';
  else if (!chainTrusted) status = 'untrusted';

  return {
    signed: true,
    status,
    signatureValid,
    chainComplete,
    chainTrusted,
    signerExpired,
    signerExpiredAtSigningTime: atSigning.length === 0 ? null : atSigning.some(Boolean),
    signingTime: first.signingTime?.toISOString() ?? null,
    digestAlgorithm: digestAlgorithmName(first.digestAlgorithm.oid),
    signers: checks.flatMap((check) => (check.certificate ? [describeCertificate(check.certificate)] : [])),
    message: statusMessage(status, problems, now),
    problems,
    content: signedData.content,
  };
}

function statusMessage(status: VerifyStatus, problems: readonly string[], now: Date): string {
  const detail = problems.length > 0 ? `: ${problems[0]}` : '';
  switch (status) {
    case 'valid':
      return `the signature is valid and the signer is trusted (checked at ${now.toISOString()})`;
    case 'untrusted':
      return `the signature is valid but not trusted${detail}`;
    case 'expired':
      return `the signature is valid but a certificate is outside its validity period${detail}`;
    case 'invalid':
      return `the signature is invalid${detail}`;
    case 'unsigned':
    case 'error':
      return problems[0] ?? status;
    default:
      return assertNeverStatus(status);
  }
}

function unsigned(reason: string, content: Uint8Array | null = null): VerifyResult {
  return { ...emptyResult(reason, content), status: 'unsigned', signed: false };
}

function failed(reason: string, signed: boolean, signedData?: SignedData): VerifyResult {
  const result = emptyResult(reason, signedData?.content ?? null);
  const first = signedData?.signerInfos[0];
  return {
    ...result,
    status: 'error',
    signed,
    digestAlgorithm: first ? digestAlgorithmName(first.digestAlgorithm.oid) : null,
    signingTime: first?.signingTime?.toISOString() ?? null,
  };
}

function emptyResult(reason: string, content: Uint8Array | null): VerifyResult {
  return {
    signed: false,
    status: 'error',
    signatureValid: false,
    chainComplete: false,
    chainTrusted: false,
    signerExpired: false,
    signerExpiredAtSigningTime: null,
    signingTime: null,
    digestAlgorithm: null,
    signers: [],
    message: reason,
    problems: [reason],
    content,
  };
}

function assertNeverStatus(value: never): never {
  throw new Error(`Unexpected verify status: ${String(value)}`);
}
