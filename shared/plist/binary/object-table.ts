// The writer's first pass: turn a value tree into the flat, numbered object list of a
// bplist00 file, rejecting anything the format cannot hold.
//
// Numbering follows Python's plistlib, so that our files lay out like its files: a
// container comes before its contents, and a dictionary's keys are numbered before its
// values. Equal scalars (same type and same encoded bytes) share one object;
// containers are never shared, so two equal arrays stay two objects.

import { PlistError, joinKeyPath } from '../errors.ts';
import { MAX_PLIST_DEPTH } from '../limits.ts';
import { assertNever, type PlistValue } from '../model.ts';

/** A scalar object and how to encode it, or a container with the indexes of its children. */
export type FlatObject =
  | { readonly kind: 'string'; readonly value: string; readonly ascii: boolean }
  | { readonly kind: 'integer'; readonly value: bigint }
  | { readonly kind: 'real'; readonly value: number; readonly width: 32 | 64 }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'date'; readonly ms: number }
  | { readonly kind: 'data'; readonly value: Uint8Array }
  | { readonly kind: 'uid'; readonly value: bigint }
  | { readonly kind: 'array'; readonly refs: readonly number[] }
  | { readonly kind: 'dict'; readonly keyRefs: readonly number[]; readonly valueRefs: readonly number[] };

const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;
const UINT128_MAX = 2n ** 128n - 1n;

/** Numbers the objects of `root` (the root is object 0). Throws PlistError with the key path of a value that cannot be written. */
export function flattenPlist(root: PlistValue): FlatObject[] {
  return new ObjectTableBuilder().build(root);
}

class ObjectTableBuilder {
  private readonly objects: FlatObject[] = [];
  // Object index of each scalar written so far, one map per type. Reals and dates are
  // keyed by number, where Map equates 0 with -0, so -0 gets a key of its own.
  private readonly strings = new Map<string, number>();
  private readonly integers = new Map<bigint, number>();
  private readonly uids = new Map<bigint, number>();
  private readonly reals64 = new Map<number | '-0', number>();
  private readonly reals32 = new Map<number | '-0', number>();
  private readonly dates = new Map<number, number>();
  private readonly booleans = new Map<boolean, number>();
  /** Indexes of data objects by a hash of their bytes; equal hashes are compared in full. */
  private readonly dataByHash = new Map<number, number[]>();
  private readonly path: (string | number)[] = [];

  build(root: PlistValue): FlatObject[] {
    this.add(root, 0);
    return this.objects;
  }

  private add(value: PlistValue, depth: number): number {
    switch (value.kind) {
      case 'array':
        return this.addArray(value.items, depth);
      case 'dict':
        return this.addDict(value.entries, depth);
      case 'string':
        return this.addString(value.value);
      case 'integer':
        return this.integers.get(value.value) ?? this.addScalar(this.integers, value.value, { kind: 'integer', value: this.checkInteger(value.value) });
      case 'real':
        return this.addReal(value.value, value.width);
      case 'boolean':
        return this.booleans.get(value.value) ?? this.addScalar(this.booleans, value.value, { kind: 'boolean', value: value.value });
      case 'date':
        if (!Number.isFinite(value.value)) this.fail(`date ${value.value} is not a valid time`);
        return this.dates.get(value.value) ?? this.addScalar(this.dates, value.value, { kind: 'date', ms: value.value });
      case 'data':
        return this.addData(value.value);
      case 'uid':
        return this.uids.get(value.value) ?? this.addScalar(this.uids, value.value, { kind: 'uid', value: this.checkUid(value.value) });
      default:
        return assertNever(value);
    }
  }

  private addArray(items: readonly PlistValue[], depth: number): number {
    this.checkDepth(depth);
    const index = this.reserve();
    const refs: number[] = [];
    for (let i = 0; i < items.length; i++) {
      this.path.push(i);
      refs.push(this.add(items[i], depth + 1));
      this.path.pop();
    }
    this.objects[index] = { kind: 'array', refs };
    return index;
  }

  private addDict(entries: readonly { key: string; value: PlistValue }[], depth: number): number {
    this.checkDepth(depth);
    const index = this.reserve();

    const seen = new Set<string>();
    const keyRefs: number[] = [];
    for (const { key } of entries) {
      if (seen.has(key)) this.fail(`duplicate key "${key}" in dictionary`);
      seen.add(key);
      this.path.push(key);
      keyRefs.push(this.addString(key));
      this.path.pop();
    }

    const valueRefs: number[] = [];
    for (const { key, value } of entries) {
      this.path.push(key);
      valueRefs.push(this.add(value, depth + 1));
      this.path.pop();
    }

    this.objects[index] = { kind: 'dict', keyRefs, valueRefs };
    return index;
  }

  private addString(text: string): number {
    const existing = this.strings.get(text);
    if (existing !== undefined) return existing;

    // Readers, plistlib included, reject unpaired surrogates, so they are never written.
    let ascii = true;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit < 0x80) continue;
      ascii = false;
      if (unit >= 0xd800 && unit <= 0xdfff) {
        const next = text.charCodeAt(i + 1);
        if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          i++;
          continue;
        }
        this.fail(`string contains an unpaired surrogate U+${unit.toString(16).toUpperCase()} at index ${i}, which binary plists cannot hold`);
      }
    }
    return this.addScalar(this.strings, text, { kind: 'string', value: text, ascii });
  }

  private addReal(value: number, requestedWidth: 32 | 64 | undefined): number {
    // Width 32 is kept only while the value still fits a float32 exactly, so an edited
    // value never loses precision.
    const width = requestedWidth === 32 && Object.is(Math.fround(value), value) ? 32 : 64;
    const map = width === 32 ? this.reals32 : this.reals64;
    const key = Object.is(value, -0) ? '-0' : value;
    return map.get(key) ?? this.addScalar(map, key, { kind: 'real', value, width });
  }

  private addData(bytes: Uint8Array): number {
    const hash = hashBytes(bytes);
    const candidates = this.dataByHash.get(hash);
    for (const index of candidates ?? []) {
      const existing = this.objects[index];
      if (existing.kind === 'data' && bytesEqual(existing.value, bytes)) return index;
    }

    const index = this.objects.length;
    this.objects.push({ kind: 'data', value: bytes });
    if (candidates) candidates.push(index);
    else this.dataByHash.set(hash, [index]);
    return index;
  }

  /** Appends `object` and records its index under `key`, which the caller has looked up and not found. */
  private addScalar<K>(map: Map<K, number>, key: K, object: FlatObject): number {
    const index = this.objects.length;
    this.objects.push(object);
    map.set(key, index);
    return index;
  }

  /** Takes the next index for a container, so that it precedes its children. */
  private reserve(): number {
    this.objects.push({ kind: 'array', refs: [] });
    return this.objects.length - 1;
  }

  private checkInteger(value: bigint): bigint {
    // Negative values are written in 8 bytes and unsigned ones above 2^63 - 1 in 16 bytes.
    // plistlib rejects the same range with OverflowError.
    if (value < INT64_MIN || value > UINT64_MAX) {
      this.fail(`integer ${value} is out of range: binary plists hold -2^63 to 2^64 - 1`);
    }
    return value;
  }

  private checkUid(value: bigint): bigint {
    if (value < 0n || value > UINT128_MAX) this.fail(`UID ${value} is out of range: UIDs are 0 to 2^128 - 1`);
    return value;
  }

  private checkDepth(depth: number): void {
    if (depth + 1 > MAX_PLIST_DEPTH) this.fail(`arrays and dictionaries nest more than ${MAX_PLIST_DEPTH} levels deep`);
  }

  private fail(reason: string): never {
    let keyPath = '';
    for (const segment of this.path) keyPath = joinKeyPath(keyPath, segment);
    throw new PlistError(`cannot write binary plist: ${reason}`, { keyPath: keyPath || undefined });
  }
}

/** Returns the 32-bit FNV-1a hash of `bytes`, to find candidate equal data objects quickly. */
function hashBytes(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
  return hash >>> 0;
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
