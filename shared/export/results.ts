// The results of an export and the warnings the dialog shows before writing. They are kept in
// shared/ because the app's export dialog receives them over IPC.

/** unsigned XML, signed, encrypted for chosen devices (optionally signed), or one encrypted file per device. */
export type ExportMode = 'unsigned' | 'signed' | 'encrypted' | 'per-recipient';

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
