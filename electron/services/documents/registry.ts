// The open documents of the main process, and the window each belongs to.
//
// A document's file path is set only by the main process (open dialog, OS, recent list,
// save dialog), never from a renderer request, and a window can reach only its own documents.

import { randomUUID } from 'node:crypto';
import path from 'node:path';

export interface DiskStamp {
  readonly mtimeMs: number;
  readonly size: number;
}

export interface DocumentRecord {
  readonly documentId: string;
  /** `webContents.id` of the owning window. */
  readonly ownerId: number;
  filePath: string | null;
  /** Modification time and size of the file when it was last opened or saved, to notice changes by other programs. */
  diskStamp?: DiskStamp | null;
  edited: boolean;
  /** Window title the renderer last reported. */
  title: string;
}

/** Raised when a document id is unknown to the calling window. */
export class UnknownDocumentError extends Error {
  override readonly name = 'UnknownDocumentError';
  readonly documentId: string;

  constructor(documentId: string) {
    super(`Document ${documentId} is not open in this window; reopen the file.`);
    this.documentId = documentId;
  }
}

export class DocumentRegistry {
  readonly #records = new Map<string, DocumentRecord>();

  /** Registers a document for `ownerId`; pass `documentId` to keep the id of a recovered draft. */
  create(ownerId: number, filePath: string | null, documentId: string = randomUUID()): DocumentRecord {
    const record: DocumentRecord = { documentId, ownerId, filePath, edited: false, title: displayNameOf(filePath) };
    this.#records.set(documentId, record);
    return record;
  }

  /** Returns the record when it belongs to `ownerId`; throws UnknownDocumentError otherwise. */
  get(documentId: string, ownerId: number): DocumentRecord {
    const record = this.#records.get(documentId);
    if (!record || record.ownerId !== ownerId) throw new UnknownDocumentError(documentId);
    return record;
  }

  has(documentId: string): boolean {
    return this.#records.has(documentId);
  }

  remove(documentId: string, ownerId: number): void {
    this.get(documentId, ownerId);
    this.#records.delete(documentId);
  }

  /** Forgets every document of a closed window. */
  removeOwner(ownerId: number): DocumentRecord[] {
    const removed = this.ownedBy(ownerId);
    for (const record of removed) this.#records.delete(record.documentId);
    return removed;
  }

  ownedBy(ownerId: number): DocumentRecord[] {
    return [...this.#records.values()].filter((record) => record.ownerId === ownerId);
  }

  all(): DocumentRecord[] {
    return [...this.#records.values()];
  }
}

/** File name of `filePath`, or "Untitled" for a document never saved. */
export function displayNameOf(filePath: string | null): string {
  return filePath === null ? 'Untitled' : path.basename(filePath);
}
