// The XML plist writer, in the layout Apple's tools and Python's plistlib write: UTF-8
// declaration, Apple DOCTYPE, tab indentation, `<true/>`, `<array/>` and `<dict/>` when
// empty, and `<data>` as base64 lines at the element's own indentation.

import { PlistError, joinKeyPath } from '../errors.ts';
import { MAX_PLIST_DEPTH } from '../limits.ts';
import type { PlistValue } from '../model.ts';
import { encodeBase64 } from '../../text/encoding.ts';
import { formatDate } from './dates.ts';
import { formatReal, MAX_PLIST_INTEGER, MIN_PLIST_INTEGER } from './numbers.ts';
import { findInvalidXmlChar } from './xml-chars.ts';

const HEADER =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n' +
  '<plist version="1.0">\n';

const FOOTER = '</plist>\n';

/** Largest UID written, because plistlib's UID type accepts only values below 2^64. */
const MAX_UID = (1n << 64n) - 1n;

// A raw CR would come back as LF from any XML parser (newline normalisation), so it is
// written as a character reference, which parsers keep.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const NEEDS_ESCAPE = /[&<>\r]/;
const ESCAPE_ALL = /[&<>\r]/g;

/**
 * Writes `value` as an XML plist document. Dictionary keys keep the model's order. Reals are
 * written as Python's repr() writes them, dates in whole seconds (UTC), and a UID, which XML
 * has no element for, as CoreFoundation writes it: `<dict><key>CF$UID</key><integer>N</integer></dict>`.
 * Reading that back gives a one-entry dict, not a UID. Throws PlistError with the key path for
 * a value XML cannot hold: a string with control characters, a date outside years 0000-9999,
 * an integer outside the model's range, duplicate keys, or nesting deeper than MAX_PLIST_DEPTH.
 */
export function writeXmlPlist(value: PlistValue): string {
  const writer = new XmlPlistWriter();
  writer.writeValue(value, 0);
  return HEADER + writer.out + FOOTER;
}

class XmlPlistWriter {
  /**
   * The document so far. Appending to one string lets V8 link the pieces and copy them once,
   * when the text is encoded. Collecting them in an array and joining it took a third of the
   * writer's time on a 3 MB profile (Node 20).
   */
  out = '';
  /** Keys and indices from the root to the value being written, for error key paths. */
  private readonly path: (string | number)[] = [];
  private readonly indents: string[] = [''];

  writeValue(value: PlistValue, level: number): void {
    const indent = this.indent(level);

    switch (value.kind) {
      case 'string':
        this.out += indent + '<string>' + this.escape(value.value, 'string') + '</string>\n';
        return;
      case 'integer':
        this.out += indent + '<integer>' + this.integerText(value.value, MIN_PLIST_INTEGER, MAX_PLIST_INTEGER, 'integer') + '</integer>\n';
        return;
      case 'real':
        this.out += indent + '<real>' + formatReal(value.value) + '</real>\n';
        return;
      case 'boolean':
        this.out += indent + (value.value ? '<true/>\n' : '<false/>\n');
        return;
      case 'date': {
        const text = formatDate(value.value);
        if (text === null) throw this.error(`date ${String(value.value)} ms is not a time in years 0000-9999, which is all the XML date format can hold`);
        this.out += indent + '<date>' + text + '</date>\n';
        return;
      }
      case 'data':
        this.writeData(value.value, level);
        return;
      case 'array':
        this.writeArray(value.items, level);
        return;
      case 'dict':
        this.writeDict(value.entries, level);
        return;
      case 'uid': {
        // The CoreFoundation form is a dict, so it counts as a level when read back.
        this.checkDepth(level);
        const number = this.integerText(value.value, 0n, MAX_UID, 'UID');
        const inner = this.indent(level + 1);
        this.out += indent + '<dict>\n' + inner + '<key>CF$UID</key>\n' + inner + '<integer>' + number + '</integer>\n' + indent + '</dict>\n';
        return;
      }
      default: {
        const unknown: never = value;
        throw this.error(`unsupported value kind ${JSON.stringify((unknown as { kind?: unknown }).kind)}; expected a PlistValue`);
      }
    }
  }

  private writeArray(items: readonly PlistValue[], level: number): void {
    const indent = this.indent(level);
    this.checkDepth(level);
    if (items.length === 0) {
      this.out += indent + '<array/>\n';
      return;
    }

    this.out += indent + '<array>\n';
    for (let i = 0; i < items.length; i++) {
      this.path.push(i);
      this.writeValue(items[i], level + 1);
      this.path.pop();
    }
    this.out += indent + '</array>\n';
  }

  private writeDict(entries: readonly { readonly key: string; readonly value: PlistValue }[], level: number): void {
    const indent = this.indent(level);
    this.checkDepth(level);
    if (entries.length === 0) {
      this.out += indent + '<dict/>\n';
      return;
    }

    const inner = this.indent(level + 1);
    const seen = new Set<string>();
    this.out += indent + '<dict>\n';
    for (const { key, value } of entries) {
      this.path.push(key);
      if (seen.has(key)) throw this.error(`duplicate key "${key}" in a dictionary; keys must be unique`);
      seen.add(key);
      this.out += inner + '<key>' + this.escape(key, 'key') + '</key>\n';
      this.writeValue(value, level + 1);
      this.path.pop();
    }
    this.out += indent + '</dict>\n';
  }

  /**
   * Writes base64 lines at the element's own indentation, as plistlib does: each line contains
   * the base64 of as many whole 3-byte groups as fit in 76 columns minus the indentation
   * (a tab counting 8), and never fewer than 16 columns. Empty data is `<data>` and `</data>` on two lines.
   */
  private writeData(bytes: Uint8Array, level: number): void {
    const indent = this.indent(level);
    const lineLength = Math.floor(Math.max(16, 76 - 8 * level) / 4) * 4;
    const base64 = encodeBase64(bytes);

    let lines = indent + '<data>\n';
    for (let i = 0; i < base64.length; i += lineLength) lines += indent + base64.slice(i, i + lineLength) + '\n';
    this.out += lines + indent + '</data>\n';
  }

  private integerText(value: bigint, min: bigint, max: bigint, what: string): string {
    if (typeof value !== 'bigint') throw this.error(`${what} value ${String(value)} is a ${typeof value}, not a bigint`);
    if (value < min || value > max) throw this.error(`${what} ${value} is out of range: it must lie between ${min} and ${max}`);
    return value.toString();
  }

  /** Escapes text for element content, and rejects characters that XML 1.0 cannot contain at all. */
  private escape(text: string, what: 'string' | 'key'): string {
    const invalid = findInvalidXmlChar(text);
    if (invalid >= 0) {
      const code = `U+${text.charCodeAt(invalid).toString(16).toUpperCase().padStart(4, '0')}`;
      throw this.error(`${what} contains ${code} at index ${invalid}, which XML 1.0 cannot contain; store such content as data, or write a binary plist`);
    }
    return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPE_ALL, (char) => ESCAPES[char]) : text;
  }

  private checkDepth(level: number): void {
    if (level >= MAX_PLIST_DEPTH) throw this.error(`arrays and dictionaries are nested more than ${MAX_PLIST_DEPTH} levels deep (or the value contains itself)`);
  }

  private indent(level: number): string {
    while (this.indents.length <= level) this.indents.push(`${this.indents[this.indents.length - 1]}\t`);
    return this.indents[level];
  }

  private error(reason: string): PlistError {
    let keyPath = '';
    for (const segment of this.path) keyPath = joinKeyPath(keyPath, segment);
    return new PlistError(reason, { keyPath: keyPath || undefined });
  }
}
