// Handles the renderer uses for files and folder results the main process holds for it.
//
// A handle is a random UUID bound to the window it was given to. Paths behind handles come only
// from the main process' own dialogs or from a drop, so a renderer that sends a handle can make
// main read again only what the user already chose.

import { randomUUID } from 'node:crypto';

import { IpcHandlerError } from '../errors.ts';

/** Entries kept per window; the oldest are forgotten beyond this, so a long session stays bounded. */
export const MAX_HANDLES_PER_WINDOW = 5000;

export class HandleTable<T> {
  readonly #entries = new Map<string, { readonly ownerId: number; readonly value: T }>();
  readonly #entryName: string;

  /** `entryName` names the entries in messages, such as "file". */
  constructor(entryName: string) {
    this.#entryName = entryName;
  }

  add(ownerId: number, value: T): string {
    const id = randomUUID();
    this.#entries.set(id, { ownerId, value });
    this.#trim(ownerId);
    return id;
  }

  /** Returns the value when `id` belongs to `ownerId`; raises a not-found IpcHandlerError otherwise. */
  get(ownerId: number, id: string): T {
    const entry = this.#entries.get(id);
    if (!entry || entry.ownerId !== ownerId) {
      throw new IpcHandlerError('not-found', `This ${this.#entryName} is no longer known to the app (the list may have been cleared). Choose or drop the file again.`);
    }
    return entry.value;
  }

  /** Forgets every entry of `ownerId`. */
  forgetWindow(ownerId: number): void {
    for (const [id, entry] of this.#entries) if (entry.ownerId === ownerId) this.#entries.delete(id);
  }

  #trim(ownerId: number): void {
    if (this.#entries.size <= MAX_HANDLES_PER_WINDOW) return;
    const owned = [...this.#entries].filter(([, entry]) => entry.ownerId === ownerId);
    // Maps keep insertion order, so the first entries are the oldest.
    for (const [id] of owned.slice(0, Math.max(0, owned.length - MAX_HANDLES_PER_WINDOW))) this.#entries.delete(id);
  }
}
