// The typed property-list value model.
//
// Every plist type stays distinct: an integer is never a real, a UID is never an integer,
// and integers are bigints so that the whole signed and unsigned 64-bit range and the
// 128-bit binary form are exact. Values read from XML carry their source position, which
// the validator and the raw XML editor use; values built in code have none.

/** A place in the XML source. Lines and columns are 1-based; offsets are UTF-16 code-unit offsets into the decoded text. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
  /** Offset just past the value's closing tag (or the key's `</key>`). */
  readonly endOffset: number;
}

interface Positioned {
  /** Where the value's element starts in the XML source, when it was read from XML. */
  readonly pos?: SourcePosition;
}

export interface PlistString extends Positioned {
  readonly kind: 'string';
  readonly value: string;
}

export interface PlistInteger extends Positioned {
  readonly kind: 'integer';
  /** Any value from -2^127 to 2^128 - 1; writers reject what their format cannot hold. */
  readonly value: bigint;
}

export interface PlistReal extends Positioned {
  readonly kind: 'real';
  readonly value: number;
  /** Width the binary reader found; writers use 64 unless this says 32. */
  readonly width?: 32 | 64;
}

export interface PlistBoolean extends Positioned {
  readonly kind: 'boolean';
  readonly value: boolean;
}

export interface PlistDate extends Positioned {
  readonly kind: 'date';
  /** Milliseconds since 1970-01-01T00:00:00Z, as in `Date.getTime()`. Binary dates may carry a fraction; XML writes whole seconds. */
  readonly value: number;
}

export interface PlistData extends Positioned {
  readonly kind: 'data';
  readonly value: Uint8Array;
}

export interface PlistArray extends Positioned {
  readonly kind: 'array';
  readonly items: readonly PlistValue[];
}

export interface PlistDictEntry {
  readonly key: string;
  /** Where the `<key>` element starts, when read from XML. */
  readonly keyPos?: SourcePosition;
  readonly value: PlistValue;
}

export interface PlistDict extends Positioned {
  readonly kind: 'dict';
  /** Entries in document order; keys are unique (readers reject duplicates). */
  readonly entries: readonly PlistDictEntry[];
}

/** NSKeyedArchiver object reference (binary plists only; XML has no UID element). */
export interface PlistUid extends Positioned {
  readonly kind: 'uid';
  readonly value: bigint;
}

export type PlistValue =
  | PlistString
  | PlistInteger
  | PlistReal
  | PlistBoolean
  | PlistDate
  | PlistData
  | PlistArray
  | PlistDict
  | PlistUid;

export type PlistKind = PlistValue['kind'];

export type PlistFormat = 'xml' | 'binary';

// Constructors, so that code and tests build values without spelling out `kind`.

export const str = (value: string): PlistString => ({ kind: 'string', value });
export const int = (value: bigint | number): PlistInteger => ({ kind: 'integer', value: BigInt(value) });
export const real = (value: number): PlistReal => ({ kind: 'real', value });
export const bool = (value: boolean): PlistBoolean => ({ kind: 'boolean', value });
export const date = (value: Date | number): PlistDate => ({ kind: 'date', value: typeof value === 'number' ? value : value.getTime() });
export const data = (value: Uint8Array): PlistData => ({ kind: 'data', value });
export const uid = (value: bigint | number): PlistUid => ({ kind: 'uid', value: BigInt(value) });
export const array = (items: readonly PlistValue[]): PlistArray => ({ kind: 'array', items });

/** Builds a dictionary from `[key, value]` pairs or an object, keeping the order given. */
export function dict(entries: readonly (readonly [string, PlistValue])[] | Readonly<Record<string, PlistValue>>): PlistDict {
  const pairs = Array.isArray(entries) ? entries : Object.entries(entries);
  return { kind: 'dict', entries: pairs.map(([key, value]) => ({ key, value })) };
}

/** Returns the entry's value for `key`, or undefined. */
export function dictGet(d: PlistDict, key: string): PlistValue | undefined {
  for (const entry of d.entries) {
    if (entry.key === key) return entry.value;
  }
  return undefined;
}

/** Returns the string under `key`, or undefined when it is missing or not a string. */
export function dictGetString(d: PlistDict, key: string): string | undefined {
  const v = dictGet(d, key);
  return v?.kind === 'string' ? v.value : undefined;
}

/** Returns a copy of `d` with `key` set to `value`: replaced in place when present, appended otherwise. */
export function dictSet(d: PlistDict, key: string, value: PlistValue): PlistDict {
  const index = d.entries.findIndex((e) => e.key === key);
  if (index < 0) return { ...d, entries: [...d.entries, { key, value }] };
  const entries = d.entries.slice();
  entries[index] = { ...entries[index], value };
  return { ...d, entries };
}

/** Returns a copy of `d` without `key`. */
export function dictDelete(d: PlistDict, key: string): PlistDict {
  return { ...d, entries: d.entries.filter((e) => e.key !== key) };
}

/** Removes source positions, recursively: positions differ between two readings of equal values. */
export function stripPositions(value: PlistValue): PlistValue {
  switch (value.kind) {
    case 'array':
      return { kind: 'array', items: value.items.map(stripPositions) };
    case 'dict':
      return { kind: 'dict', entries: value.entries.map((e) => ({ key: e.key, value: stripPositions(e.value) })) };
    case 'real':
      return { kind: 'real', value: value.value };
    default:
      return { kind: value.kind, value: value.value } as PlistValue;
  }
}

/** Compares two values by type and content, ignoring positions and real widths. Reals compare by bit pattern class: NaN equals NaN, 0 and -0 differ. */
export function plistEqual(a: PlistValue, b: PlistValue): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'string':
    case 'integer':
    case 'boolean':
    case 'uid':
    case 'date':
      return a.value === (b as typeof a).value;
    case 'real':
      return Object.is(a.value, (b as typeof a).value);
    case 'data': {
      const other = (b as typeof a).value;
      if (a.value.length !== other.length) return false;
      for (let i = 0; i < other.length; i++) if (a.value[i] !== other[i]) return false;
      return true;
    }
    case 'array': {
      const other = (b as typeof a).items;
      return a.items.length === other.length && a.items.every((item, i) => plistEqual(item, other[i]));
    }
    case 'dict': {
      const other = (b as typeof a).entries;
      return a.entries.length === other.length && a.entries.every((e, i) => e.key === other[i].key && plistEqual(e.value, other[i].value));
    }
    default:
      return assertNever(a);
  }
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
