// The inspection report of one file: what `mobileconfig inspect --json` prints and the app's
// inspection cards show. Field names are part of the CLI's JSON contract; change them only
// together with the README.

import type { JsonValue } from '../../../shared/profile/json-value.ts';
import type { PayloadSummary, TopSummary } from '../../../shared/profile/summary.ts';

export interface CertificateReport {
  readonly subject: string;
  readonly issuer: string;
  /** Hex, lower case, as `openssl x509 -serial` prints it (but lower case). */
  readonly serialNumber: string;
  /** ISO-8601 UTC. */
  readonly notBefore: string;
  readonly notAfter: string;
  /** SHA-256 of the DER certificate, hex lower case. */
  readonly sha256: string;
}

export interface SignatureReport {
  readonly status: 'valid' | 'untrusted' | 'expired' | 'invalid' | 'unsigned' | 'error';
  readonly signatureValid: boolean;
  readonly chainComplete: boolean;
  readonly chainTrusted: boolean;
  readonly signerExpired: boolean;
  readonly message: string;
}

export interface RecipientReport {
  /** `issuerAndSerialNumber` or `subjectKeyIdentifier`. */
  readonly idType: string;
  readonly issuer?: string;
  readonly serialNumber?: string;
  readonly subjectKeyIdentifier?: string;
  readonly keyEncryptionAlgorithm: string;
}

export interface EncryptionReport {
  readonly contentEncryptionAlgorithm: string;
  readonly recipients: readonly RecipientReport[];
}

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
  readonly kind?: 'profile' | 'stub' | 'plist' | 'provisioning';
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
  readonly stub?: StubReport;
  readonly warnings: readonly string[];
}
