// The enrolment workbench's part of the IPC contract: its methods with their request and
// response types, the runtime checks main applies to each request, and the live log event.
// contract.ts merges these into the one contract.
//
// As elsewhere, the renderer names no path. The profile and the CSV report are written where
// the user picks in main's save dialogs. The final profile and device CA files are referred to
// by the handles main gave out when the user chose them. Identities cross as
// handles (IdentitySummary.id). The challenge crosses in requests only and is never returned.

import type { EnrolmentIpcMethods, EnrolmentProfileRequest, EnrolmentServerSettings } from '../enrolment/api.ts';
import { DEVICE_ATTRIBUTE_NAMES } from '../enrolment/device-attributes.ts';
import type { EnrolmentDecision, EnrolmentLogEntry, EnrolmentPhase } from '../enrolment/log-entry.ts';
import { PROVISIONING_TYPES } from '../enrolment/provisioning.ts';
import type { CustomRules } from '../enrolment/rules.ts';
import type { IdentitySummary } from '../keystore/summaries.ts';
import { MAX_PLIST_BYTES } from '../plist/limits.ts';
import { arrayOf, booleanValue, emptyObject, isPlainObject, objectOf, oneOf, stringOf, type Checker } from './checks.ts';

/** The final profile the server sends after phase 3. */
export type FinalProfileChoice =
  /** The workbench's default: a profile with the workbench CA certificate. */
  | { readonly source: 'default' }
  /** The document open in the editor, as its XML text. */
  | { readonly source: 'editor'; readonly text: string; readonly name: string }
  /** A file chosen with enrolment.chooseFinalProfile. */
  | { readonly source: 'file'; readonly fileId: string };

export const FINAL_PROFILE_SOURCES = ['default', 'editor', 'file'] as const;

/** Start settings as the app sends them: files by handle instead of document ids and PEM text. */
export interface EnrolmentServerRequest extends Omit<EnrolmentServerSettings, 'finalProfileDocumentId' | 'deviceCaPem'> {
  readonly finalProfile: FinalProfileChoice;
  /** A device CA file chosen with enrolment.chooseDeviceCa. */
  readonly deviceCaFileId?: string;
}

/** A file the user chose in main's open dialog for the workbench. */
export interface ChosenEnrolmentFile {
  readonly fileId: string;
  /** File name, for display. */
  readonly displayName: string;
}

export interface ChosenDeviceCa extends ChosenEnrolmentFile {
  /** Subjects of the CA certificates the file contains. */
  readonly subjects: readonly string[];
}

export interface SavedEnrolmentProfile {
  readonly filePath: string;
  readonly signed: boolean;
  /** Subject of the signer certificate; null when unsigned. */
  readonly signer: string | null;
}

export interface SavedDevicesCsv {
  readonly filePath: string;
  readonly deviceCount: number;
}

/** The methods of the enrolment workbench screen. */
export interface EnrolmentContract
  extends Pick<EnrolmentIpcMethods, 'enrolment.explainTypes' | 'enrolment.stopServer' | 'enrolment.status' | 'enrolment.devices' | 'enrolment.revokeDevice' | 'enrolment.recentLog'> {
  /** The keystore's identities, to sign the enrolment profile and the server's profiles with. */
  'enrolment.identities': { request: Record<string, never>; response: readonly IdentitySummary[] };
  /** Builds the enrolment profile, signs it when an identity is chosen, and writes it to the path chosen in the save dialog; null when cancelled. */
  'enrolment.saveProfile': { request: EnrolmentProfileRequest; response: SavedEnrolmentProfile | null };
  /** Shows an open dialog for the final profile; null when cancelled. */
  'enrolment.chooseFinalProfile': { request: Record<string, never>; response: ChosenEnrolmentFile | null };
  /** Shows an open dialog for device CA certificates (PEM or DER) and reads them; null when cancelled. */
  'enrolment.chooseDeviceCa': { request: Record<string, never>; response: ChosenDeviceCa | null };
  /** Starts the test server; the calling window receives its log as enrolment-log events. */
  'enrolment.startServer': { request: EnrolmentServerRequest; response: EnrolmentIpcMethods['enrolment.startServer']['response'] };
  /** Writes the device table as CSV to the path chosen in the save dialog; null when cancelled. */
  'enrolment.saveDevicesCsv': { request: Record<string, never>; response: SavedDevicesCsv | null };
}

export type EnrolmentMethod = keyof EnrolmentContract;

/** Main → renderer events of the workbench. */
export interface EnrolmentEvents {
  /** New request log entries, oldest first; main sends them in batches so that a burst of requests stays a few events. */
  'enrolment-log': { readonly entries: readonly EnrolmentLogEntry[] };
}

export type EnrolmentEventName = keyof EnrolmentEvents;

export const ENROLMENT_EVENT_NAMES: readonly EnrolmentEventName[] = ['enrolment-log'];

/** Most entries one enrolment-log event carries. */
export const MAX_LOG_BATCH = 500;

// Request checkers. They check shapes and sizes only, because the enrolment model in main
// checks the meaning (a valid URL, known attribute names, rule ranges) with messages that name
// the value.

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const handle = stringOf(36, UUID_PATTERN);
const challenge = stringOf(1024);
const attributeNames = arrayOf(stringOf(64), 64);

/** Returns a checker of whole numbers from `min` to `max`. */
export function integerIn(min: number, max: number): Checker<number> {
  const check = (value: unknown, path: string): string | null =>
    Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max ? null : `${path} must be a whole number from ${min} to ${max}`;
  return check as Checker<number>;
}

/** A finite number, such as a duration in milliseconds. */
const finiteNumber = ((value: unknown, path: string) => (typeof value === 'number' && Number.isFinite(value) ? null : `${path} must be a finite number`)) as Checker<number>;

/** Returns a checker that accepts null or what `inner` accepts. */
function nullable<T>(inner: Checker<T>): Checker<T | null> {
  return ((value: unknown, path: string) => (value === null ? null : inner(value, path))) as Checker<T | null>;
}

/** Returns a checker of objects whose `source` field picks which of `variants` checks them. */
function variantOf<T>(variants: Readonly<Record<string, Checker<unknown>>>): Checker<T> {
  const check = (value: unknown, path: string): string | null => {
    if (!isPlainObject(value)) return `${path} must be an object`;
    const source = value.source;
    if (typeof source !== 'string' || !Object.hasOwn(variants, source)) return `${path}.source must be one of ${Object.keys(variants).join(', ')}`;
    return variants[source](value, path);
  };
  return check as Checker<T>;
}

const rulesCheck: Checker<CustomRules> = objectOf(
  {
    products: arrayOf(stringOf(200), 200),
    minVersion: stringOf(40),
    maxVersion: stringOf(40),
    minRsaBits: integerIn(0, 16384),
    requireDeviceCa: booleanValue,
    challengeLifetimeMinutes: integerIn(0, 1_000_000),
  },
  ['minVersion', 'maxVersion'],
);

const finalProfileCheck = variantOf<FinalProfileChoice>({
  default: objectOf({ source: oneOf(['default']) }),
  editor: objectOf({ source: oneOf(['editor']), text: stringOf(MAX_PLIST_BYTES), name: stringOf(300) }),
  file: objectOf({ source: oneOf(['file']), fileId: handle }),
});

const profileRequestCheck = objectOf(
  {
    url: stringOf(2048),
    attributes: attributeNames,
    challenge,
    identifier: stringOf(255),
    displayName: stringOf(300),
    description: stringOf(2000),
    organization: stringOf(300),
    signingIdentityId: handle,
  },
  ['challenge', 'identifier', 'displayName', 'description', 'organization', 'signingIdentityId'],
);

const serverRequestCheck = objectOf(
  {
    host: stringOf(255),
    port: integerIn(0, 65535),
    provisioning: oneOf(PROVISIONING_TYPES),
    rules: rulesCheck,
    sharedChallenge: challenge,
    attributes: arrayOf(oneOf(DEVICE_ATTRIBUTE_NAMES), DEVICE_ATTRIBUTE_NAMES.length),
    finalProfile: finalProfileCheck,
    deviceCaFileId: handle,
    organization: stringOf(300),
    signingIdentityId: handle,
  },
  ['rules', 'sharedChallenge', 'attributes', 'deviceCaFileId', 'organization', 'signingIdentityId'],
);

export const ENROLMENT_REQUEST_CHECKS: { readonly [M in EnrolmentMethod]: Checker<EnrolmentContract[M]['request']> } = {
  'enrolment.explainTypes': emptyObject,
  'enrolment.identities': emptyObject,
  'enrolment.saveProfile': profileRequestCheck,
  'enrolment.chooseFinalProfile': emptyObject,
  'enrolment.chooseDeviceCa': emptyObject,
  'enrolment.startServer': serverRequestCheck,
  'enrolment.stopServer': emptyObject,
  'enrolment.status': emptyObject,
  'enrolment.devices': emptyObject,
  'enrolment.saveDevicesCsv': emptyObject,
  'enrolment.revokeDevice': objectOf({ deviceId: stringOf(1024) }),
  'enrolment.recentLog': objectOf({ limit: integerIn(1, MAX_LOG_BATCH) }, ['limit']),
};

// Records, so that the compiler flags a phase or decision added to the log types and missing here.
const PHASES: Readonly<Record<EnrolmentPhase, true>> = { profile: true, attributes: true, final: true, 'scep-caps': true, 'scep-ca-cert': true, 'scep-request': true, unknown: true };
const DECISIONS: Readonly<Record<EnrolmentDecision, true>> = { served: true, accepted: true, rejected: true, failed: true };

const logEntryCheck: Checker<EnrolmentLogEntry> = objectOf({
  time: stringOf(64),
  requestId: integerIn(0, Number.MAX_SAFE_INTEGER),
  remote: stringOf(300),
  method: stringOf(64),
  path: stringOf(4096),
  phase: oneOf(Object.keys(PHASES) as EnrolmentPhase[]),
  deviceId: nullable(stringOf(1024)),
  decision: oneOf(Object.keys(DECISIONS) as EnrolmentDecision[]),
  status: integerIn(0, 999),
  reason: stringOf(4096),
  durationMs: finiteNumber,
});

export const ENROLMENT_EVENT_CHECKS: { readonly [E in EnrolmentEventName]: Checker<EnrolmentEvents[E]> } = {
  'enrolment-log': objectOf({ entries: arrayOf(logEntryCheck, MAX_LOG_BATCH) }),
};
