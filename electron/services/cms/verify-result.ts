// The result of verifying a signed profile: the facts of every signer combined into one
// report, with the status that follows from them and a message that names the main problem.

import { describeCertificate, digestAlgorithmName, type CertificateSummary } from '../../../shared/cms/index.ts';
import type { SignedData } from '../../../shared/cms/signed-data.ts';
import type { SignerInfo } from '../../../shared/cms/signer-info.ts';
import type { Certificate } from '../../../shared/x509/certificate.ts';
import type { ChainFacts } from './chain.ts';

export type VerifyStatus = 'valid' | 'untrusted' | 'expired' | 'not-yet-valid' | 'invalid' | 'unsigned' | 'error';

export interface VerifyResult {
  /** The input is a CMS SignedData with at least one signer. */
  readonly signed: boolean;
  readonly status: VerifyStatus;
  /** Every signer's messageDigest matches the content and its signature verifies. False when a signature could not be checked. */
  readonly signatureValid: boolean;
  /** The file contains every signer certificate and every intermediate, up to a self-signed root or a CA whose issuer (the root) is left out. */
  readonly chainComplete: boolean;
  /** Every signer's chain reaches a trust anchor. */
  readonly chainTrusted: boolean;
  /** A signer certificate's validity ended before now. */
  readonly signerExpired: boolean;
  /** A signer certificate's validity had ended at its signingTime; null without a signingTime. */
  readonly signerExpiredAtSigningTime: boolean | null;
  /** A signer certificate's validity starts after now. */
  readonly signerNotYetValid: boolean;
  /** A signer certificate's validity had not started at its signingTime; null without a signingTime. */
  readonly signerNotYetValidAtSigningTime: boolean | null;
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

/** The category of a problem. The status message quotes the first problem of its status's category. */
export type ProblemKind = 'unchecked' | 'signature' | 'expired' | 'not-yet-valid' | 'chain' | 'trust' | 'anchor';

export interface Problem {
  readonly kind: ProblemKind;
  readonly text: string;
}

/** The checks of one SignerInfo. */
export interface SignerFacts {
  readonly signerInfo: SignerInfo;
  readonly certificate: Certificate | null;
  /** The signer certificate is in the file (not only among the extra certificates). */
  readonly certificateInFile: boolean;
  /** False when the signature failed or could not be checked (an 'unchecked' problem). */
  readonly signatureValid: boolean;
  readonly chain: ChainFacts | null;
  readonly expired: boolean;
  readonly expiredAtSigningTime: boolean | null;
  readonly notYetValid: boolean;
  readonly notYetValidAtSigningTime: boolean | null;
  readonly problems: readonly Problem[];
}

/** Combines the facts of every signer into one result. */
export function combineSigners(signedData: SignedData, checks: readonly SignerFacts[], now: Date): VerifyResult {
  const first = checks[0].signerInfo;
  const problems = checks.flatMap((check) => check.problems);
  const has = (kind: ProblemKind): boolean => problems.some((problem) => problem.kind === kind);
  const signatureValid = checks.every((check) => check.signatureValid);
  const chainTrusted = checks.every((check) => check.chain?.trusted === true);

  // Precedence: a bad signature outranks one that cannot be checked, which outranks expiry,
  // a validity that has not started, and then missing trust.
  let status: VerifyStatus = 'valid';
  if (has('signature')) status = 'invalid';
  else if (has('unchecked')) status = 'error';
  else if (has('expired')) status = 'expired';
  else if (has('not-yet-valid')) status = 'not-yet-valid';
  else if (!chainTrusted) status = 'untrusted';

  return {
    signed: true,
    status,
    signatureValid,
    chainComplete: checks.every((check) => check.certificateInFile && check.chain?.complete === true),
    chainTrusted,
    signerExpired: checks.some((check) => check.expired),
    signerExpiredAtSigningTime: anyAtSigningTime(checks.map((check) => check.expiredAtSigningTime)),
    signerNotYetValid: checks.some((check) => check.notYetValid),
    signerNotYetValidAtSigningTime: anyAtSigningTime(checks.map((check) => check.notYetValidAtSigningTime)),
    signingTime: first.signingTime?.toISOString() ?? null,
    digestAlgorithm: digestAlgorithmName(first.digestAlgorithm.oid),
    signers: checks.flatMap((check) => (check.certificate ? [describeCertificate(check.certificate)] : [])),
    message: statusMessage(status, problems, now),
    problems: problems.map((problem) => problem.text),
    content: signedData.content,
  };
}

/** Returns null when no signer has a signingTime, else whether any signer's value is true. */
function anyAtSigningTime(values: readonly (boolean | null)[]): boolean | null {
  const known = values.filter((value): value is boolean => value !== null);
  return known.length === 0 ? null : known.some(Boolean);
}

function statusMessage(status: VerifyStatus, problems: readonly Problem[], now: Date): string {
  const detailOf = (kind: ProblemKind): string => {
    const problem = problems.find((candidate) => candidate.kind === kind);
    return problem ? `: ${problem.text}` : '';
  };
  switch (status) {
    case 'valid':
      return `the signature is valid and the signer is trusted (checked at ${now.toISOString()})`;
    case 'untrusted':
      return `the signature is valid but not trusted${detailOf('trust') || detailOf('chain')}`;
    case 'expired':
      return `the signature is valid but a certificate has expired${detailOf('expired')}`;
    case 'not-yet-valid':
      return `the signature is valid but a certificate is not valid yet${detailOf('not-yet-valid')}`;
    case 'invalid':
      return `the signature is invalid${detailOf('signature')}`;
    case 'error':
      return `the signature cannot be checked${detailOf('unchecked')}`;
    case 'unsigned':
      return problems[0]?.text ?? status;
    default:
      return assertNeverStatus(status);
  }
}

/** A result for input that is not signed data; `content` is kept for a certificate bundle. */
export function unsignedResult(reason: string, content: Uint8Array | null = null): VerifyResult {
  return { ...emptyResult(reason, content), status: 'unsigned', signed: false };
}

/** A result for signed data that cannot be read or checked as a whole. */
export function failedResult(reason: string, signed: boolean, signedData?: SignedData): VerifyResult {
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
    signerNotYetValid: false,
    signerNotYetValidAtSigningTime: null,
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
