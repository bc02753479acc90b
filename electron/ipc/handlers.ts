// The main-process side of every IPC method, without Electron.
//
// Electron-only work (dialogs, window titles, closing) comes in through `WindowServices`, so
// the same handlers run in the app and, with stand-ins, in the end-to-end tests.

import type { DocumentInfo, StartupState } from '../../shared/ipc/contract.ts';
import type { ChangedOnDiskChoice, DocumentService } from '../services/documents/service.ts';
import { loadSchemaFolder } from '../services/schemas/load-folder.ts';
import type { IpcHandlers } from './dispatch.ts';
import type { EnrolmentMethod } from '../../shared/ipc/enrolment-contract.ts';
import type { ScreenMethod } from './screens/index.ts';

/** The document and window methods; the inspection, certificate, export and enrolment methods are in screens/. */
export type DocumentHandlers = Omit<IpcHandlers, ScreenMethod | EnrolmentMethod>;

export interface WindowServices {
  readonly platform: StartupState['platform'];
  readonly appVersion: string;
  /** Shows the open dialog over the window; null when cancelled. */
  chooseFileToOpen(ownerId: number): Promise<string | null>;
  /** Shows a folder dialog over the window; null when cancelled. */
  chooseFolder(ownerId: number, title: string): Promise<string | null>;
  /** Shows the save dialog over the window; null when cancelled. */
  chooseSavePath(ownerId: number, suggestedName: string): Promise<string | null>;
  /** Asks whether to overwrite a file another program changed since it was opened; absent means "do not overwrite". */
  confirmChangedOnDisk?(ownerId: number, filePath: string): Promise<ChangedOnDiskChoice>;
  /** Returns and forgets the document the OS asked this window to show (it may still be loading). */
  takePendingDocument(ownerId: number): Promise<DocumentInfo | null>;
  /** Updates the title and the edited mark (macOS dot in the close button) of the window. */
  showEdited(ownerId: number, edited: boolean, title: string): void;
  /** Closes the window without asking again; the renderer has saved or discarded. */
  closeWindow(ownerId: number): void;
}

export function createHandlers(documents: DocumentService, windows: WindowServices): DocumentHandlers {
  return {
    'app.startup': async (_request, { webContentsId }) => ({
      platform: windows.platform,
      appVersion: windows.appVersion,
      pendingDocument: await windows.takePendingDocument(webContentsId),
      drafts: await documents.takeDraftsToOffer(),
    }),

    'document.create': async (_request, { webContentsId }) => documents.create(webContentsId),

    'document.open': async (_request, { webContentsId }) => {
      const chosen = await windows.chooseFileToOpen(webContentsId);
      return chosen === null ? null : documents.openFile(webContentsId, chosen);
    },

    'document.openRecent': async ({ filePath }, { webContentsId }) => documents.openRecent(webContentsId, filePath),

    'document.save': async ({ documentId, text }, { webContentsId }) =>
      documents.save(
        webContentsId,
        documentId,
        text,
        (name) => windows.chooseSavePath(webContentsId, name),
        windows.confirmChangedOnDisk ? (file) => windows.confirmChangedOnDisk!(webContentsId, file) : undefined,
      ),

    'document.saveAs': async ({ documentId, text }, { webContentsId }) =>
      documents.saveAs(webContentsId, documentId, text, (name) => windows.chooseSavePath(webContentsId, name)),

    'document.setEdited': async ({ documentId, edited, title }, { webContentsId }) => {
      documents.setEdited(webContentsId, documentId, edited, title);
      windows.showEdited(webContentsId, edited, title);
      return null;
    },

    'document.close': async ({ documentId }, { webContentsId }) => {
      await documents.close(webContentsId, documentId);
      return null;
    },

    'draft.write': async ({ documentId, text }, { webContentsId }) => {
      await documents.writeDraft(webContentsId, documentId, text);
      return null;
    },

    'draft.restore': async ({ documentId }, { webContentsId }) => documents.restoreDraft(webContentsId, documentId),

    'draft.discard': async ({ documentId }) => {
      await documents.discardDraft(documentId);
      return null;
    },

    'recent.list': async () => documents.recentEntries(),

    'recent.clear': async () => {
      await documents.clearRecent();
      return null;
    },

    'schemas.loadFolder': async (_request, { webContentsId }) => {
      const folder = await windows.chooseFolder(webContentsId, 'Choose a folder of Apple payload schemas (mdm/profiles)');
      if (folder === null) return null;
      const result = await loadSchemaFolder(folder);
      return { folder: result.folder, schemas: result.schemas, failures: result.failures };
    },

    'window.close': async (_request, { webContentsId }) => {
      windows.closeWindow(webContentsId);
      return null;
    },
  };
}
