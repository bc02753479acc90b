// Document open, save, draft and recent-list logic, without Electron.
//
// The Electron layer supplies the dialogs. Everything else lives here (which window owns which
// document, where it is saved, what is autosaved), so that tests drive it directly.

import { stat } from 'node:fs/promises';
import path from 'node:path';

import type { DocumentInfo, DocumentKind, DraftInfo, RecentEntry, SaveResult } from '../../../shared/ipc/contract.ts';
import { PlistError } from '../../../shared/plist/errors.ts';
import { parseXmlPlistText } from '../../../shared/plist/xml/reader.ts';
import { classifyPlist } from '../../../shared/profile/classify.ts';
import type { Logger } from '../../log.ts';
import type { DraftStore } from './drafts.ts';
import { readDocumentFile } from './open-file.ts';
import type { RecentDocuments } from './recent.ts';
import { displayNameOf, type DiskStamp, type DocumentRegistry } from './registry.ts';
import { saveDocumentText } from './save-file.ts';

/** Asks the user where to save; resolves to null when they cancel. */
export type ChooseSavePath = (suggestedName: string) => Promise<string | null>;

/** Raised when the requested file is not one the caller may open by path. */
export class NotInRecentListError extends Error {
  override readonly name = 'NotInRecentListError';
  readonly filePath: string;

  constructor(filePath: string) {
    super(`${filePath} is not in the recent documents list; open it with File > Open.`);
    this.filePath = filePath;
  }
}

/** Raised when a draft to restore does not exist (already restored, discarded or unreadable). */
export class DraftNotFoundError extends Error {
  override readonly name = 'DraftNotFoundError';
  readonly documentId: string;

  constructor(documentId: string) {
    super('The autosaved draft is no longer there; it was restored or discarded already.');
    this.documentId = documentId;
  }
}

/** The administrator's choice when the file changed on disk since it was opened. */
export type ChangedOnDiskChoice = 'overwrite' | 'save-as' | 'cancel';

/** Asks whether to overwrite a file another program changed since it was opened. */
export type ConfirmChangedOnDisk = (filePath: string) => Promise<ChangedOnDiskChoice>;

/** Raised by save when the file changed on disk since it was opened and no confirmation callback was given. */
export class FileChangedOnDiskError extends Error {
  override readonly name = 'FileChangedOnDiskError';
  readonly code = 'changed-on-disk';
  constructor(readonly filePath: string) {
    super(`${filePath} was changed by another program since it was opened here. Save it under another name, or reopen it to see the other version.`);
  }
}

export interface DocumentServiceOptions {
  readonly registry: DocumentRegistry;
  readonly drafts: DraftStore;
  readonly recent: RecentDocuments;
  readonly logger: Logger;
}

export class DocumentService {
  readonly #registry: DocumentRegistry;
  readonly #drafts: DraftStore;
  readonly #recent: RecentDocuments;
  readonly #logger: Logger;
  #draftsOffered = false;

  constructor(options: DocumentServiceOptions) {
    this.#registry = options.registry;
    this.#drafts = options.drafts;
    this.#recent = options.recent;
    this.#logger = options.logger;
  }

  get registry(): DocumentRegistry {
    return this.#registry;
  }

  create(ownerId: number): { documentId: string } {
    return { documentId: this.#registry.create(ownerId, null).documentId };
  }

  /** Opens `filePath` for `ownerId` and puts it at the top of the recent list. */
  async openFile(ownerId: number, filePath: string): Promise<DocumentInfo> {
    const absolute = path.resolve(filePath);
    const file = await readDocumentFile(absolute);
    const record = this.#registry.create(ownerId, absolute);
    record.diskStamp = await diskStampOf(absolute);
    await this.#recent.add(absolute);
    this.#logger.log('info', 'opened document', { documentId: record.documentId, source: file.source });
    return { documentId: record.documentId, ...file, filePath: absolute, edited: false };
  }

  /** Opens an entry of the recent list; other paths are refused, since the path came from the renderer. */
  async openRecent(ownerId: number, filePath: string): Promise<DocumentInfo> {
    if (!(await this.#recent.includes(filePath))) throw new NotInRecentListError(filePath);
    try {
      return await this.openFile(ownerId, filePath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') await this.#recent.remove(filePath);
      throw error;
    }
  }

  /**
   * Saves to the document's file, or shows the save dialog when it has none. Returns null when the user cancels.
   * When another program changed the file since it was opened or saved here, `confirmChanged`
   * decides (overwrite, save under another name, cancel); without it FileChangedOnDiskError is raised.
   */
  async save(ownerId: number, documentId: string, text: string, choosePath: ChooseSavePath, confirmChanged?: ConfirmChangedOnDisk): Promise<SaveResult | null> {
    const record = this.#registry.get(documentId, ownerId);
    if (record.filePath === null) return this.saveAs(ownerId, documentId, text, choosePath);

    if (await changedOnDisk(record.filePath, record.diskStamp)) {
      this.#logger.log('warn', 'document changed on disk since it was opened', { documentId });
      if (!confirmChanged) throw new FileChangedOnDiskError(record.filePath);
      const choice = await confirmChanged(record.filePath);
      if (choice === 'cancel') return null;
      if (choice === 'save-as') return this.saveAs(ownerId, documentId, text, choosePath);
    }
    return this.#write(ownerId, documentId, record.filePath, text);
  }

  async saveAs(ownerId: number, documentId: string, text: string, choosePath: ChooseSavePath): Promise<SaveResult | null> {
    const record = this.#registry.get(documentId, ownerId);
    const suggested = record.filePath === null ? 'Untitled.mobileconfig' : path.basename(record.filePath);
    const chosen = await choosePath(suggested);
    if (chosen === null) return null;
    return this.#write(ownerId, documentId, path.resolve(chosen), text);
  }

  async #write(ownerId: number, documentId: string, filePath: string, text: string): Promise<SaveResult> {
    await saveDocumentText(filePath, text);

    const record = this.#registry.get(documentId, ownerId);
    record.filePath = filePath;
    record.diskStamp = await diskStampOf(filePath);
    record.edited = false;
    await this.#drafts.remove(documentId);
    await this.#recent.add(filePath);
    this.#logger.log('info', 'saved document', { documentId });
    return { filePath, displayName: path.basename(filePath), savedAt: new Date().toISOString() };
  }

  setEdited(ownerId: number, documentId: string, edited: boolean, title: string): void {
    const record = this.#registry.get(documentId, ownerId);
    record.edited = edited;
    record.title = title;
  }

  async writeDraft(ownerId: number, documentId: string, text: string): Promise<void> {
    const record = this.#registry.get(documentId, ownerId);
    await this.#drafts.write({
      documentId,
      filePath: record.filePath,
      displayName: displayNameOf(record.filePath),
      savedAt: new Date().toISOString(),
      text,
    });
  }

  /**
   * Lists drafts left by an earlier run, once per run: the first window offers them, later
   * windows do not, and drafts of documents open now are never listed.
   */
  async takeDraftsToOffer(): Promise<DraftInfo[]> {
    if (this.#draftsOffered) return [];
    this.#draftsOffered = true;
    const drafts = await this.#drafts.list();
    return drafts
      .filter((draft) => !this.#registry.has(draft.documentId))
      .map(({ documentId, displayName, filePath, savedAt }) => ({ documentId, displayName, filePath, savedAt }));
  }

  /** Reopens a draft under its old id, so that later autosaves replace the same draft. */
  async restoreDraft(ownerId: number, documentId: string): Promise<DocumentInfo> {
    if (this.#registry.has(documentId)) throw new DraftNotFoundError(documentId);
    const draft = await this.#drafts.read(documentId);
    if (!draft) throw new DraftNotFoundError(documentId);

    const record = this.#registry.create(ownerId, draft.filePath, documentId);
    record.edited = true;
    this.#logger.log('info', 'restored draft', { documentId });
    return {
      documentId,
      filePath: draft.filePath,
      displayName: draft.displayName,
      text: draft.text,
      source: 'draft',
      kind: kindOfText(draft.text),
      signed: false,
      encrypted: false,
      warnings: [],
      notes: [],
      recoveredDraftAt: draft.savedAt,
      edited: true,
    };
  }

  /** Deletes a draft left by an earlier run that the user chose not to restore. */
  async discardDraft(documentId: string): Promise<void> {
    if (this.#registry.has(documentId)) return;
    await this.#drafts.remove(documentId);
  }

  /** Forgets a document the user closed (saved, or discarded on purpose) and its draft. */
  async close(ownerId: number, documentId: string): Promise<void> {
    this.#registry.remove(documentId, ownerId);
    await this.#drafts.remove(documentId);
  }

  /** Forgets the documents of a window that closed normally; their drafts go with them. */
  async closeWindow(ownerId: number): Promise<void> {
    for (const record of this.#registry.removeOwner(ownerId)) await this.#drafts.remove(record.documentId);
  }

  /** Documents with changes that were not saved, for the quit guard. */
  unsavedDocuments(): { documentId: string; ownerId: number; title: string }[] {
    return this.#registry
      .all()
      .filter((record) => record.edited)
      .map(({ documentId, ownerId, title }) => ({ documentId, ownerId, title }));
  }

  async recentEntries(): Promise<RecentEntry[]> {
    return (await this.#recent.list()).map((filePath) => ({ filePath, displayName: path.basename(filePath) }));
  }

  async clearRecent(): Promise<void> {
    await this.#recent.clear();
  }
}

/** Classifies draft text; a draft saved mid-edit may not parse, and then counts as a profile. */
function kindOfText(text: string): DocumentKind {
  try {
    return classifyPlist(parseXmlPlistText(text).value);
  } catch (error) {
    if (error instanceof PlistError) return 'profile';
    throw error;
  }
}

async function diskStampOf(filePath: string): Promise<DiskStamp | null> {
  try {
    const info = await stat(filePath);
    return { mtimeMs: info.mtimeMs, size: info.size };
  } catch {
    // A file that vanished has no stamp; saving then simply creates it again.
    return null;
  }
}

/** True when the file on disk differs in time or size from `stamp`; a file that vanished counts as unchanged. */
async function changedOnDisk(filePath: string, stamp: DiskStamp | null | undefined): Promise<boolean> {
  if (!stamp) return false;
  const now = await diskStampOf(filePath);
  return now !== null && (now.mtimeMs !== stamp.mtimeMs || now.size !== stamp.size);
}
