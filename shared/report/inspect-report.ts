// The inspection report of one file: what `mobileconfig inspect --json` prints and the app's
// inspection cards show. Field names are part of the CLI's JSON contract; change them only
// together with the README.

import type { CertificateSummary } from '../cms/index.ts';
import type { DeviceAttributesDescription } from '../enrolment/device-response.ts';
import type { JsonValue } from '../profile/json-value.ts';
import type { EnvelopeFacts } from '../profile/signed.ts';
import type { PayloadSummary, ProfileServiceSummary, TopSummary } from '../profile/summary.ts';
import type { ProvisioningProfileFacts } from '../provisioning/model.ts';

/** A certificate as reports show it: RFC 4514 names, lower-case hex serial and SHA-256, ISO-8601 dates. */
export type CertificateReport = CertificateSummary;

export interface SignatureReport {
  readonly status: 'valid' | 'untrusted' | 'expired' | 'not-yet-valid' | 'invalid' | 'unsigned' | 'error';
  readonly signatureValid: boolean;
  readonly chainComplete: boolean;
  readonly chainTrusted: boolean;
  readonly signerExpired: boolean;
  readonly message: string;
}

export type EncryptionReport = EnvelopeFacts;

export interface StubReport {
  readonly facts: Record<string, JsonValue>;
  readonly signerCerts: readonly CertificateReport[];
}

export interface InspectReport {
  readonly file: string;
  readonly ok: boolean;
  readonly error?: string;
  readonly container?: 'xml' | 'binary' | 'cms-signed';
  readonly armour?: 'pem' | 'base64';
  readonly plistFormat?: 'xml' | 'binary';
  /** `certificate` and `identity` (PKCS#12) are dropped key files rather than plists. */
  readonly kind?: 'profile' | 'stub' | 'plist' | 'provisioning' | 'device-attributes' | 'certificate' | 'identity';
  readonly signed?: boolean;
  readonly encrypted?: boolean;
  readonly digestAlgorithm?: string;
  readonly signers?: readonly CertificateReport[];
  /** Every certificate inside the CMS, signer first. */
  readonly certificates?: readonly CertificateReport[];
  readonly signature?: SignatureReport;
  readonly encryption?: EncryptionReport;
  readonly top?: TopSummary;
  readonly payloads?: readonly PayloadSummary[];
  /** For an over-the-air enrolment profile: its URL, requested device attributes, and whether it has a challenge. */
  readonly profileService?: ProfileServiceSummary;
  readonly stub?: StubReport;
  /** A device's signed attribute response from over-the-air enrolment (the challenge value is never shown). */
  readonly deviceAttributes?: DeviceAttributesDescription;
  /** For an app provisioning profile: app, team, type, expiry, devices, entitlements and developer certificates. */
  readonly provisioning?: ProvisioningProfileFacts;
  readonly warnings: readonly string[];
}
