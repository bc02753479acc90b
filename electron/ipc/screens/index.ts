// The main-process side of the inspection, certificate and export screens, without Electron:
// main.ts and the end-to-end tests pass their own dialogs and event sender.

import type { Logger } from '../../log.ts';
import type { Keystore } from '../../services/keystore/index.ts';
import type { IpcHandlers } from '../dispatch.ts';
import type { ScreenDialogs } from './dialogs.ts';
import { createExportHandlers, type ExportMethod } from './export-handlers.ts';
import { HandleTable } from './handles.ts';
import { createIdentityHandlers, type IdentityMethod } from './identity-handlers.ts';
import { createInspectHandlers, type FolderEntry, type InspectMethod } from './inspect-handlers.ts';

export type { FileFilter, ScreenDialogs } from './dialogs.ts';

/** The IPC methods these screens handle; handlers.ts handles the rest. */
export type ScreenMethod = InspectMethod | IdentityMethod | ExportMethod;

export type ScreenHandlers = Pick<IpcHandlers, ScreenMethod>;

export interface ScreenDeps {
  readonly keystore: Keystore;
  readonly dialogs: ScreenDialogs;
  readonly logger: Logger;
  /** The reason the saved identities could not be loaded at start, or null. */
  readonly keystoreLoadProblem?: () => string | null;
  /** The clock expiry is computed against; the tests fix it. */
  readonly now?: () => Date;
}

export interface Screens {
  readonly handlers: ScreenHandlers;
  /** Forgets the handles of a closed window. */
  forgetWindow(ownerId: number): void;
}

export function createScreens(deps: ScreenDeps): Screens {
  const files = new HandleTable<string>('file');
  const folders = new HandleTable<FolderEntry>('folder result');
  const now = deps.now ?? (() => new Date());
  const shared = { keystore: deps.keystore, dialogs: deps.dialogs, logger: deps.logger };

  return {
    handlers: {
      ...createInspectHandlers({ ...shared, files, folders, now }),
      ...createIdentityHandlers({ ...shared, files, loadProblem: deps.keystoreLoadProblem ?? (() => null) }),
      ...createExportHandlers({ ...shared, now }),
    },
    forgetWindow(ownerId) {
      files.forgetWindow(ownerId);
      folders.forgetWindow(ownerId);
    },
  };
}
