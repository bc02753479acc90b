// The Electron-only work the inspection, certificate and export handlers need: file dialogs
// over the calling window and events sent to it. main.ts implements it with Electron's dialog
// and webContents, and the tests with queues of chosen paths.

import type { IpcEventName, IpcEvents } from '../../../shared/ipc/contract.ts';

export interface FileFilter {
  readonly name: string;
  /** Extensions without the dot; `*` for all files. */
  readonly extensions: readonly string[];
}

export interface ScreenDialogs {
  /** Shows an open dialog for files; returns the chosen paths, or an empty array when cancelled. */
  chooseFiles(ownerId: number, options: { readonly title: string; readonly filters: readonly FileFilter[]; readonly multiple: boolean }): Promise<string[]>;
  /** Shows an open dialog for one folder; null when cancelled. */
  chooseFolder(ownerId: number, title: string): Promise<string | null>;
  /** Shows a save dialog; null when cancelled. */
  chooseSavePath(ownerId: number, options: { readonly title: string; readonly defaultName: string; readonly filters: readonly FileFilter[] }): Promise<string | null>;
  /** Sends an event to the window; does nothing when it has closed. */
  sendEvent<E extends IpcEventName>(ownerId: number, event: E, payload: IpcEvents[E]): void;
}

const ALL_FILES: FileFilter = { name: 'All files', extensions: ['*'] };

export const INSPECT_FILTERS: readonly FileFilter[] = [
  {
    name: 'Profiles, provisioning profiles, certificates and identities',
    extensions: ['mobileconfig', 'plist', 'stub', 'xml', 'mobileprovision', 'provisionprofile', 'cer', 'crt', 'pem', 'der', 'p12', 'pfx'],
  },
  ALL_FILES,
];

export const PKCS12_FILTERS: readonly FileFilter[] = [{ name: 'PKCS#12 identities', extensions: ['p12', 'pfx'] }, ALL_FILES];

export const CERTIFICATE_FILTERS: readonly FileFilter[] = [{ name: 'Certificates', extensions: ['pem', 'crt', 'cer', 'der'] }, ALL_FILES];

export const KEY_FILTERS: readonly FileFilter[] = [{ name: 'Private keys', extensions: ['key', 'pem', 'der'] }, ALL_FILES];

export const CSV_FILTERS: readonly FileFilter[] = [{ name: 'CSV', extensions: ['csv'] }];

export const PROFILE_FILTERS: readonly FileFilter[] = [{ name: 'Configuration profiles', extensions: ['mobileconfig'] }];
