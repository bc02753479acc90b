// A structural comparison of two plist values, source positions included, that reports where
// they first differ, for tests of the XML readers.

import type { PlistValue, SourcePosition } from '../../shared/plist/model.ts';

/** Returns where `actual` differs from `expected`, positions included, or null when they are equal. */
export function firstDifference(actual: PlistValue, expected: PlistValue, path = '(root)'): string | null {
  if (actual.kind !== expected.kind) return `${path}: kind ${actual.kind}, expected ${expected.kind}`;
  const position = positionDifference(actual.pos, expected.pos, `${path} pos`);
  if (position !== null) return position;

  switch (actual.kind) {
    case 'array': {
      const items = (expected as typeof actual).items;
      if (actual.items.length !== items.length) return `${path}: ${actual.items.length} items, expected ${items.length}`;
      for (let i = 0; i < items.length; i++) {
        const difference = firstDifference(actual.items[i], items[i], `${path}[${i}]`);
        if (difference !== null) return difference;
      }
      return null;
    }
    case 'dict': {
      const entries = (expected as typeof actual).entries;
      if (actual.entries.length !== entries.length) return `${path}: ${actual.entries.length} entries, expected ${entries.length}`;
      for (let i = 0; i < entries.length; i++) {
        const entryPath = `${path}.${JSON.stringify(entries[i].key)}`;
        if (actual.entries[i].key !== entries[i].key) return `${path} entry ${i}: key ${JSON.stringify(actual.entries[i].key)}, expected ${JSON.stringify(entries[i].key)}`;
        const keyPosition = positionDifference(actual.entries[i].keyPos, entries[i].keyPos, `${entryPath} keyPos`);
        if (keyPosition !== null) return keyPosition;
        const difference = firstDifference(actual.entries[i].value, entries[i].value, entryPath);
        if (difference !== null) return difference;
      }
      return null;
    }
    case 'data': {
      const bytes = (expected as typeof actual).value;
      const same = actual.value.length === bytes.length && actual.value.every((byte, i) => byte === bytes[i]);
      return same ? null : `${path}: data of ${actual.value.length} bytes differs from the expected ${bytes.length} bytes`;
    }
    default: {
      const value = (expected as typeof actual).value;
      return Object.is(actual.value, value) ? null : `${path}: value ${String(actual.value)}, expected ${String(value)}`;
    }
  }
}

function positionDifference(actual: SourcePosition | undefined, expected: SourcePosition | undefined, path: string): string | null {
  if (actual === undefined || expected === undefined) return actual === expected ? null : `${path}: ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`;
  const same = actual.line === expected.line && actual.column === expected.column && actual.offset === expected.offset && actual.endOffset === expected.endOffset;
  return same ? null : `${path}: ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`;
}
