// Autosaved drafts of documents with unsaved changes, kept until the document is saved or
// closed, so that a crash loses at most the last few seconds of work.
//
// One JSON file per document in the drafts folder, written atomically. A draft that cannot be
// read (cut short by a crash during an older, non-atomic write, or edited by hand) is skipped
// and logged, never fatal.

import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

import { writeFileAtomic } from '../files/atomic-write.ts';
import { encodeUtf8 } from '../../../shared/text/encoding.ts';
import type { Logger } from '../../log.ts';

export interface Draft {
  readonly documentId: string;
  readonly filePath: string | null;
  readonly displayName: string;
  /** ISO-8601 time of the write. */
  readonly savedAt: string;
  readonly text: string;
}

const DRAFT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class DraftStore {
  readonly #folder: string;
  readonly #logger: Logger;

  constructor(folder: string, logger: Logger) {
    this.#folder = folder;
    this.#logger = logger;
  }

  async write(draft: Draft): Promise<void> {
    await mkdir(this.#folder, { recursive: true, mode: 0o700 });
    // Drafts may hold challenges and other sensitive values, so only the user may read them.
    await writeFileAtomic(this.#fileOf(draft.documentId), encodeUtf8(JSON.stringify(draft)), { mode: 0o600 });
  }

  /** Returns the draft for `documentId`, or null when there is none or it is unreadable. */
  async read(documentId: string): Promise<Draft | null> {
    let text: string;
    try {
      text = await readFile(this.#fileOf(documentId), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const draft = parseDraft(text);
    if (!draft || draft.documentId !== documentId) {
      this.#logger.log('warn', 'skipped an unreadable draft', { documentId });
      return null;
    }
    return draft;
  }

  /** Lists every readable draft, newest first. */
  async list(): Promise<Draft[]> {
    let names: string[];
    try {
      names = await readdir(this.#folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }

    const drafts: Draft[] = [];
    for (const name of names) {
      const id = name.endsWith('.json') ? name.slice(0, -5) : '';
      if (!DRAFT_ID.test(id)) continue;
      const draft = await this.read(id);
      if (draft) drafts.push(draft);
    }
    return drafts.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  async remove(documentId: string): Promise<void> {
    await rm(this.#fileOf(documentId), { force: true });
  }

  #fileOf(documentId: string): string {
    // The id is checked here as well as at the IPC boundary, because it becomes a file name.
    if (!DRAFT_ID.test(documentId)) throw new Error(`Invalid draft id ${JSON.stringify(documentId.slice(0, 40))}: expected a lower-case UUID.`);
    return path.join(this.#folder, `${documentId}.json`);
  }
}

function parseDraft(text: string): Draft | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const draft = value as Record<string, unknown>;
  const valid =
    typeof draft.documentId === 'string' &&
    (draft.filePath === null || typeof draft.filePath === 'string') &&
    typeof draft.displayName === 'string' &&
    typeof draft.savedAt === 'string' &&
    typeof draft.text === 'string';
  if (!valid) return null;
  return {
    documentId: draft.documentId as string,
    filePath: draft.filePath as string | null,
    displayName: draft.displayName as string,
    savedAt: draft.savedAt as string,
    text: draft.text as string,
  };
}
