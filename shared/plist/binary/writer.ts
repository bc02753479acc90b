// Writer of binary property lists (bplist00).
//
// Python's plistlib 3.11 writes the same bytes for the same value, with three exceptions.
// plistlib does not share equal UIDs, and it merges 0.0 and -0.0 because Python compares
// them equal. It also rejects UIDs of 2^64 and more, which this writer puts in 16 bytes.

import { assertNever, type PlistValue } from '../model.ts';
import { ByteBuffer } from './byte-buffer.ts';
import {
  LENGTH_FOLLOWS,
  MARKER_DATE,
  MARKER_FALSE,
  MARKER_REAL32,
  MARKER_REAL64,
  MARKER_TRUE,
  TYPE_ARRAY,
  TYPE_ASCII_STRING,
  TYPE_DATA,
  TYPE_DICT,
  TYPE_INTEGER,
  TYPE_UID,
  TYPE_UTF16_STRING,
  byteWidthForCount,
  unixMsToAppleSeconds,
} from './format.ts';
import { flattenPlist, type FlatObject } from './object-table.ts';

/** Writes `value` as a bplist00 file. Throws PlistError with the key path of a value the format cannot hold. */
export function writeBinaryPlist(value: PlistValue): Uint8Array {
  const objects = flattenPlist(value);
  const refSize = byteWidthForCount(objects.length);
  const out = new ByteBuffer();

  // Header and objects.
  out.writeAscii('bplist00');
  const offsets: number[] = new Array(objects.length);
  for (let i = 0; i < objects.length; i++) {
    offsets[i] = out.length;
    writeObject(out, objects[i], refSize);
  }

  // Offset table.
  const offsetTableOffset = out.length;
  const offsetSize = byteWidthForCount(offsetTableOffset);
  for (const offset of offsets) out.writeUnsigned(offset, offsetSize);

  // Trailer: 5 unused bytes, the sort version (0), the two widths, then three 64-bit fields.
  out.writeUnsigned(0, 6);
  out.writeUint8(offsetSize);
  out.writeUint8(refSize);
  out.writeUnsigned(objects.length, 8);
  out.writeUnsigned(0, 8);
  out.writeUnsigned(offsetTableOffset, 8);

  return out.toUint8Array();
}

function writeObject(out: ByteBuffer, object: FlatObject, refSize: number): void {
  switch (object.kind) {
    case 'boolean':
      out.writeUint8(object.value ? MARKER_TRUE : MARKER_FALSE);
      return;
    case 'integer':
      writeInteger(out, object.value);
      return;
    case 'real':
      if (object.width === 32) {
        out.writeUint8(MARKER_REAL32);
        out.writeFloat32(object.value);
      } else {
        out.writeUint8(MARKER_REAL64);
        out.writeFloat64(object.value);
      }
      return;
    case 'date':
      out.writeUint8(MARKER_DATE);
      out.writeFloat64(unixMsToAppleSeconds(object.ms));
      return;
    case 'data':
      writeLengthMarker(out, TYPE_DATA, object.value.length);
      out.writeBytes(object.value);
      return;
    case 'string':
      if (object.ascii) {
        writeLengthMarker(out, TYPE_ASCII_STRING, object.value.length);
        out.writeAscii(object.value);
      } else {
        // The length counts UTF-16 code units, so a character outside the BMP counts 2.
        writeLengthMarker(out, TYPE_UTF16_STRING, object.value.length);
        out.writeUtf16(object.value);
      }
      return;
    case 'uid': {
      const width = uidWidth(object.value);
      out.writeUint8((TYPE_UID << 4) | (width - 1));
      out.writeBigInt(object.value, width);
      return;
    }
    case 'array':
      writeLengthMarker(out, TYPE_ARRAY, object.refs.length);
      for (const ref of object.refs) out.writeUnsigned(ref, refSize);
      return;
    case 'dict':
      writeLengthMarker(out, TYPE_DICT, object.keyRefs.length);
      for (const ref of object.keyRefs) out.writeUnsigned(ref, refSize);
      for (const ref of object.valueRefs) out.writeUnsigned(ref, refSize);
      return;
    default:
      assertNever(object);
  }
}

/** Writes an integer in the smallest unsigned width, or 8 bytes when negative, or 16 bytes above 2^63 - 1. */
function writeInteger(out: ByteBuffer, value: bigint): void {
  let exponent: number;
  if (value < 0n) exponent = 3;
  else if (value < 0x100n) exponent = 0;
  else if (value < 0x10000n) exponent = 1;
  else if (value < 0x100000000n) exponent = 2;
  else if (value < 2n ** 63n) exponent = 3;
  else exponent = 4;
  out.writeUint8((TYPE_INTEGER << 4) | exponent);
  out.writeBigInt(value, 1 << exponent);
}

/** Returns the byte width of a UID: 1, 2, 4 or 8 as plistlib writes them, or 16 above 2^64 - 1. */
function uidWidth(value: bigint): number {
  if (value < 0x100n) return 1;
  if (value < 0x10000n) return 2;
  if (value < 0x100000000n) return 4;
  if (value < 2n ** 64n) return 8;
  return 16;
}

/** Writes a marker with `count` in its low nibble, or 0xF and `count` as an integer object when it is 15 or more. */
function writeLengthMarker(out: ByteBuffer, type: number, count: number): void {
  if (count < LENGTH_FOLLOWS) {
    out.writeUint8((type << 4) | count);
    return;
  }
  out.writeUint8((type << 4) | LENGTH_FOLLOWS);
  const width = byteWidthForCount(count);
  out.writeUint8((TYPE_INTEGER << 4) | Math.log2(width));
  out.writeUnsigned(count, width);
}
