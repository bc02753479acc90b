// Reader of binary property lists (bplist00), the format of CoreFoundation's
// CFBinaryPList and of Python's plistlib FMT_BINARY.
//
// Choices where readers differ (Python's plistlib 3.11 is the reference checked):
// - null (0x00) and fill (0x0f) objects are rejected: plistlib reads them as None and b'',
//   but the model has no null and fill is padding, never a value.
// - sets (0xc) and ordered sets (0xb) are rejected, as plistlib does: no other plist
//   format can hold them.
// - ASCII strings with bytes above 0x7f and UTF-16 strings with unpaired surrogates are
//   rejected, as plistlib does.
// - duplicate dictionary keys are rejected (plistlib keeps the last one).
// - 8- and 16-byte integers are signed, 1-, 2- and 4-byte ones unsigned, as in plistlib.
// - dates are kept to the microsecond, like plistlib's datetime.

import { PlistError } from '../errors.ts';
import { MAX_PLIST_BYTES } from '../limits.ts';
import type { PlistValue } from '../model.ts';
import { BINARY_MAGIC, HEADER_LENGTH } from './format.ts';
import { BinaryObjectReader } from './object-reader.ts';
import { readTrailer } from './trailer.ts';

export interface ReadBinaryPlistOptions {
  /** Named in every error. */
  readonly file?: string;
}

/**
 * Returns true when `bytes` starts with `bplist` and a two-digit version. Versions other
 * than 00 count as binary too, so that the reader can reject them by name instead of the
 * XML reader failing on them.
 */
export function isBinaryPlist(bytes: Uint8Array): boolean {
  if (bytes.length < HEADER_LENGTH) return false;
  for (let i = 0; i < BINARY_MAGIC.length; i++) {
    if (bytes[i] !== BINARY_MAGIC[i]) return false;
  }
  return isDigit(bytes[6]) && isDigit(bytes[7]);
}

/** Reads a bplist00 document. Throws PlistError naming the file, byte offset and key path. */
export function readBinaryPlist(bytes: Uint8Array, options: ReadBinaryPlistOptions = {}): PlistValue {
  const { file } = options;
  if (bytes.length > MAX_PLIST_BYTES) {
    throw new PlistError(`file is ${bytes.length} bytes, over the ${MAX_PLIST_BYTES}-byte limit for property lists`, { file });
  }
  if (!isBinaryPlist(bytes)) {
    throw new PlistError('not a binary plist: the file does not start with "bplist00"', { file, offset: 0 });
  }
  if (bytes[6] !== 0x30 || bytes[7] !== 0x30) {
    const version = String.fromCharCode(bytes[6], bytes[7]);
    throw new PlistError(`binary plist version ${version} is not supported: only bplist00 can be read`, { file, offset: 6 });
  }

  const trailer = readTrailer(bytes, file);
  const reader = new BinaryObjectReader(bytes, trailer, file);
  try {
    return reader.readRoot();
  } catch (error) {
    // Every read is bounds-checked and recursion is capped at MAX_PLIST_DEPTH, so this is a
    // last line of defence: a RangeError from DataView or the stack still names the file.
    if (error instanceof RangeError) {
      throw new PlistError(`binary plist could not be read: ${error.message}`, { file });
    }
    throw error;
  }
}

function isDigit(byte: number): boolean {
  return byte >= 0x30 && byte <= 0x39;
}
