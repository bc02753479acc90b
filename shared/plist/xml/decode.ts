// Decoding of XML plist bytes to text: byte order marks, the declared encoding, and
// errors that give the offset of invalid bytes.

import { PlistError } from '../errors.ts';
import { decodeText } from '../../text/encoding.ts';

export type XmlEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'iso-8859-1';

export interface DecodedXml {
  /** The document text without its byte order mark. */
  readonly text: string;
  readonly encoding: XmlEncoding;
  /** True when a byte order mark chose the encoding, so the declaration's `encoding` is ignored. */
  readonly fromByteOrderMark: boolean;
}

/**
 * Detects the encoding and decodes `bytes`. A byte order mark wins over the declaration
 * (files converted to UTF-16 often keep `encoding="UTF-8"`). Without one, UTF-16 is
 * recognised by the zero bytes of an ASCII `<` (XML 1.0 appendix F), and 8-bit text is
 * UTF-8 unless the declaration names ISO-8859-1.
 */
export function decodeXmlBytes(bytes: Uint8Array, file?: string): DecodedXml {
  const b0 = bytes[0];
  const b1 = bytes[1];

  // UTF-32 marks are checked before UTF-16 because FF FE 00 00 also starts with FF FE.
  if ((b0 === 0xff && b1 === 0xfe && bytes[2] === 0 && bytes[3] === 0) || (b0 === 0 && b1 === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)) {
    throw new PlistError('the file is UTF-32 encoded, which property lists do not support; save it as UTF-8', { file, offset: 0 });
  }

  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) return { text: decodeUtf8(bytes.subarray(3), 3, file), encoding: 'utf-8', fromByteOrderMark: true };
  if (b0 === 0xff && b1 === 0xfe) return { text: decodeUtf16(bytes.subarray(2), 2, 'utf-16le', file), encoding: 'utf-16le', fromByteOrderMark: true };
  if (b0 === 0xfe && b1 === 0xff) return { text: decodeUtf16(bytes.subarray(2), 2, 'utf-16be', file), encoding: 'utf-16be', fromByteOrderMark: true };

  if (bytes.length >= 2 && b0 !== 0 && b1 === 0) return { text: decodeUtf16(bytes, 0, 'utf-16le', file), encoding: 'utf-16le', fromByteOrderMark: false };
  if (bytes.length >= 2 && b0 === 0 && b1 !== 0) return { text: decodeUtf16(bytes, 0, 'utf-16be', file), encoding: 'utf-16be', fromByteOrderMark: false };

  const declared = declaredEncoding(bytes);
  if (declared === null || UTF8_NAMES.has(declared)) return { text: decodeUtf8(bytes, 0, file), encoding: 'utf-8', fromByteOrderMark: false };
  if (LATIN1_NAMES.has(declared)) return { text: decodeLatin1(bytes), encoding: 'iso-8859-1', fromByteOrderMark: false };

  // A declaration of UTF-16 on 8-bit bytes is wrong, and the bytes are more likely UTF-8.
  if (declared === 'utf-16' || declared === 'utf-16le' || declared === 'utf-16be') return { text: decodeUtf8(bytes, 0, file), encoding: 'utf-8', fromByteOrderMark: false };

  throw new PlistError(`the XML declaration names encoding "${declared}", which is not supported; save the file as UTF-8`, { file, line: 1, column: 1 });
}

/** Returns the encoding name the declaration gives on 8-bit bytes, lower-cased, or null. */
export function declaredEncoding(bytes: Uint8Array): string | null {
  // The declaration is ASCII and short, so 200 bytes hold it even after a little white space.
  const head = String.fromCharCode(...bytes.subarray(0, 200));
  const match = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/.exec(head);
  return match ? match[1].toLowerCase() : null;
}

const UTF8_NAMES = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii']);
const LATIN1_NAMES = new Set(['iso-8859-1', 'iso8859-1', 'iso_8859-1', 'latin1', 'latin-1', 'l1']);

function decodeUtf8(bytes: Uint8Array, baseOffset: number, file: string | undefined): string {
  try {
    return decodeText(bytes, 'utf-8');
  } catch {
    const offset = findInvalidUtf8(bytes);
    throw new PlistError(`invalid UTF-8: the byte sequence starting with 0x${hexByte(bytes[offset])} at byte offset ${baseOffset + offset} is not valid UTF-8`, {
      file,
      line: countLines(bytes, offset),
      offset: baseOffset + offset,
    });
  }
}

function decodeUtf16(bytes: Uint8Array, baseOffset: number, encoding: 'utf-16le' | 'utf-16be', file: string | undefined): string {
  const label = encoding === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE';
  if (bytes.length % 2 !== 0) {
    throw new PlistError(`invalid ${label}: the file has an odd number of bytes after the byte order mark, so its last character is cut off`, {
      file,
      offset: baseOffset + bytes.length - 1,
    });
  }

  try {
    return decodeText(bytes, encoding);
  } catch {
    const unit = findUnpairedSurrogate(bytes, encoding === 'utf-16le');
    throw new PlistError(`invalid ${label}: unpaired surrogate code unit at byte offset ${baseOffset + unit * 2}`, { file, offset: baseOffset + unit * 2 });
  }
}

/** Decodes ISO-8859-1 byte for byte (TextDecoder's "latin1" is windows-1252, which maps 0x80-0x9F elsewhere). */
function decodeLatin1(bytes: Uint8Array): string {
  const chunks: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) chunks.push(String.fromCharCode(...bytes.subarray(i, i + 8192)));
  return chunks.join('');
}

/** Returns the offset of the first byte that breaks UTF-8 (used only after the decoder failed). */
function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    let length: number;
    let min: number;
    if (lead < 0x80) {
      i++;
      continue;
    } else if (lead >= 0xc2 && lead <= 0xdf) {
      length = 2;
      min = 0x80;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      min = 0x800;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      min = 0x10000;
    } else {
      return i;
    }

    let codePoint = lead & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid too.
    if (codePoint < min || (codePoint >= 0xd800 && codePoint <= 0xdfff) || codePoint > 0x10ffff) return i;
    i += length;
  }
  return Math.max(0, bytes.length - 1);
}

/** Returns the index of the first unpaired surrogate code unit (used only after the decoder failed). */
function findUnpairedSurrogate(bytes: Uint8Array, littleEndian: boolean): number {
  const units = bytes.length / 2;
  const unitAt = (k: number): number => (littleEndian ? bytes[2 * k] | (bytes[2 * k + 1] << 8) : (bytes[2 * k] << 8) | bytes[2 * k + 1]);
  for (let k = 0; k < units; k++) {
    const unit = unitAt(k);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = k + 1 < units ? unitAt(k + 1) : -1;
      if (next >= 0xdc00 && next <= 0xdfff) k++;
      else return k;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return k;
    }
  }
  return Math.max(0, units - 1);
}

/** Returns the 1-based line of byte `offset`, counting LF, CRLF and lone CR as one break each. */
function countLines(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) line++;
    else if (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a) line++;
  }
  return line;
}

function hexByte(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}
