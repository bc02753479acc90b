// Decoding of the objects of a bplist00 file into PlistValues, with every read bounds-checked.
//
// Objects refer to each other by index, so a hostile file can make a container contain
// itself, nest deeper than the stack allows, or share containers so that the tree it
// describes is exponentially larger than the file. The reader tracks the containers on the
// current path (cycles), the nesting depth (MAX_PLIST_DEPTH), and the number of values and
// containers it has produced (budgets proportional to the file size). Scalars are parsed once and
// cached by object index. Containers are rebuilt at each reference, so the result is a
// tree, as the rest of the project expects.

import { PlistError, joinKeyPath } from '../errors.ts';
import { MAX_PLIST_DEPTH } from '../limits.ts';
import type { PlistDictEntry, PlistValue } from '../model.ts';
import {
  HEADER_LENGTH,
  LENGTH_FOLLOWS,
  MARKER_DATE,
  MARKER_FALSE,
  MARKER_FILL,
  MARKER_NULL,
  MARKER_REAL32,
  MARKER_REAL64,
  MARKER_TRUE,
  TYPE_ARRAY,
  TYPE_ASCII_STRING,
  TYPE_DATA,
  TYPE_DATE,
  TYPE_DICT,
  TYPE_INTEGER,
  TYPE_ORDERED_SET,
  TYPE_REAL,
  TYPE_SET,
  TYPE_SIMPLE,
  TYPE_UID,
  TYPE_UTF16_STRING,
  appleSecondsToUnixMs,
} from './format.ts';
import type { BinaryTrailer } from './trailer.ts';
import { decodeText } from '../../text/encoding.ts';

/**
 * Values the reader may produce per byte of object area, counting a shared value at each
 * place it appears. A file whose containers are not shared produces at most one value per
 * byte, because each reference takes at least one byte. The factor of 2 leaves room for
 * shared containers, which Python's plistlib writes for a list referenced twice, while a
 * chain of doubly referenced arrays (2^n values from n objects) still fails early.
 * NOTE: the factor is a judgement, not measured on real files.
 */
const VALUES_PER_BYTE = 2;
/**
 * Arrays and dictionaries the reader may build per byte of object area. Without shared
 * containers a file yields at most one per 2 bytes: its marker and a reference to it. A
 * rebuilt container costs far more memory than a reference to a cached scalar, so
 * containers get this tighter budget of their own.
 */
const CONTAINERS_PER_BYTE = 1;
/** Floor of both budgets, so that small files may share containers freely. */
const MIN_BUDGET = 65_536;

/**
 * Code units from which strings are decoded with TextDecoder. Shorter ones are built a
 * character at a time, which costs less than a decoder call (measured on Node 20).
 */
const SHORT_STRING_UNITS = 16;

/** Entries up to which a dictionary's keys are checked for duplicates by a scan instead of a Set. */
const SMALL_DICT_ENTRIES = 16;

/** Largest date the model can hold: JavaScript's Date range, in milliseconds. */
const MAX_DATE_MS = 8.64e15;

type PathSegment = string | number;

/** Reads the objects of one binary plist. Use once per file. */
export class BinaryObjectReader {
  private readonly view: DataView;
  /** End of the object area, which is where the offset table starts. */
  private readonly objectAreaEnd: number;
  /** Scalars by object index, filled as they are read; an array, because a Map lookup per reference cost about a tenth of the read time. */
  private readonly scalars: (PlistValue | undefined)[];
  private readonly containersOnPath = new Set<number>();
  private readonly path: PathSegment[] = [];
  private valueBudget: number;
  private containerBudget: number;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly trailer: BinaryTrailer,
    private readonly file?: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.scalars = [];
    this.objectAreaEnd = trailer.offsetTableOffset;
    const objectAreaLength = this.objectAreaEnd - HEADER_LENGTH;
    this.valueBudget = Math.max(VALUES_PER_BYTE * objectAreaLength, MIN_BUDGET);
    this.containerBudget = Math.max(CONTAINERS_PER_BYTE * objectAreaLength, MIN_BUDGET);
  }

  /** Reads the root object and everything it contains. */
  readRoot(): PlistValue {
    return this.readObject(this.trailer.topObject, 0);
  }

  private readObject(index: number, depth: number): PlistValue {
    this.valueBudget--;
    if (this.valueBudget < 0) this.failExpansion(index);

    const cached = this.scalars[index];
    if (cached) return cached;

    const offset = this.objectOffset(index);
    const marker = this.bytes[offset];
    const type = marker >> 4;
    const info = marker & 0x0f;

    switch (type) {
      case TYPE_ARRAY:
        return this.readArray(index, offset, info, depth);
      case TYPE_DICT:
        return this.readDict(index, offset, info, depth);
      case TYPE_SET:
      case TYPE_ORDERED_SET:
        return this.fail(
          `${type === TYPE_SET ? 'set' : 'ordered set'} object (marker 0x${hex(marker)}) is not supported: XML plists, Python's plistlib and this model have no set type`,
          offset,
        );
      default: {
        const value = this.readScalar(offset, marker);
        this.scalars[index] = value;
        return value;
      }
    }
  }

  private readScalar(offset: number, marker: number): PlistValue {
    const type = marker >> 4;
    const info = marker & 0x0f;
    switch (type) {
      case TYPE_SIMPLE:
        return this.readSimple(offset, marker);
      case TYPE_INTEGER:
        return this.readInteger(offset, info);
      case TYPE_REAL:
        return this.readReal(offset, marker);
      case TYPE_DATE:
        return this.readDate(offset, marker);
      case TYPE_DATA: {
        const { start, length } = this.readLength(offset, info, 1, 'bytes');
        return { kind: 'data', value: this.bytes.slice(start, start + length) };
      }
      case TYPE_ASCII_STRING: {
        const { start, length } = this.readLength(offset, info, 1, 'bytes');
        return { kind: 'string', value: this.decodeAscii(start, length) };
      }
      case TYPE_UTF16_STRING: {
        const { start, length } = this.readLength(offset, info, 2, 'UTF-16 code units');
        return { kind: 'string', value: this.decodeUtf16(start, length) };
      }
      case TYPE_UID: {
        const width = info + 1;
        this.need(offset + 1, width, offset, `UID of ${width} bytes`);
        return { kind: 'uid', value: this.readUnsignedBig(offset + 1, width) };
      }
      default:
        return this.fail(`unknown object type (marker 0x${hex(marker)})`, offset);
    }
  }

  private readSimple(offset: number, marker: number): PlistValue {
    switch (marker) {
      case MARKER_FALSE:
        return { kind: 'boolean', value: false };
      case MARKER_TRUE:
        return { kind: 'boolean', value: true };
      case MARKER_NULL:
        // plistlib reads this as None, which its XML writer rejects. The model has no
        // null, so the reader rejects it.
        return this.fail('null object (marker 0x00) is not supported: property lists have no null value', offset);
      case MARKER_FILL:
        return this.fail('fill byte (marker 0x0f) found where an object was expected', offset);
      default:
        return this.fail(`unknown object type (marker 0x${hex(marker)})`, offset);
    }
  }

  private readInteger(offset: number, info: number): PlistValue {
    // Widths 1, 2 and 4 are unsigned, 8 and 16 are two's complement, as in plistlib.
    // Writers put unsigned values above 2^63 - 1 in 16 bytes, which keeps them positive.
    if (info > 4) this.fail(`integer of ${2 ** info} bytes is not supported: the widths are 1, 2, 4, 8 and 16`, offset);
    const width = 1 << info;
    this.need(offset + 1, width, offset, `integer of ${width} bytes`);
    const at = offset + 1;
    let value: bigint;
    if (width === 8) value = this.view.getBigInt64(at);
    else if (width === 16) value = (this.view.getBigInt64(at) << 64n) | this.view.getBigUint64(at + 8);
    else value = BigInt(this.readUnsigned(at, width));
    return { kind: 'integer', value };
  }

  private readReal(offset: number, marker: number): PlistValue {
    if (marker === MARKER_REAL32) {
      this.need(offset + 1, 4, offset, 'real of 4 bytes');
      return { kind: 'real', value: this.view.getFloat32(offset + 1), width: 32 };
    }
    if (marker === MARKER_REAL64) {
      this.need(offset + 1, 8, offset, 'real of 8 bytes');
      return { kind: 'real', value: this.view.getFloat64(offset + 1) };
    }
    return this.fail(`real of ${2 ** (marker & 0x0f)} bytes (marker 0x${hex(marker)}) is not supported: the widths are 4 and 8`, offset);
  }

  private readDate(offset: number, marker: number): PlistValue {
    if (marker !== MARKER_DATE) this.fail(`date with marker 0x${hex(marker)} is not supported: dates are 8-byte reals (marker 0x33)`, offset);
    this.need(offset + 1, 8, offset, 'date of 8 bytes');
    const seconds = this.view.getFloat64(offset + 1);
    const ms = appleSecondsToUnixMs(seconds);
    if (!Number.isFinite(ms) || Math.abs(ms) > MAX_DATE_MS) {
      this.fail(`date of ${seconds} seconds since 2001-01-01 is outside the representable range (years -271821 to 275760)`, offset);
    }
    return { kind: 'date', value: ms };
  }

  private readArray(index: number, offset: number, info: number, depth: number): PlistValue {
    const { start, length } = this.readLength(offset, info, this.trailer.refSize, 'array elements');
    this.enterContainer(index, offset, depth);

    const items: PlistValue[] = [];
    for (let i = 0; i < length; i++) {
      const ref = this.readRef(start + i * this.trailer.refSize);
      this.path.push(i);
      items.push(this.readObject(ref, depth + 1));
      this.path.pop();
    }

    this.containersOnPath.delete(index);
    return { kind: 'array', items };
  }

  private readDict(index: number, offset: number, info: number, depth: number): PlistValue {
    // Key references come first, then the value references in the same order.
    const { start, length } = this.readLength(offset, info, 2 * this.trailer.refSize, 'dictionary entries');
    this.enterContainer(index, offset, depth);

    const entries: PlistDictEntry[] = [];
    // Small dictionaries, the common case, are checked for duplicate keys by a scan, which costs less than building a Set.
    const seen = length > SMALL_DICT_ENTRIES ? new Set<string>() : null;
    const valuesStart = start + length * this.trailer.refSize;
    for (let i = 0; i < length; i++) {
      const key = this.readKey(this.readRef(start + i * this.trailer.refSize));
      if (seen ? seen.has(key) : entries.some((entry) => entry.key === key)) this.fail(`duplicate key "${key}" in dictionary`, offset);
      seen?.add(key);

      this.path.push(key);
      const value = this.readObject(this.readRef(valuesStart + i * this.trailer.refSize), depth + 1);
      this.path.pop();
      entries.push({ key, value });
    }

    this.containersOnPath.delete(index);
    return { kind: 'dict', entries };
  }

  private readKey(index: number): string {
    // Check the marker first, so that a container used as a key is never expanded.
    const offset = this.objectOffset(index);
    const type = this.bytes[offset] >> 4;
    if (type !== TYPE_ASCII_STRING && type !== TYPE_UTF16_STRING) {
      this.fail(`dictionary key is not a string (marker 0x${hex(this.bytes[offset])}); keys must be strings`, offset);
    }
    const key = this.readObject(index, 0);
    return (key as { value: string }).value;
  }

  /** Checks depth, cycles and the container budget before a container's children are read, and marks it as on the path. */
  private enterContainer(index: number, offset: number, depth: number): void {
    this.containerBudget--;
    if (this.containerBudget < 0) this.failExpansion(index);
    if (this.containersOnPath.has(index)) {
      this.fail(`object ${index} contains itself (a reference cycle), which a property list cannot have`, offset);
    }
    if (depth + 1 > MAX_PLIST_DEPTH) {
      this.fail(`arrays and dictionaries nest more than ${MAX_PLIST_DEPTH} levels deep`, offset);
    }
    this.containersOnPath.add(index);
  }

  /** Returns where object `index` starts, checked to lie in the object area. */
  private objectOffset(index: number): number {
    const { offsetSize, offsetTableOffset } = this.trailer;
    const entry = offsetTableOffset + index * offsetSize;
    const offset = this.readUnsigned(entry, offsetSize);
    if (offset < HEADER_LENGTH || offset >= this.objectAreaEnd) {
      this.fail(
        `object ${index} has offset ${offset}, outside the object area (bytes ${HEADER_LENGTH} to ${this.objectAreaEnd - 1})`,
        entry,
      );
    }
    return offset;
  }

  /** Reads an object reference at `at` and checks it against the object count. */
  private readRef(at: number): number {
    const ref = this.readUnsigned(at, this.trailer.refSize);
    if (ref >= this.trailer.objectCount) {
      this.fail(`object reference ${ref} is out of range: the file has ${this.trailer.objectCount} objects`, at);
    }
    return ref;
  }

  /**
   * Reads the element count of a data, string or container object whose marker is at
   * `offset`, and checks that `count * unitSize` bytes of content fit in the object area.
   * Counts of 15 and more follow the marker as an integer object of 1 to 8 bytes.
   * `unitName` names the elements in the error message.
   */
  private readLength(offset: number, info: number, unitSize: number, unitName: string): { start: number; length: number } {
    let start = offset + 1;
    let length = info;
    if (info === LENGTH_FOLLOWS) {
      this.need(start, 1, offset, 'length marker');
      const lengthMarker = this.bytes[start];
      if (lengthMarker >> 4 !== TYPE_INTEGER || (lengthMarker & 0x0f) > 3) {
        this.fail(`length marker 0x${hex(lengthMarker)} is invalid: an integer of 1, 2, 4 or 8 bytes (marker 0x10 to 0x13) was expected`, start);
      }
      const width = 1 << (lengthMarker & 0x0f);
      this.need(start + 1, width, start, `length of ${width} bytes`);
      length = this.readUnsigned(start + 1, width);
      start += 1 + width;
    }

    const available = Math.max(this.objectAreaEnd - start, 0);
    if (length * unitSize > available) {
      // Reread as a bigint, so that a declared count near 2^64 is reported exactly.
      const exact = info === LENGTH_FOLLOWS ? this.readUnsignedBig(offset + 2, start - offset - 2) : BigInt(info);
      const size = unitSize === 1 ? '' : ` of ${unitSize} bytes each`;
      this.fail(`object declares ${exact} ${unitName}${size}, but only ${available} bytes remain before the offset table`, offset);
    }
    return { start, length };
  }

  /** Checks that `width` bytes at `at` lie in the object area, naming `description` otherwise. */
  private need(at: number, width: number, objectOffset: number, description: string): void {
    if (at + width > this.objectAreaEnd) {
      this.fail(`${description} runs past the end of the object area at byte ${this.objectAreaEnd}`, objectOffset);
    }
  }

  /**
   * Reads a big-endian unsigned integer of 1 to 8 bytes as a number. Values above 2^53
   * lose precision, which is harmless: every caller rejects anything beyond the file size.
   */
  private readUnsigned(at: number, width: number): number {
    let value = 0;
    for (let i = 0; i < width; i++) value = value * 256 + this.bytes[at + i];
    return value;
  }

  private readUnsignedBig(at: number, width: number): bigint {
    let value = 0n;
    for (let i = 0; i < width; i++) value = (value << 8n) | BigInt(this.bytes[at + i]);
    return value;
  }

  private decodeAscii(start: number, length: number): string {
    // Bytes above 0x7f are rejected, as plistlib does, because writers store any
    // non-ASCII string as UTF-16.
    const end = start + length;
    for (let i = start; i < end; i++) {
      if (this.bytes[i] > 0x7f) this.fail(`ASCII string contains byte 0x${hex(this.bytes[i])}, which is not ASCII`, i);
    }
    if (length < SHORT_STRING_UNITS) {
      let text = '';
      for (let i = start; i < end; i++) text += String.fromCharCode(this.bytes[i]);
      return text;
    }
    // ASCII is valid UTF-8, and the UTF-8 decoder is the fastest one for longer strings.
    return decodeText(this.bytes.subarray(start, end), 'utf-8');
  }

  private decodeUtf16(start: number, length: number): string {
    // The strict decoder rejects unpaired surrogates, as plistlib does; when it does, the
    // check below finds the unit to name in the error.
    if (length >= SHORT_STRING_UNITS) {
      try {
        return decodeText(this.bytes.subarray(start, start + 2 * length), 'utf-16be');
      } catch (error) {
        if (!(error instanceof TypeError)) throw error;
      }
    }

    // Big-endian code units, checked for pairing like a strict UTF-16 decoder (plistlib's
    // included) does, so that no model string contains an unpaired surrogate.
    const units = new Uint16Array(length);
    for (let i = 0; i < length; i++) units[i] = (this.bytes[start + 2 * i] << 8) | this.bytes[start + 2 * i + 1];
    for (let i = 0; i < length; i++) {
      const unit = units[i];
      if (unit < 0xd800 || unit > 0xdfff) continue;
      const next = i + 1 < length ? units[i + 1] : 0;
      if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      this.fail(`UTF-16 string is invalid: it contains an unpaired surrogate U+${unit.toString(16).toUpperCase()}`, start + 2 * i);
    }
    return codeUnitsToString(units);
  }

  private failExpansion(index: number): never {
    return this.fail(
      'object graph expands to too many values: containers are referenced from so many places that the plist would be far larger than the file, so the file is corrupt or hostile',
      this.objectOffset(index),
    );
  }

  private fail(reason: string, offset: number): never {
    let keyPath = '';
    for (const segment of this.path) keyPath = joinKeyPath(keyPath, segment);
    throw new PlistError(reason, { file: this.file, offset, keyPath: keyPath || undefined });
  }
}

/** Returns the string of `units` (bytes or UTF-16 code units), in chunks that stay well inside the argument limit of apply. */
function codeUnitsToString(units: Uint8Array | Uint16Array): string {
  const chunk = 8192;
  if (units.length <= chunk) return String.fromCharCode.apply(null, units as unknown as number[]);
  let text = '';
  for (let i = 0; i < units.length; i += chunk) {
    text += String.fromCharCode.apply(null, units.subarray(i, i + chunk) as unknown as number[]);
  }
  return text;
}

function hex(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}
