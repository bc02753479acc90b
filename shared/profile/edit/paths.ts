// Reading and replacing values inside a plist tree by key path, without mutating it.
//
// A path is a list of segments: dictionary keys (strings) and array indices (numbers), the
// same shape as the validator's `KeySegments`. Every update returns a new tree that shares the
// untouched branches with the old one, which the undo history and React rely on.

import { joinKeyPath } from '../../plist/errors.ts';
import type { PlistDict, PlistDictEntry, PlistValue } from '../../plist/model.ts';

export type KeyPath = readonly (string | number)[];

/** Raised when a path does not lead to a container of the expected kind. */
export class KeyPathError extends Error {
  override readonly name = 'KeyPathError';
  readonly path: string;

  constructor(path: KeyPath, reason: string) {
    const shown = formatKeyPath(path);
    super(`Cannot edit ${shown || 'the root'}: ${reason}.`);
    this.path = shown;
  }
}

/** Formats a path the way diagnostics print it: `PayloadContent[1].PayloadUUID`. */
export function formatKeyPath(path: KeyPath): string {
  return path.reduce<string>((joined, segment) => joinKeyPath(joined, segment), '');
}

/** Returns the value at `path`, or undefined when any step is missing. */
export function getAt(root: PlistValue, path: KeyPath): PlistValue | undefined {
  let current: PlistValue | undefined = root;
  for (const segment of path) {
    if (current === undefined) return undefined;
    current = childOf(current, segment);
  }
  return current;
}

function childOf(value: PlistValue, segment: string | number): PlistValue | undefined {
  if (typeof segment === 'number') return value.kind === 'array' ? value.items[segment] : undefined;
  if (value.kind !== 'dict') return undefined;
  return value.entries.find((entry) => entry.key === segment)?.value;
}

/**
 * Returns a tree with the value at `path` replaced by `update(old)`. A missing final dictionary
 * key is appended; `update` receives undefined for it. Returning undefined deletes the key or
 * array item. Missing intermediate containers raise KeyPathError.
 */
export function updateAt(root: PlistValue, path: KeyPath, update: (old: PlistValue | undefined) => PlistValue | undefined): PlistValue {
  if (path.length === 0) {
    const replaced = update(root);
    if (replaced === undefined) throw new KeyPathError(path, 'the root cannot be removed');
    return replaced;
  }
  return updateIn(root, path, 0, update);
}

function updateIn(node: PlistValue, path: KeyPath, depth: number, update: (old: PlistValue | undefined) => PlistValue | undefined): PlistValue {
  const segment = path[depth];
  const last = depth === path.length - 1;

  if (typeof segment === 'number') {
    if (node.kind !== 'array') throw new KeyPathError(path.slice(0, depth), `expected an array, found ${node.kind}`);
    if (segment < 0 || segment >= node.items.length) throw new KeyPathError(path.slice(0, depth + 1), 'no such array item');
    const old = node.items[segment];
    const next = last ? update(old) : updateIn(old, path, depth + 1, update);
    const items = node.items.slice();
    if (next === undefined) items.splice(segment, 1);
    else items[segment] = next;
    return { kind: 'array', items };
  }

  if (node.kind !== 'dict') throw new KeyPathError(path.slice(0, depth), `expected a dictionary, found ${node.kind}`);
  const index = node.entries.findIndex((entry) => entry.key === segment);
  const old = index >= 0 ? node.entries[index].value : undefined;
  if (!last && old === undefined) throw new KeyPathError(path.slice(0, depth + 1), 'the key is missing');
  const next = last ? update(old) : updateIn(old as PlistValue, path, depth + 1, update);

  const entries: PlistDictEntry[] = node.entries.slice();
  if (next === undefined) {
    if (index >= 0) entries.splice(index, 1);
  } else if (index >= 0) {
    entries[index] = { key: segment, value: next };
  } else {
    entries.push({ key: segment, value: next });
  }
  return { kind: 'dict', entries };
}

/** Returns a tree with `value` at `path` (set, or appended when the key is new). */
export function setAt(root: PlistValue, path: KeyPath, value: PlistValue): PlistValue {
  return updateAt(root, path, () => value);
}

/** Returns a tree without the key or array item at `path`. */
export function deleteAt(root: PlistValue, path: KeyPath): PlistValue {
  return updateAt(root, path, () => undefined);
}

/** Returns a tree in which the dictionary at `path` has `from` renamed to `to`, in place. */
export function renameKeyAt(root: PlistValue, path: KeyPath, from: string, to: string): PlistValue {
  return updateAt(root, path, (old) => {
    if (old?.kind !== 'dict') throw new KeyPathError(path, 'expected a dictionary');
    if (from === to) return old;
    if (old.entries.some((entry) => entry.key === to)) throw new KeyPathError([...path, to], 'the key already exists');
    const entries = old.entries.map((entry) => (entry.key === from ? { key: to, value: entry.value } : { key: entry.key, value: entry.value }));
    return { kind: 'dict', entries } satisfies PlistDict;
  });
}

/** Returns a tree in which the array at `path` has item `from` moved to index `to`. */
export function moveItemAt(root: PlistValue, path: KeyPath, from: number, to: number): PlistValue {
  return updateAt(root, path, (old) => {
    if (old?.kind !== 'array') throw new KeyPathError(path, 'expected an array');
    if (from < 0 || from >= old.items.length || to < 0 || to >= old.items.length) throw new KeyPathError(path, 'index out of range');
    const items = old.items.slice();
    const [moved] = items.splice(from, 1);
    items.splice(to, 0, moved);
    return { kind: 'array', items };
  });
}

/** Returns a tree with `value` inserted into the array at `path` before `index` (at the end when omitted). */
export function insertItemAt(root: PlistValue, path: KeyPath, value: PlistValue, index?: number): PlistValue {
  return updateAt(root, path, (old) => {
    if (old?.kind !== 'array') throw new KeyPathError(path, 'expected an array');
    const items = old.items.slice();
    items.splice(index ?? items.length, 0, value);
    return { kind: 'array', items };
  });
}
