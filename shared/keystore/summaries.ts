// What the renderer may see of identities and recipients: certificate facts and handles,
// never key material. They are kept in shared/ because they cross IPC to the app's certificate
// manager.

import type { CertificateSummary } from '../cms/index.ts';

/** How close a certificate is to its expiry, for the badge the app shows. */
export interface ExpiryStatus {
  readonly state: 'valid' | 'expiring' | 'expired' | 'not-yet-valid';
  /** Whole days until notAfter (negative once expired). */
  readonly daysLeft: number;
}

/** The keystore's storage: encrypted on disk, or only for this session with the reason. */
export type Persistence = { readonly mode: 'encrypted' } | { readonly mode: 'session'; readonly reason: string };

export interface IdentitySummary {
  /** Opaque handle the renderer passes back to sign or decrypt with this identity. */
  readonly id: string;
  /** The file the identity came from, for display. */
  readonly source: string;
  readonly certificate: CertificateSummary;
  readonly chain: readonly CertificateSummary[];
  readonly expiry: ExpiryStatus;
  readonly notes: readonly string[];
}

export interface RecipientSummary {
  readonly id: string;
  readonly source: string;
  readonly certificate: CertificateSummary;
  readonly expiry: ExpiryStatus;
  /** Set when the certificate cannot receive encrypted profiles (an EC key, for example). */
  readonly unusable?: string;
}

/** Days before notAfter from which a certificate counts as expiring. */
export const EXPIRING_WITHIN_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

export function expiryStatus(certificate: CertificateSummary, now: Date): ExpiryStatus {
  const notAfter = Date.parse(certificate.notAfter);
  const notBefore = Date.parse(certificate.notBefore);
  const daysLeft = Math.floor((notAfter - now.getTime()) / DAY_MS);
  if (now.getTime() > notAfter) return { state: 'expired', daysLeft };
  if (now.getTime() < notBefore) return { state: 'not-yet-valid', daysLeft };
  return { state: daysLeft < EXPIRING_WITHIN_DAYS ? 'expiring' : 'valid', daysLeft };
}
