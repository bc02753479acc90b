// Public entry points of the XML plist reader.

import { PlistError } from '../errors.ts';
import { MAX_PLIST_BYTES } from '../limits.ts';
import type { PlistValue } from '../model.ts';
import { decodeText } from '../../text/encoding.ts';
import { decodeXmlBytes, type XmlEncoding } from './decode.ts';
import { parsePlistElement } from './parser.ts';
import { readEpilogue, readProlog } from './prolog.ts';
import { XmlScanner } from './scanner.ts';
import { findInvalidXmlChar } from './xml-chars.ts';

export interface XmlReadOptions {
  /** Named in every error and warning. */
  readonly file?: string;
  /**
   * Give every value and key its source position (`pos`, `keyPos`); default true. A caller
   * that needs the values alone passes false, which made reading a 3 MB profile in a fresh
   * process about 20 ms faster. Errors and warnings still name line and column.
   */
  readonly positions?: boolean;
}

export interface XmlParseResult {
  readonly value: PlistValue;
  /** Problems that did not stop the read, each starting with the file and line. */
  readonly warnings: string[];
}

export interface XmlReadResult extends XmlParseResult {
  /** The decoded text without byte order mark; positions in `value` are offsets into it. */
  readonly text: string;
}

/**
 * Returns true when `bytes` start like an XML plist: after an optional byte order mark and
 * white space, `<plist`, `<!DOCTYPE plist`, or `<?xml` or a comment with `<plist` in the
 * first 4 KiB.
 */
export function looksLikeXmlPlist(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8';
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] !== 0 && head[1] === 0)) encoding = 'utf-16le';
  else if ((head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0 && head[1] !== 0)) encoding = 'utf-16be';

  const text = decodeText(head, encoding, false).replace(/^\uFEFF?[ \t\r\n]*/, '');
  if (/^<plist[\s>/]/.test(text) || /^<!DOCTYPE\s+plist[\s>]/.test(text)) return true;
  return (text.startsWith('<?xml') || text.startsWith('<!--')) && text.includes('<plist');
}

/** Decodes and parses an XML plist file. Throws PlistError naming the file, line and column of the first problem. */
export function readXmlPlist(bytes: Uint8Array, options: XmlReadOptions = {}): XmlReadResult {
  const file = options.file;
  if (bytes.length > MAX_PLIST_BYTES) {
    throw new PlistError(`file is ${bytes.length} bytes, over the ${MAX_PLIST_BYTES}-byte limit for property lists`, { file });
  }

  const decoded = decodeXmlBytes(bytes, file);
  const { value, warnings, declaredEncoding } = parseDocument(decoded.text, 0, file, options.positions);

  if (decoded.fromByteOrderMark && declaredEncoding !== null && !encodingMatches(declaredEncoding, decoded.encoding)) {
    warnings.push(
      `${file ? `${file}:1` : 'line 1'}: the XML declaration says encoding "${declaredEncoding}", but the byte order mark says ${ENCODING_LABELS[decoded.encoding]}; the file was read as ${ENCODING_LABELS[decoded.encoding]}`,
    );
  }
  return { value, warnings, text: decoded.text };
}

/**
 * Parses XML plist text, such as the raw XML editor's buffer. A leading U+FEFF is skipped, and
 * positions stay offsets into `text` as given.
 */
export function parseXmlPlistText(text: string, options: XmlReadOptions = {}): XmlParseResult {
  if (text.length > MAX_PLIST_BYTES) {
    throw new PlistError(`text is ${text.length} characters, over the ${MAX_PLIST_BYTES}-character limit for property lists`, { file: options.file });
  }
  const { value, warnings } = parseDocument(text, text.charCodeAt(0) === 0xfeff ? 1 : 0, options.file, options.positions);
  return { value, warnings };
}

function parseDocument(text: string, start: number, file: string | undefined, positions = true): XmlParseResult & { declaredEncoding: string | null } {
  const scanner = new XmlScanner(text, start, file, { positions });

  // One pass for characters XML forbids, so the scanner need not check each one.
  const invalid = findInvalidXmlChar(text);
  if (invalid >= 0) throw scanner.error(describeInvalidChar(text.charCodeAt(invalid)), invalid);

  const warnings: string[] = [];
  const warn = (message: string, offset: number): void => {
    const { line } = scanner.position(offset, offset);
    warnings.push(`${file ? `${file}:${line}` : `line ${line}`}: ${message}`);
  };

  const { declaredEncoding } = readProlog(scanner, warn);
  const value = parsePlistElement(scanner, warn);
  readEpilogue(scanner);
  return { value, warnings, declaredEncoding };
}

function describeInvalidChar(code: number): string {
  const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code >= 0xd800 && code <= 0xdfff) return `unpaired surrogate ${name}: the text is not valid Unicode`;
  if (code >= 0xfffe) return `the noncharacter ${name} is not allowed in XML`;
  return `control character ${name} is not allowed in XML (only tab, LF and CR are); store binary content as <data>`;
}

const ENCODING_LABELS: Record<XmlEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  'iso-8859-1': 'ISO-8859-1',
};

function encodingMatches(declared: string, actual: XmlEncoding): boolean {
  const name = declared.toLowerCase().replace(/_/g, '-');
  if (actual === 'utf-8') return name === 'utf-8' || name === 'utf8';
  return name === 'utf-16' || name === actual;
}
