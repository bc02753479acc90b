// Warnings about a signer certificate, given at signing time so that a profile that devices
// would show as "Not Verified" is caught before it is distributed.

import { bytesEqual } from '../../../shared/asn1/bytes.ts';
import type { Certificate } from '../../../shared/x509/certificate.ts';

export type SignWarningCode = 'signer-expired' | 'signer-not-yet-valid' | 'signer-expires-soon' | 'issuer-missing';

export interface SignWarning {
  readonly code: SignWarningCode;
  readonly message: string;
}

/** Days before notAfter from which a signer counts as expiring soon. */
export const EXPIRY_WARNING_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Returns the warnings for signing with `signer` at `now`, with `chain` as the certificates given alongside it. */
export function signerWarnings(signer: Certificate, chain: readonly Certificate[], now: Date): SignWarning[] {
  const warnings: SignWarning[] = [];
  const subject = signer.subject.display;
  const notAfter = signer.notAfter.toISOString();

  if (signer.notAfter.getTime() < now.getTime()) {
    warnings.push({ code: 'signer-expired', message: `signer certificate ${subject} expired on ${notAfter}; devices will show the profile as not verified. Renew the certificate.` });
  } else if (signer.notAfter.getTime() - now.getTime() < EXPIRY_WARNING_DAYS * DAY_MS) {
    const days = Math.ceil((signer.notAfter.getTime() - now.getTime()) / DAY_MS);
    warnings.push({ code: 'signer-expires-soon', message: `signer certificate ${subject} expires in ${days} ${days === 1 ? 'day' : 'days'}, on ${notAfter}. Renew it before distributing the profile widely.` });
  }
  if (signer.notBefore.getTime() > now.getTime()) {
    warnings.push({ code: 'signer-not-yet-valid', message: `signer certificate ${subject} is not valid until ${signer.notBefore.toISOString()}; check the clock or the certificate.` });
  }

  const issuerPresent = signer.isSelfIssued || chain.some((candidate) => bytesEqual(candidate.subjectRaw, signer.issuerRaw));
  if (!issuerPresent) {
    warnings.push({
      code: 'issuer-missing',
      message: `the issuer of the signer certificate (${signer.issuer.display}) is not in the chain and the signer is not self-signed; devices cannot build the chain. Add the intermediate certificates with the chain option.`,
    });
  }
  return warnings;
}
