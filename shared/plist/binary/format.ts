// Constants of the bplist00 format, shared by the binary reader and writer.
//
// Layout: the 8-byte header `bplist00`, the objects, a table of object offsets, then a
// 32-byte trailer. Each object starts with a marker byte: the high nibble is its type, the
// low nibble its length (0xF means that an integer object with the real length follows).
// Containers refer to other objects by index into the offset table.

/** `bplist` followed by the two-digit format version. */
export const BINARY_MAGIC = [0x62, 0x70, 0x6c, 0x69, 0x73, 0x74] as const;
export const HEADER_LENGTH = 8;
export const TRAILER_LENGTH = 32;

/** Seconds from 1970-01-01T00:00:00Z to 2001-01-01T00:00:00Z, the epoch of binary dates. */
export const APPLE_EPOCH_OFFSET_SECONDS = 978_307_200;

// Marker bytes and type nibbles (high nibble of the marker).
export const MARKER_NULL = 0x00;
export const MARKER_FALSE = 0x08;
export const MARKER_TRUE = 0x09;
export const MARKER_FILL = 0x0f;
export const MARKER_REAL32 = 0x22;
export const MARKER_REAL64 = 0x23;
export const MARKER_DATE = 0x33;

export const TYPE_SIMPLE = 0x0;
export const TYPE_INTEGER = 0x1;
export const TYPE_REAL = 0x2;
export const TYPE_DATE = 0x3;
export const TYPE_DATA = 0x4;
export const TYPE_ASCII_STRING = 0x5;
export const TYPE_UTF16_STRING = 0x6;
export const TYPE_UID = 0x8;
export const TYPE_ARRAY = 0xa;
export const TYPE_ORDERED_SET = 0xb;
export const TYPE_SET = 0xc;
export const TYPE_DICT = 0xd;

/** Low nibble meaning that the length does not fit the nibble and follows as an integer object. */
export const LENGTH_FOLLOWS = 0xf;

/**
 * Returns the byte width (1, 2, 4 or 8) that the writer uses for object references when
 * there are `count` objects, and for offsets when the offset table starts at `count`. Like
 * Python's plistlib, it sizes by the count, not by the largest value.
 */
export function byteWidthForCount(count: number): 1 | 2 | 4 | 8 {
  if (count < 0x100) return 1;
  if (count < 0x10000) return 2;
  if (count < 0x100000000) return 4;
  return 8;
}

const APPLE_EPOCH_OFFSET_MS = APPLE_EPOCH_OFFSET_SECONDS * 1000;

/**
 * Converts seconds since 2001-01-01T00:00:00Z to milliseconds since 1970-01-01T00:00:00Z,
 * rounded to the microsecond (the resolution of Python's datetime). Plain arithmetic, so
 * the machine's time zone plays no part. The rounding makes model -> binary -> model exact
 * for millisecond values in whole microseconds (format.test.ts checks 20,000 from 1938 to
 * 2065). Without it, about 0.5% of random whole-millisecond values came back one unit in
 * the last place off.
 */
export function appleSecondsToUnixMs(seconds: number): number {
  return Math.round((seconds * 1000 + APPLE_EPOCH_OFFSET_MS) * 1000) / 1000;
}

/** Converts milliseconds since 1970-01-01T00:00:00Z to seconds since 2001-01-01T00:00:00Z. */
export function unixMsToAppleSeconds(ms: number): number {
  return (ms - APPLE_EPOCH_OFFSET_MS) / 1000;
}
