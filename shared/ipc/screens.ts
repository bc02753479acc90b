// Data the inspection, certificate and export screens exchange with the main process. The
// method map itself is in contract.ts; these are the shapes of its requests and responses.
//
// Files and folders are referred to by handles (`fileId`, `inspectionId`, `folderId`) that the
// main process hands out for paths that came from its own dialogs or from a drop, so the
// renderer never names a path to read again or to write. Identities cross as summaries and ids;
// a passphrase crosses once, in the import request, and is not returned.

import type { ExportMode } from '../export/results.ts';
import type { IdentitySummary, Persistence, RecipientSummary } from '../keystore/summaries.ts';
import type { InspectReport } from '../report/inspect-report.ts';
import type { ProvisioningProfileType } from '../provisioning/model.ts';

/** One inspected file. */
export interface FileInspection {
  /** Handle for later calls about this file (decrypt, import as an identity); valid until the window closes or the list is cleared. */
  readonly inspectionId: string;
  readonly report: InspectReport;
  /**
   * The plist as XML text, for profiles, stubs and other plists (the decrypted profile after
   * "Decrypt with identity"); null for other files. The renderer builds the payload tree, the
   * validation findings, the comparison and "Edit a copy" from it.
   */
  readonly xml: string | null;
}

/** One row of a folder's results table: the CSV columns of `folderReportCsv`. */
export interface FolderRow {
  readonly file: string;
  readonly ok: boolean;
  readonly kind: string;
  readonly container: string;
  readonly signed: boolean | null;
  readonly signatureStatus: string;
  readonly signer: string;
  readonly signerExpires: string;
  readonly encrypted: boolean | null;
  readonly identifier: string;
  readonly displayName: string;
  readonly payloads: number | null;
  readonly error: string;
  readonly warnings: string;
}

/** One provisioning profile of a folder, with the flags of the provisioning report. */
export interface ProvisioningRow {
  readonly file: string;
  readonly name: string;
  readonly uuid: string;
  readonly appId: string;
  readonly team: string;
  readonly type: ProvisioningProfileType;
  /** ISO-8601, UTC. */
  readonly expirationDate: string;
  readonly daysLeft: number;
  readonly expired: boolean;
  /** Not expired, but expiring within `FolderInspectionResult.expiringWithinDays`. */
  readonly expiringSoon: boolean;
  /** Number of ProvisionedDevices; null for profiles that provision all devices. */
  readonly devices: number | null;
  readonly allCertificatesExpired: boolean;
  /** Another file in the folder has the same UUID (the same profile downloaded twice). */
  readonly duplicateUuid: boolean;
  /** Another file in the folder has the same App ID. */
  readonly duplicateAppId: boolean;
  readonly signatureStatus: string;
}

export interface FolderInspectionResult {
  /** Handle for saving the tables as CSV. */
  readonly folderId: string;
  readonly folder: string;
  readonly rows: readonly FolderRow[];
  readonly provisioning: readonly ProvisioningRow[];
  /** Days within which a provisioning profile counts as expiring soon. */
  readonly expiringWithinDays: number;
  /** The folder held more files than the inspection reads; the first ones are listed. */
  readonly truncated: boolean;
  /** The user stopped the walk; the files read until then are listed. */
  readonly cancelled: boolean;
}

/** What a drop (or File > Inspect…) found: files are inspected one by one, folders as tables. */
export interface InspectionBatch {
  readonly files: readonly FileInspection[];
  readonly folders: readonly FolderInspectionResult[];
}

/** The tables a folder result can be saved as. */
export type FolderTable = 'files' | 'provisioning';

export const FOLDER_TABLES: readonly FolderTable[] = ['files', 'provisioning'];

/** A file the user chose in a main-process dialog. */
export interface ChosenFile {
  readonly fileId: string;
  /** File name, for display. */
  readonly displayName: string;
}

export interface ChosenPemFiles {
  readonly certificate: ChosenFile;
  readonly key: ChosenFile;
}

export interface KeystoreState {
  readonly identities: readonly IdentitySummary[];
  readonly recipients: readonly RecipientSummary[];
  readonly persistence: Persistence;
  /** Set when the saved identities could not be loaded at start. The message explains what to do. */
  readonly loadProblem: string | null;
}

export interface RecipientImport {
  readonly added: readonly RecipientSummary[];
  readonly failures: readonly { readonly file: string; readonly message: string }[];
}

/** Digests the export dialog offers for signing. */
export const EXPORT_DIGESTS = ['sha256', 'sha384', 'sha512'] as const;
export type ExportDigest = (typeof EXPORT_DIGESTS)[number];

/** Content ciphers the export dialog offers for encryption, strongest first. */
export const EXPORT_CIPHERS = ['aes-256-cbc', 'aes-128-cbc', 'des-ede3-cbc'] as const;
export type ExportCipher = (typeof EXPORT_CIPHERS)[number];

export const EXPORT_MODES: readonly ExportMode[] = ['unsigned', 'signed', 'encrypted', 'per-recipient'];

/** The export dialog's choices, with the profile as the editor shows it. */
export interface ExportChoices {
  /** The profile's XML text. */
  readonly text: string;
  /** The document's name, for messages and the suggested file name. */
  readonly profileName: string;
  readonly mode: ExportMode;
  readonly identityId?: string;
  readonly digest?: ExportDigest;
  readonly recipientIds?: readonly string[];
  readonly cipher?: ExportCipher;
}

/** An export request: the choices, and whether the user confirmed exporting despite error warnings. */
export interface ExportRunRequest extends ExportChoices {
  readonly acceptErrors: boolean;
}
