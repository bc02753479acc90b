// What the app's enrolment screens exchange with the main process. The methods follow the
// project's IPC contract style (method name → request and response), so the lead can merge
// them into the contract; every type here is plain data that structured clone can carry.
//
// As with documents, the renderer names no file to write: the main process keeps the
// server's state folder under the app's data folder, and files to read (the final profile,
// device CA certificates) come from the main process's own open dialogs as document ids or
// certificate text. Identities cross as handles, never as keys.

import type { EnrolledDevice } from './devices.ts';
import type { EnrolmentLogEntry } from './log-entry.ts';
import type { ProvisioningExplanation, ProvisioningType } from './provisioning.ts';
import type { CustomRules } from './rules.ts';

export interface EnrolmentProfileRequest {
  readonly url: string;
  /** Names from DEVICE_ATTRIBUTE_NAMES (the checkboxes). */
  readonly attributes: readonly string[];
  readonly challenge?: string;
  readonly identifier?: string;
  readonly displayName?: string;
  readonly description?: string;
  readonly organization?: string;
  /** Handle of an imported identity to sign with; the profile stays unsigned without one. */
  readonly signingIdentityId?: string;
}

export interface EnrolmentProfileResult {
  /** The profile as XML, for the editor. */
  readonly xml: string;
  /** The file to save: the signed DER when signed, else the XML bytes. */
  readonly bytes: Uint8Array;
  readonly signed: boolean;
}

export interface EnrolmentServerSettings {
  /** 127.0.0.1 unless the administrator types another address. */
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly provisioning: ProvisioningType;
  readonly rules?: CustomRules;
  /** Under auto provisioning, the challenge every enrolment profile carries. */
  readonly sharedChallenge?: string;
  readonly attributes?: readonly string[];
  /** An open document to send as the final profile; default the workbench CA certificate profile. */
  readonly finalProfileDocumentId?: string;
  /** Device CA certificates as PEM text. */
  readonly deviceCaPem?: string;
  readonly organization?: string;
  /** Handle of an imported identity that signs the profiles; default the workbench's own signer. */
  readonly signingIdentityId?: string;
}

export interface EnrolmentServerStatus {
  readonly running: boolean;
  /** Base URL, `http://127.0.0.1:PORT`, while running. */
  readonly url: string | null;
  /** The Profile Service URL devices open, while running. */
  readonly enrolUrl: string | null;
  readonly provisioning: ProvisioningType | null;
  /** ISO-8601 start time, while running. */
  readonly startedAt: string | null;
  /** Requests logged since the start. */
  readonly requestCount: number;
  readonly deviceCount: number;
  /** For the administrator, such as a warning about a non-loopback address. */
  readonly warnings: readonly string[];
}

/** Method name → request and response, in the IPC contract's style. */
export interface EnrolmentIpcMethods {
  'enrolment.explainTypes': { request: Record<string, never>; response: readonly ProvisioningExplanation[] };
  'enrolment.createProfile': { request: EnrolmentProfileRequest; response: EnrolmentProfileResult };
  'enrolment.startServer': { request: EnrolmentServerSettings; response: EnrolmentServerStatus };
  'enrolment.stopServer': { request: Record<string, never>; response: EnrolmentServerStatus };
  'enrolment.status': { request: Record<string, never>; response: EnrolmentServerStatus };
  'enrolment.devices': { request: Record<string, never>; response: readonly EnrolledDevice[] };
  'enrolment.devicesCsv': { request: Record<string, never>; response: { readonly csv: string } };
  'enrolment.revokeDevice': { request: { readonly deviceId: string }; response: EnrolledDevice };
  'enrolment.recentLog': { request: { readonly limit?: number }; response: readonly EnrolmentLogEntry[] };
}
