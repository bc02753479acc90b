// Document commands (new, open, save, close, drafts) that involve both the editor state and
// the main process, plus the background jobs: autosaving drafts and reporting unsaved state.

import type { DocumentInfo, MenuCommand } from '../../shared/ipc/contract.ts';
import { writeXmlPlist } from '../../shared/plist/xml/writer.ts';
import type { IpcClient } from '../ipc/client.ts';
import { newProfile } from '../../shared/profile/edit/profile.ts';
import { randomUuid } from '../model/uuid.ts';
import { defaultValidationSettings } from '../store/editor-deps.ts';
import { isDirty, type EditorStore } from '../store/editor-store.ts';
import type { UiStore } from './ui-store.ts';

/** Pause after the last edit before the draft is written, in milliseconds. */
export const DRAFT_DELAY_MS = 2000;

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Menu commands that the inspection, certificate and export screens carry out. */
export type ScreenCommand = Extract<MenuCommand, 'export' | 'inspect' | 'inspect-folder' | 'certificates'>;

export interface Controller {
  start(): Promise<void>;
  run(command: MenuCommand): Promise<void>;
  newDocument(): Promise<void>;
  openDocument(): Promise<void>;
  openRecent(filePath: string): Promise<void>;
  save(): Promise<boolean>;
  saveAs(): Promise<boolean>;
  clearRecent(): Promise<void>;
  /** Asks for a folder of Apple's schema files and validates with them on top of the built-in ones. */
  loadSchemaFolder(): Promise<void>;
  restoreDraft(documentId: string): Promise<void>;
  /** Opens `text` as a new unsaved document (an inspected profile's "Edit a copy"). */
  openCopy(displayName: string, text: string): Promise<void>;
  discardDraft(documentId: string): Promise<void>;
  /** Stops the background jobs (for tests and hot reload). */
  dispose(): void;
}

export function createController(
  client: IpcClient,
  editor: EditorStore,
  ui: UiStore,
  timers: Timers = globalThis,
  runScreenCommand: (command: ScreenCommand) => Promise<void> = async () => undefined,
): Controller {
  const cleanups: (() => void)[] = [];

  /** Reports a failed command to the user; returns false so that callers can pass it on. */
  const report = (error: unknown): false => {
    ui.getState().notify('error', error instanceof Error ? error.message : String(error));
    return false;
  };

  /** Asks what to do with unsaved changes; resolves true when the caller may replace the document. */
  const settleUnsaved = async (): Promise<boolean> => {
    const state = editor.getState();
    if (!isDirty(state)) return true;
    const choice = await ui.getState().ask({
      title: 'Unsaved changes',
      message: `Do you want to save the changes you made to ${state.document?.displayName ?? 'this profile'}?`,
      buttons: [
        { label: 'Save', value: 'save', primary: true },
        { label: 'Don’t Save', value: 'discard' },
        { label: 'Cancel', value: 'cancel' },
      ],
      cancelValue: 'cancel',
    });
    if (choice === 'save') return controller.save();
    return choice === 'discard';
  };

  /** Shows `document` in place of the current one, which main then forgets (with its draft). */
  const replaceWith = async (document: DocumentInfo): Promise<void> => {
    const previous = editor.getState().document;
    editor.getState().load(document);
    if (previous && previous.documentId !== document.documentId) {
      await client.call('document.close', { documentId: previous.documentId }).catch(report);
    }
    for (const warning of document.warnings) ui.getState().notify('info', warning);
    await refreshRecent();
  };

  const refreshRecent = async (): Promise<void> => {
    try {
      ui.getState().setRecent(await client.call('recent.list', {}));
    } catch (error) {
      report(error);
    }
  };

  const createNew = async (): Promise<DocumentInfo> => {
    const { documentId } = await client.call('document.create', {});
    return {
      documentId,
      filePath: null,
      displayName: 'Untitled',
      text: writeXmlPlist(newProfile(randomUuid())),
      source: 'new',
      kind: 'profile',
      signed: false,
      encrypted: false,
      warnings: [],
      notes: [],
      edited: false,
    };
  };

  const saveWith = async (method: 'document.save' | 'document.saveAs'): Promise<boolean> => {
    const state = editor.getState();
    if (!state.document) return false;
    if (state.parseProblem) {
      return report(new Error(`The XML has an error on line ${state.parseProblem.line ?? '?'}: ${state.parseProblem.message}. Fix it before saving.`));
    }
    const text = state.text;
    try {
      const result = await client.call(method, { documentId: state.document.documentId, text });
      if (result === null) return false;
      editor.getState().markSaved(text, result);
      ui.getState().notify('success', `Saved ${result.displayName}.`);
      await refreshRecent();
      return true;
    } catch (error) {
      return report(error);
    }
  };

  const watchDocument = () => {
    // Autosave: a draft a few seconds after the last edit of an unsaved document.
    let draftTimer: unknown = null;
    let reportedDirty: boolean | null = null;
    let reportedTitle = '';
    const unsubscribe = editor.subscribe((state, previous) => {
      if (!state.document) return;
      const dirty = isDirty(state);

      if (state.text !== previous.text && dirty) {
        if (draftTimer !== null) timers.clearTimeout(draftTimer);
        const { documentId } = state.document;
        draftTimer = timers.setTimeout(() => {
          draftTimer = null;
          const current = editor.getState();
          if (current.document?.documentId !== documentId || !isDirty(current)) return;
          client.call('draft.write', { documentId, text: current.text }).catch(report);
        }, DRAFT_DELAY_MS);
      }

      // Window title and edited mark, sent only when they change.
      const title = `${state.document.displayName}${dirty ? ' — Edited' : ''}`;
      if (dirty !== reportedDirty || title !== reportedTitle) {
        reportedDirty = dirty;
        reportedTitle = title;
        client.call('document.setEdited', { documentId: state.document.documentId, edited: dirty, title }).catch(report);
      }
    });
    cleanups.push(unsubscribe, () => {
      if (draftTimer !== null) timers.clearTimeout(draftTimer);
    });
  };

  const controller: Controller = {
    async start() {
      watchDocument();
      cleanups.push(client.on('command', ({ command }) => void controller.run(command)));
      cleanups.push(client.on('open-recent', ({ filePath }) => void controller.openRecent(filePath)));

      try {
        const startup = await client.call('app.startup', {});
        await replaceWith(startup.pendingDocument ?? (await createNew()));
        ui.getState().setDrafts(startup.drafts);
      } catch (error) {
        report(error);
      }
    },

    async run(command) {
      switch (command) {
        case 'new':
          return controller.newDocument();
        case 'open':
          return controller.openDocument();
        case 'save':
          await controller.save();
          return;
        case 'save-as':
          await controller.saveAs();
          return;
        case 'save-and-close':
          if (await controller.save()) await client.call('window.close', {}).catch(report);
          return;
        case 'close':
          if (await settleUnsaved()) await client.call('window.close', {}).catch(report);
          return;
        case 'undo':
          return editor.getState().undo();
        case 'redo':
          return editor.getState().redo();
        case 'find':
          return ui.getState().requestFind();
        case 'validate':
          editor.getState().revalidate();
          return ui.getState().requestProblemsFocus();
        case 'load-schemas':
          return controller.loadSchemaFolder();
        case 'export':
        case 'inspect':
        case 'inspect-folder':
        case 'certificates':
          return runScreenCommand(command);
        default: {
          const unknown: never = command;
          report(new Error(`Unknown command ${String(unknown)}.`));
        }
      }
    },

    async newDocument() {
      if (!(await settleUnsaved())) return;
      try {
        await replaceWith(await createNew());
      } catch (error) {
        report(error);
      }
    },

    async openDocument() {
      if (!(await settleUnsaved())) return;
      try {
        const document = await client.call('document.open', {});
        if (document) await replaceWith(document);
      } catch (error) {
        report(error);
      }
    },

    async openRecent(filePath) {
      if (!(await settleUnsaved())) return;
      try {
        await replaceWith(await client.call('document.openRecent', { filePath }));
      } catch (error) {
        report(error);
        await refreshRecent();
      }
    },

    async loadSchemaFolder() {
      // TODO: remember the folder and load it again at the next launch; today it lasts one session.
      try {
        const result = await client.call('schemas.loadFolder', {});
        if (!result) return;
        const registry = defaultValidationSettings().registry.withOverrides(result.schemas);
        editor.getState().setValidation({ registry, schemaFolder: result.folder });
        const loaded = `Loaded ${result.schemas.length} payload schemas from ${result.folder}.`;
        if (result.failures.length === 0) {
          ui.getState().notify('success', loaded);
        } else {
          ui.getState().notify('error', `${loaded} ${result.failures.length} files were skipped: ${result.failures.map((f) => f.message).join('; ')}`);
        }
      } catch (error) {
        report(error);
      }
    },

    async clearRecent() {
      try {
        await client.call('recent.clear', {});
      } catch (error) {
        report(error);
      }
      await refreshRecent();
    },

    save: () => saveWith('document.save'),
    saveAs: () => saveWith('document.saveAs'),

    async restoreDraft(documentId) {
      if (!(await settleUnsaved())) return;
      try {
        const document = await client.call('draft.restore', { documentId });
        await replaceWith(document);
        ui.getState().setDrafts(ui.getState().drafts.filter((d) => d.documentId !== documentId));
        ui.getState().notify('info', `Recovered unsaved changes to ${document.displayName}.`);
      } catch (error) {
        report(error);
      }
    },

    async openCopy(displayName, text) {
      if (!(await settleUnsaved())) return;
      try {
        const created = await createNew();
        // Marked edited: no file holds this text yet, so it is unsaved until the user saves it.
        await replaceWith({ ...created, displayName, text, edited: true });
      } catch (error) {
        report(error);
      }
    },

    async discardDraft(documentId) {
      try {
        await client.call('draft.discard', { documentId });
        ui.getState().setDrafts(ui.getState().drafts.filter((d) => d.documentId !== documentId));
      } catch (error) {
        report(error);
      }
    },

    dispose() {
      for (const cleanup of cleanups.splice(0)) cleanup();
    },
  };
  return controller;
}
