// The recent documents list, newest first, stored as a JSON array of absolute paths.

import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { writeFileAtomic } from '../files/atomic-write.ts';
import { encodeUtf8 } from '../../../shared/text/encoding.ts';
import type { Logger } from '../../log.ts';

/** Length of the list, as in most desktop editors' Open Recent menus. */
export const MAX_RECENT_DOCUMENTS = 10;

export class RecentDocuments {
  readonly #file: string;
  readonly #logger: Logger;
  #paths: string[] | null = null;

  constructor(file: string, logger: Logger) {
    this.#file = file;
    this.#logger = logger;
  }

  async list(): Promise<string[]> {
    if (this.#paths === null) this.#paths = await this.#load();
    return [...this.#paths];
  }

  async includes(filePath: string): Promise<boolean> {
    return (await this.list()).includes(filePath);
  }

  /** Moves `filePath` to the front, dropping the oldest beyond the limit. */
  async add(filePath: string): Promise<void> {
    const current = await this.list();
    this.#paths = [filePath, ...current.filter((p) => p !== filePath)].slice(0, MAX_RECENT_DOCUMENTS);
    await this.#store();
  }

  async remove(filePath: string): Promise<void> {
    const current = await this.list();
    this.#paths = current.filter((p) => p !== filePath);
    await this.#store();
  }

  async clear(): Promise<void> {
    this.#paths = [];
    await this.#store();
  }

  async #load(): Promise<string[]> {
    let text: string;
    try {
      text = await readFile(this.#file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    try {
      const value: unknown = JSON.parse(text);
      if (Array.isArray(value)) return value.filter((p): p is string => typeof p === 'string' && path.isAbsolute(p)).slice(0, MAX_RECENT_DOCUMENTS);
    } catch {
      // Falls through to the warning below.
    }
    this.#logger.log('warn', 'ignored an unreadable recent documents list', { file: this.#file });
    return [];
  }

  async #store(): Promise<void> {
    await mkdir(path.dirname(this.#file), { recursive: true });
    await writeFileAtomic(this.#file, encodeUtf8(JSON.stringify(this.#paths ?? [], null, 2)));
  }
}
