// The description of an identity, safe to show anywhere (the renderer included) because it
// contains certificate facts only, never key material.

import { describeCertificate, type CertificateSummary } from '../../../shared/cms/index.ts';
import type { Certificate } from '../../../shared/x509/certificate.ts';

export interface IdentityDescription extends CertificateSummary {
  /** Summaries of the other certificates, issuer path from the signer upwards first. */
  readonly chain: readonly CertificateSummary[];
  /** Facts found on import: a missing MAC, skipped bags. */
  readonly notes: readonly string[];
}

/** Describes the signer certificate with its chain and the import notes. */
export function describeIdentity(signer: Certificate, chain: readonly Certificate[], notes: readonly string[]): IdentityDescription {
  return { ...describeCertificate(signer), chain: chain.map(describeCertificate), notes: [...notes] };
}
