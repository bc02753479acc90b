// What the export dialog asks the main process to write.

import type { ContentCipherName, SigningDigest } from '../cms/index.ts';

export type ExportMode = 'unsigned' | 'signed' | 'encrypted' | 'per-recipient';

export interface ExportRequest {
  /** The profile as the editor saves it (XML or binary plist bytes, unsigned). */
  readonly profile: Uint8Array;
  /** Named in messages. */
  readonly profileName: string;
  readonly mode: ExportMode;
  /** Signing identity: required for `signed`, optional for the encrypted modes (they then sign after encrypting). */
  readonly identityId?: string;
  readonly digest?: SigningDigest;
  /** Recipients for `encrypted` (all in one file) and `per-recipient` (one file each). */
  readonly recipientIds?: readonly string[];
  readonly cipher?: ContentCipherName;
  /** Output file for `unsigned`, `signed` and `encrypted`. */
  readonly outPath?: string;
  /** Output folder for `per-recipient`. */
  readonly outDir?: string;
}

export type ExportWarningCode =
  | 'validation-errors'
  | 'sensitive-unencrypted'
  | 'signer-expired'
  | 'signer-expires-soon'
  | 'signer-not-yet-valid'
  | 'chain-incomplete'
  | 'recipient-expired'
  | 'recipient-unusable';

export interface ExportWarning {
  readonly code: ExportWarningCode;
  /** `error` warnings should stop a careful admin; the app still lets them confirm. */
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** What the main process found when it read back a file it wrote. */
export interface WrittenFileCheck {
  readonly path: string;
  readonly bytes: number;
  readonly signed: boolean;
  readonly signatureValid?: boolean;
  readonly chainComplete?: boolean;
  readonly chainTrusted?: boolean;
  readonly signerExpired?: boolean;
  readonly status?: string;
  readonly encrypted: boolean;
  /** Recipients found in the written envelope, described by issuer and serial or key id. */
  readonly recipients?: readonly string[];
  /** The certificate the file was encrypted for, in per-recipient mode. */
  readonly recipient?: string;
}

export interface ExportResult {
  readonly files: readonly WrittenFileCheck[];
  readonly failures: readonly { readonly recipient: string; readonly message: string }[];
}

export interface ExportProgress {
  readonly done: number;
  readonly total: number;
  readonly current: string;
}
