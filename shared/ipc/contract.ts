// The IPC contract between the renderer and the main process.
//
// Every call is a request/response pair over `invoke`/`handle`: the map below names each
// method with its request and response types, and REQUEST_CHECKS contains the runtime checker
// that the main process applies to every request before a handler sees it. The renderer never
// sends a file path for writing: paths come only from the main process' own dialogs, the OS
// (file association, recent list) or an earlier open, so a compromised renderer cannot make
// the main process write arbitrary files.
//
// The inspection, certificate and export screens have an `inspect.*`, `keystore.*`,
// `identity.*`, `recipient.*` and `export.*` group each (their data shapes are in screens.ts).
// Identities cross the boundary as handles and descriptions only, never as keys; a
// passphrase crosses once, in the import request. The renderer refers to files to read again
// by the handles main gave out for them, and dropped files reach main only through the
// preload's `inspectDroppedFiles` (see PRELOAD_ONLY_METHODS).
// The enrolment workbench's `enrolment.*` methods and its log event are in enrolment-contract.ts.

import { arrayOf, booleanValue, countValue, emptyObject, objectOf, oneOf, stringOf, type Checker } from './checks.ts';
import type { ExportProgress, ExportResult, ExportWarning } from '../export/results.ts';
import type { IdentitySummary } from '../keystore/summaries.ts';
import { MAX_PLIST_BYTES } from '../plist/limits.ts';
import type { PayloadSchema } from '../schema/model.ts';
import { ENROLMENT_EVENT_CHECKS, ENROLMENT_EVENT_NAMES, ENROLMENT_REQUEST_CHECKS, type EnrolmentContract, type EnrolmentEvents } from './enrolment-contract.ts';
import {
  EXPORT_CIPHERS,
  EXPORT_DIGESTS,
  EXPORT_MODES,
  FOLDER_TABLES,
  type ChosenFile,
  type ChosenPemFiles,
  type ExportChoices,
  type ExportRunRequest,
  type FileInspection,
  type FolderTable,
  type InspectionBatch,
  type KeystoreState,
  type RecipientImport,
} from './screens.ts';

/** Outer form of a document as it was opened; `new` for one created in the app. */
export type DocumentSource = 'new' | 'xml' | 'binary' | 'cms-signed' | 'draft';

/** Classification of the opened plist. */
export type DocumentKind = 'profile' | 'stub' | 'provisioning' | 'plist';

/** A document handed to the renderer: always as XML text, whatever the file's format. */
export interface DocumentInfo {
  readonly documentId: string;
  /** Absolute path of the file it was opened from or last saved to; null while untitled. */
  readonly filePath: string | null;
  /** File name, or "Untitled" for a new document. */
  readonly displayName: string;
  readonly text: string;
  readonly source: DocumentSource;
  readonly kind: DocumentKind;
  readonly signed: boolean;
  readonly encrypted: boolean;
  /** Problems the reader accepted, such as white space before the XML declaration. */
  readonly warnings: readonly string[];
  /** Notes for the user about how saving will treat this document (signed, binary input). */
  readonly notes: readonly string[];
  /** Set when the document was recovered from an autosaved draft: when that draft was written, ISO-8601. */
  readonly recoveredDraftAt?: string;
  /** True when `text` differs from the file on disk (a recovered draft). */
  readonly edited: boolean;
}

export interface SaveResult {
  readonly filePath: string;
  readonly displayName: string;
  /** ISO-8601 time of the write. */
  readonly savedAt: string;
}

export interface DraftInfo {
  readonly documentId: string;
  readonly displayName: string;
  readonly filePath: string | null;
  /** ISO-8601 time the draft was written. */
  readonly savedAt: string;
}

export interface RecentEntry {
  readonly filePath: string;
  readonly displayName: string;
}

/** Payload schemas read from a folder of Apple's YAML files, and the files that were skipped. */
export interface SchemaFolder {
  readonly folder: string;
  readonly schemas: readonly PayloadSchema[];
  readonly failures: readonly { readonly file: string; readonly message: string }[];
}

export interface StartupState {
  readonly platform: 'darwin' | 'win32' | 'linux' | 'other';
  readonly appVersion: string;
  /** A document the OS asked this window to show (file association, second instance). */
  readonly pendingDocument: DocumentInfo | null;
  /** Drafts of documents that were not saved when the app last stopped; only the first window gets them. */
  readonly drafts: readonly DraftInfo[];
}

/** Method name → request and response types. */
export interface IpcContract extends EnrolmentContract {
  'app.startup': { request: Record<string, never>; response: StartupState };
  'document.create': { request: Record<string, never>; response: { documentId: string } };
  'document.open': { request: Record<string, never>; response: DocumentInfo | null };
  'document.openRecent': { request: { filePath: string }; response: DocumentInfo };
  'document.save': { request: { documentId: string; text: string }; response: SaveResult | null };
  'document.saveAs': { request: { documentId: string; text: string }; response: SaveResult | null };
  'document.setEdited': { request: { documentId: string; edited: boolean; title: string }; response: null };
  'document.close': { request: { documentId: string }; response: null };
  'draft.write': { request: { documentId: string; text: string }; response: null };
  'draft.restore': { request: { documentId: string }; response: DocumentInfo };
  'draft.discard': { request: { documentId: string }; response: null };
  'recent.list': { request: Record<string, never>; response: RecentEntry[] };
  'recent.clear': { request: Record<string, never>; response: null };
  'schemas.loadFolder': { request: Record<string, never>; response: SchemaFolder | null };
  'window.close': { request: Record<string, never>; response: null };

  /** Inspects dropped files and folders by path; reachable only through the preload's inspectDroppedFiles. */
  'inspect.dropped': { request: { paths: string[] }; response: InspectionBatch };
  /** Shows an open dialog for files (or one folder) and inspects what was chosen; null when cancelled. */
  'inspect.choose': { request: { folder: boolean }; response: InspectionBatch | null };
  /** Stops the folder walks running for this window; they return what they have read. */
  'inspect.cancel': { request: Record<string, never>; response: null };
  /** Forgets this window's inspections and folder results. */
  'inspect.clear': { request: Record<string, never>; response: null };
  /** Decrypts an inspected encrypted profile with an imported identity and inspects the result. */
  'inspect.decrypt': { request: { inspectionId: string; identityId: string }; response: FileInspection };
  /** Saves a folder result table as CSV through a save dialog; null when cancelled. */
  'inspect.saveCsv': { request: { folderId: string; table: FolderTable }; response: { filePath: string } | null };
  'keystore.state': { request: Record<string, never>; response: KeystoreState };
  /** Shows an open dialog for a PKCS#12 file; null when cancelled. */
  'identity.choosePkcs12': { request: Record<string, never>; response: ChosenFile | null };
  /** Shows open dialogs for a certificate file and then its private key file; null when either is cancelled. */
  'identity.choosePem': { request: Record<string, never>; response: ChosenPemFiles | null };
  /** Imports a chosen (or dropped) PKCS#12 file. */
  'identity.importPkcs12': { request: { fileId: string; passphrase: string }; response: IdentitySummary };
  /** Imports a chosen certificate and key; the passphrase is for an encrypted key. */
  'identity.importPem': { request: { certificateFileId: string; keyFileId: string; passphrase?: string }; response: IdentitySummary };
  'identity.remove': { request: { identityId: string }; response: null };
  /** Shows an open dialog for device certificates (several at once) and adds them as encryption recipients; null when cancelled. */
  'recipient.import': { request: Record<string, never>; response: RecipientImport | null };
  /** Adds the certificates of inspected certificate files as encryption recipients. */
  'recipient.importInspected': { request: { inspectionIds: string[] }; response: RecipientImport };
  'recipient.remove': { request: { recipientId: string }; response: null };
  /** Lists what the user should know before exporting with these choices. */
  'export.preflight': { request: ExportChoices; response: ExportWarning[] };
  /** Asks where to write (a file, or a folder for one file per device), writes, and reads each file back; null when cancelled. */
  'export.run': { request: ExportRunRequest; response: ExportResult | null };
}

export type IpcMethod = keyof IpcContract;
export type IpcRequest<M extends IpcMethod> = IpcContract[M]['request'];
export type IpcResponse<M extends IpcMethod> = IpcContract[M]['response'];

/** Error codes a call can fail with; the message is written for the user. */
export type IpcErrorCode =
  | 'unknown-method'
  | 'forbidden-sender'
  | 'invalid-argument'
  | 'not-found'
  | 'file-error'
  | 'invalid-document'
  | 'passphrase-required'
  | 'wrong-passphrase'
  | 'identity-error'
  | 'crypto-error'
  | 'internal';

export interface IpcError {
  readonly code: IpcErrorCode;
  readonly message: string;
}

/** Result of every call: handlers never reject across the boundary. */
export type IpcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };

// Request checkers. Document ids are UUIDs made by the main process. Text is capped at the
// plist size limit in UTF-16 units, so this check is looser than the byte limit, never stricter.

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const documentId = stringOf(36, UUID_PATTERN);
const documentText = stringOf(MAX_PLIST_BYTES);
const filePath = stringOf(4096);
/** Handles of inspections, chosen files, folder results, identities and recipients: UUIDs made by main. */
const handle = stringOf(36, UUID_PATTERN);
const passphrase = stringOf(1024);

/** Most paths one drop may carry; a folder counts as one. */
export const MAX_DROPPED_PATHS = 1000;

const exportChoiceFields = {
  text: documentText,
  profileName: stringOf(300),
  mode: oneOf(EXPORT_MODES),
  identityId: handle,
  digest: oneOf(EXPORT_DIGESTS),
  recipientIds: arrayOf(handle, 10_000),
  cipher: oneOf(EXPORT_CIPHERS),
};
const exportOptionalFields = ['identityId', 'digest', 'recipientIds', 'cipher'] as const;

export const REQUEST_CHECKS: { readonly [M in IpcMethod]: Checker<IpcRequest<M>> } = {
  'app.startup': emptyObject,
  'document.create': emptyObject,
  'document.open': emptyObject,
  'document.openRecent': objectOf({ filePath }),
  'document.save': objectOf({ documentId, text: documentText }),
  'document.saveAs': objectOf({ documentId, text: documentText }),
  'document.setEdited': objectOf({ documentId, edited: booleanValue, title: stringOf(300) }),
  'document.close': objectOf({ documentId }),
  'draft.write': objectOf({ documentId, text: documentText }),
  'draft.restore': objectOf({ documentId }),
  'draft.discard': objectOf({ documentId }),
  'recent.list': emptyObject,
  'recent.clear': emptyObject,
  'schemas.loadFolder': emptyObject,
  'window.close': emptyObject,
  'inspect.dropped': objectOf({ paths: arrayOf(filePath, MAX_DROPPED_PATHS) }),
  'inspect.choose': objectOf({ folder: booleanValue }),
  'inspect.cancel': emptyObject,
  'inspect.clear': emptyObject,
  'inspect.decrypt': objectOf({ inspectionId: handle, identityId: handle }),
  'inspect.saveCsv': objectOf({ folderId: handle, table: oneOf(FOLDER_TABLES) }),
  'keystore.state': emptyObject,
  'identity.choosePkcs12': emptyObject,
  'identity.choosePem': emptyObject,
  'identity.importPkcs12': objectOf({ fileId: handle, passphrase }),
  'identity.importPem': objectOf({ certificateFileId: handle, keyFileId: handle, passphrase }, ['passphrase']),
  'identity.remove': objectOf({ identityId: handle }),
  'recipient.import': emptyObject,
  'recipient.importInspected': objectOf({ inspectionIds: arrayOf(handle, MAX_DROPPED_PATHS) }),
  'recipient.remove': objectOf({ recipientId: handle }),
  'export.preflight': objectOf(exportChoiceFields, exportOptionalFields),
  'export.run': objectOf({ ...exportChoiceFields, acceptErrors: booleanValue }, exportOptionalFields),
  ...ENROLMENT_REQUEST_CHECKS,
};

/** Every method, in a stable order; the preload exposes exactly these. */
export const IPC_METHODS = Object.keys(REQUEST_CHECKS) as IpcMethod[];

/**
 * Methods the preload does not expose by name. `inspect.dropped` takes paths to read, so the
 * page reaches it only through `inspectDroppedFiles`, which takes DOM File objects and asks
 * Electron for their paths: a File the page built itself has none, so a compromised page
 * cannot make the main process read a path of its choosing.
 */
export const PRELOAD_ONLY_METHODS = ['inspect.dropped'] as const satisfies readonly IpcMethod[];
export type PreloadOnlyMethod = (typeof PRELOAD_ONLY_METHODS)[number];

/** Methods the page calls by name. */
export type RendererMethod = Exclude<IpcMethod, PreloadOnlyMethod>;

/** Every method the preload exposes by name, in a stable order. */
export const RENDERER_METHODS = IPC_METHODS.filter((method): method is RendererMethod => !(PRELOAD_ONLY_METHODS as readonly string[]).includes(method));

export function isIpcMethod(value: unknown): value is IpcMethod {
  return typeof value === 'string' && Object.hasOwn(REQUEST_CHECKS, value);
}

/** The Electron channel name of a method. */
export function channelOf(method: IpcMethod): string {
  return `mobileconfig:${method}`;
}

// Main → renderer events. These are notifications with no reply; the renderer checks them
// with EVENT_CHECKS too, since a bug in main must not crash the editor.

/** Commands the native menu (and the close guard) send to the focused window. */
export const MENU_COMMANDS = [
  'new',
  'open',
  'save',
  'save-as',
  'close',
  'undo',
  'redo',
  'find',
  'validate',
  'load-schemas',
  'export',
  'save-and-close',
  'inspect',
  'inspect-folder',
  'certificates',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface IpcEvents extends EnrolmentEvents {
  command: { command: MenuCommand };
  /** The native Open Recent menu picked a file; the renderer settles unsaved changes, then opens it. */
  'open-recent': { filePath: string };
  /** A folder walk started by inspect.dropped or inspect.choose read another file. */
  'inspect-progress': { folder: string; done: number; total: number; file: string };
  /** A per-device export wrote another file. */
  'export-progress': ExportProgress;
}

export type IpcEventName = keyof IpcEvents;

export const EVENT_NAMES: readonly IpcEventName[] = ['command', 'open-recent', 'inspect-progress', 'export-progress', ...ENROLMENT_EVENT_NAMES];

export const EVENT_CHECKS: { readonly [E in IpcEventName]: Checker<IpcEvents[E]> } = {
  command: objectOf({ command: oneOf(MENU_COMMANDS) }),
  'open-recent': objectOf({ filePath }),
  'inspect-progress': objectOf({ folder: filePath, done: countValue, total: countValue, file: filePath }),
  'export-progress': objectOf({ done: countValue, total: countValue, current: stringOf(4096) }),
  ...ENROLMENT_EVENT_CHECKS,
};

export function eventChannelOf(event: IpcEventName): string {
  return `mobileconfig-event:${event}`;
}

/** A DOM `File` from a drop. shared/ is compiled without the DOM library, so the type is opaque here. */
export type DroppedFile = object;

/** The object the preload exposes as `window.mobileconfig`. */
export type MobileconfigApi = {
  readonly [M in RendererMethod]: (request: IpcRequest<M>) => Promise<IpcResult<IpcResponse<M>>>;
} & {
  /** Subscribes to a main-process event; returns the function that unsubscribes. */
  readonly on: <E extends IpcEventName>(event: E, listener: (payload: IpcEvents[E]) => void) => () => void;
  /**
   * Inspects files and folders dropped on the window. Files without a path on this computer
   * are skipped; when none has one, the result is an `invalid-argument` error.
   */
  readonly inspectDroppedFiles: (files: readonly DroppedFile[]) => Promise<IpcResult<InspectionBatch>>;
};
