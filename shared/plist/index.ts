// Entry points of the plist codecs: detect the format, read, write.
//
// Each format has one reader and one writer module; this file only dispatches, like
// Python's plistlib. All failures surface as PlistError.

import { PlistError } from './errors.ts';
import { MAX_PLIST_BYTES } from './limits.ts';
import type { PlistFormat, PlistValue } from './model.ts';
import { isBinaryPlist, readBinaryPlist } from './binary/reader.ts';
import { writeBinaryPlist } from './binary/writer.ts';
import { looksLikeXmlPlist, readXmlPlist } from './xml/reader.ts';
import { writeXmlPlist } from './xml/writer.ts';
import { encodeUtf8 } from '../text/encoding.ts';

export * from './model.ts';
export { PlistError, joinKeyPath } from './errors.ts';

export interface ReadPlistOptions {
  /** Named in every error and warning. */
  readonly file?: string;
  /** Give XML values their source positions; default true. See XmlReadOptions. */
  readonly positions?: boolean;
}

export interface ReadPlistResult {
  readonly value: PlistValue;
  readonly format: PlistFormat;
  /** The decoded XML text, for XML input: positions in `value` point into it. */
  readonly text?: string;
  /** Problems that did not stop the read, such as white space before the XML declaration. */
  readonly warnings: readonly string[];
}

/** Returns the plist format of `bytes` by content, or null when it is neither. */
export function detectPlistFormat(bytes: Uint8Array): PlistFormat | null {
  if (isBinaryPlist(bytes)) return 'binary';
  if (looksLikeXmlPlist(bytes)) return 'xml';
  return null;
}

/** Reads a plist in either format, detected by content. */
export function readPlist(bytes: Uint8Array, options: ReadPlistOptions = {}): ReadPlistResult {
  if (bytes.length > MAX_PLIST_BYTES) {
    throw new PlistError(`file is ${bytes.length} bytes, over the ${MAX_PLIST_BYTES}-byte limit for property lists`, { file: options.file });
  }

  if (isBinaryPlist(bytes)) {
    return { value: readBinaryPlist(bytes, options), format: 'binary', warnings: [] };
  }

  const xml = readXmlPlist(bytes, options);
  return { value: xml.value, format: 'xml', text: xml.text, warnings: xml.warnings };
}

/** Writes `value` in `format`: XML as UTF-8 in Apple's layout, or `bplist00`. */
export function writePlist(value: PlistValue, format: PlistFormat): Uint8Array {
  return format === 'binary' ? writeBinaryPlist(value) : encodeUtf8(writeXmlPlist(value));
}
