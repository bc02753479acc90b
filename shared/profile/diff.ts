// Semantic diff of two plist documents: which key paths were added, removed or changed.
//
// Dictionaries compare by key, whatever the order. Arrays of payload dictionaries that carry a
// `PayloadUUID` are matched by UUID (so that reordering payloads is not a change of every
// payload); other arrays compare by index.

import { dictGetString, plistEqual, type PlistArray, type PlistDict, type PlistKind, type PlistValue } from '../plist/model.ts';
import { joinKeyPath } from '../plist/errors.ts';
import { plistToJson, type JsonValue } from './json-value.ts';

export type DiffChange = 'added' | 'removed' | 'changed';

export interface DiffEntry {
  readonly change: DiffChange;
  /** Path in the old document for removed and changed values, in the new document for added ones. */
  readonly path: string;
  readonly oldType?: PlistKind;
  readonly newType?: PlistKind;
  readonly oldValue?: JsonValue;
  readonly newValue?: JsonValue;
}

/** Returns the differences from `before` to `after`, in document order. */
export function diffPlists(before: PlistValue, after: PlistValue): DiffEntry[] {
  const out: DiffEntry[] = [];
  diffValues(before, after, '', out);
  return out;
}

function diffValues(a: PlistValue, b: PlistValue, path: string, out: DiffEntry[]): void {
  if (a.kind === 'dict' && b.kind === 'dict') return diffDicts(a, b, path, out);
  if (a.kind === 'array' && b.kind === 'array') return diffArrays(a, b, path, out);
  if (plistEqual(a, b)) return;
  out.push({ change: 'changed', path, oldType: a.kind, newType: b.kind, oldValue: short(a), newValue: short(b) });
}

function diffDicts(a: PlistDict, b: PlistDict, path: string, out: DiffEntry[]): void {
  const after = new Map(b.entries.map((e) => [e.key, e.value]));
  const before = new Set(a.entries.map((e) => e.key));

  for (const entry of a.entries) {
    const keyPath = joinKeyPath(path, entry.key);
    const other = after.get(entry.key);
    if (other === undefined) out.push({ change: 'removed', path: keyPath, oldType: entry.value.kind, oldValue: short(entry.value) });
    else diffValues(entry.value, other, keyPath, out);
  }

  for (const entry of b.entries) {
    if (!before.has(entry.key)) {
      out.push({ change: 'added', path: joinKeyPath(path, entry.key), newType: entry.value.kind, newValue: short(entry.value) });
    }
  }
}

function diffArrays(a: PlistArray, b: PlistArray, path: string, out: DiffEntry[]): void {
  const aIds = payloadUuids(a);
  const bIds = payloadUuids(b);
  if (aIds && bIds) return diffPayloadArrays(a, b, aIds, bIds, path, out);

  const common = Math.min(a.items.length, b.items.length);
  for (let i = 0; i < common; i++) diffValues(a.items[i], b.items[i], joinKeyPath(path, i), out);
  for (let i = common; i < a.items.length; i++) {
    out.push({ change: 'removed', path: joinKeyPath(path, i), oldType: a.items[i].kind, oldValue: short(a.items[i]) });
  }
  for (let i = common; i < b.items.length; i++) {
    out.push({ change: 'added', path: joinKeyPath(path, i), newType: b.items[i].kind, newValue: short(b.items[i]) });
  }
}

function diffPayloadArrays(a: PlistArray, b: PlistArray, aIds: string[], bIds: string[], path: string, out: DiffEntry[]): void {
  const bIndex = new Map(bIds.map((id, i) => [id, i]));
  const aSet = new Set(aIds);

  aIds.forEach((id, i) => {
    const j = bIndex.get(id);
    if (j === undefined) out.push({ change: 'removed', path: joinKeyPath(path, i), oldType: 'dict', oldValue: describePayload(a.items[i]) });
    else diffValues(a.items[i], b.items[j], joinKeyPath(path, i), out);
  });

  bIds.forEach((id, j) => {
    if (!aSet.has(id)) out.push({ change: 'added', path: joinKeyPath(path, j), newType: 'dict', newValue: describePayload(b.items[j]) });
  });
}

/** Returns the items' PayloadUUIDs when every item is a dict with a distinct one, else null. */
function payloadUuids(array: PlistArray): string[] | null {
  if (array.items.length === 0) return null;
  const ids: string[] = [];
  for (const item of array.items) {
    const id = item.kind === 'dict' ? dictGetString(item, 'PayloadUUID') : undefined;
    if (!id) return null;
    ids.push(id);
  }
  return new Set(ids).size === ids.length ? ids : null;
}

function describePayload(value: PlistValue): JsonValue {
  if (value.kind !== 'dict') return short(value);
  return { PayloadType: dictGetString(value, 'PayloadType') ?? null, PayloadUUID: dictGetString(value, 'PayloadUUID') ?? null };
}

/** Values in diffs stay short: containers are described by their size. */
function short(value: PlistValue): JsonValue {
  if (value.kind === 'array') return `array of ${value.items.length}`;
  if (value.kind === 'dict') return `dict of ${value.entries.length} keys`;
  return plistToJson(value, { dataAsLength: true });
}
