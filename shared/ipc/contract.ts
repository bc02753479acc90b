// The IPC contract between the renderer and the main process.
//
// Every call is a request/response pair over `invoke`/`handle`: the map below names each
// method with its request and response types, and REQUEST_CHECKS contains the runtime checker
// that the main process applies to every request before a handler sees it. The renderer never
// sends a file path for writing: paths come only from the main process' own dialogs, the OS
// (file association, recent list) or an earlier open, so a compromised renderer cannot make
// the main process write arbitrary files.
//
// The inspection, certificate and export screens add methods here in the same way (an
// `inspect.*`, `identity.*`, `export.*` group each); identities cross the boundary as handles
// and descriptions only, never as keys or passphrases.

import { booleanValue, emptyObject, objectOf, oneOf, stringOf, type Checker } from './checks.ts';
import { MAX_PLIST_BYTES } from '../plist/limits.ts';
import type { PayloadSchema } from '../schema/model.ts';

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
export interface IpcContract {
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
};

/** Every method, in a stable order; the preload exposes exactly these. */
export const IPC_METHODS = Object.keys(REQUEST_CHECKS) as IpcMethod[];

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
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface IpcEvents {
  command: { command: MenuCommand };
  /** The native Open Recent menu picked a file; the renderer settles unsaved changes, then opens it. */
  'open-recent': { filePath: string };
}

export type IpcEventName = keyof IpcEvents;

export const EVENT_NAMES: readonly IpcEventName[] = ['command', 'open-recent'];

export const EVENT_CHECKS: { readonly [E in IpcEventName]: Checker<IpcEvents[E]> } = {
  command: objectOf({ command: oneOf(MENU_COMMANDS) }),
  'open-recent': objectOf({ filePath }),
};

export function eventChannelOf(event: IpcEventName): string {
  return `mobileconfig-event:${event}`;
}

/** The object the preload exposes as `window.mobileconfig`. */
export type MobileconfigApi = {
  readonly [M in IpcMethod]: (request: IpcRequest<M>) => Promise<IpcResult<IpcResponse<M>>>;
} & {
  /** Subscribes to a main-process event; returns the function that unsubscribes. */
  readonly on: <E extends IpcEventName>(event: E, listener: (payload: IpcEvents[E]) => void) => () => void;
};
