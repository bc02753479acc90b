// The plist element parser: turns the elements inside <plist> into PlistValues with
// source positions (unless the scanner records none), and rejects everything the plist DTD
// does not allow.
//
// It keeps open <array> and <dict> elements on an explicit stack instead of recursing, so
// nesting depth is bounded by MAX_PLIST_DEPTH and never by the JavaScript stack.

import { joinKeyPath, PlistError } from '../errors.ts';
import { MAX_PLIST_DEPTH } from '../limits.ts';
import { assertNever, type PlistDictEntry, type PlistValue, type SourcePosition } from '../model.ts';
import { decodeBase64 } from '../../text/encoding.ts';
import { parseDateText } from './dates.ts';
import { parseIntegerText, parseRealText, quoteValue } from './numbers.ts';
import type { WarnAt } from './prolog.ts';
import type { StartTag, XmlScanner } from './scanner.ts';
import { isAllXmlWhitespace, isXmlWhitespace } from './xml-chars.ts';

type ContainerElement = 'plist' | 'array' | 'dict';

const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION_MARK = 0x3f;
const LESS_THAN = 0x3c;

const VALUE_ELEMENTS = '<string>, <integer>, <real>, <true/>, <false/>, <date>, <data>, <array> or <dict>';

/** An open <plist>, <array> or <dict> and what has been read inside it so far. */
class OpenContainer {
  readonly items: PlistValue[] = [];
  readonly entries: PlistDictEntry[] = [];
  /** Offset of each key's `<key>` in a dict, to report where a duplicate first appeared. */
  readonly keyOffsets = new Map<string, number>();
  /** The key read last in a dict, waiting for its value. */
  pendingKey: string | null = null;
  pendingKeyPos: SourcePosition | undefined = undefined;

  constructor(
    readonly element: ContainerElement,
    readonly tagStart: number,
    readonly line: number,
    readonly column: number,
    /** The key or index under which this container sits in its parent; null for <plist> and the root value. */
    readonly segment: string | number | null,
  ) {}
}

/**
 * Reads the `<plist>` element and the one value inside it; the scanner is at the `<` of
 * the root element and ends just past `</plist>`.
 */
export function parsePlistElement(scanner: XmlScanner, warn: WarnAt): PlistValue {
  const tag = scanner.readStartTag();
  if (tag.name !== 'plist') {
    throw scanner.error(
      `the file has no <plist> root element: it starts with <${tag.name}>; a property list must be wrapped in <plist version="1.0">...</plist>`,
      tag.start,
    );
  }

  const version = tag.attributes.find((a) => a.name === 'version')?.value;
  if (version !== undefined && version !== '1.0' && version !== '1') {
    warn(`unexpected plist version "${version}"; Apple's only version is 1.0`, tag.start);
  }
  if (tag.selfClosing) throw scanner.error('<plist/> contains no value', tag.start);

  return new ElementParser(scanner).run(tag);
}

/**
 * Reads one scalar element (<string>, <integer>, <real>, <date>, <data>, <true/>, <false/>)
 * at the scanner's position, as it would be read inside an <array>. Returns null for any other
 * element; throws PlistError for one that is not well formed. The incremental reader uses it
 * to read one edited value again.
 */
export function parseScalarElement(scanner: XmlScanner): PlistValue | null {
  const tag = scanner.readStartTag();
  if (tag.name === 'dict' || tag.name === 'array' || tag.name === 'key' || tag.name === 'plist') return null;
  const parser = new ElementParser(scanner);
  return parser.readScalarAt(tag);
}

/** Reads one <key> element at the scanner's position and returns its text, or null for any other element. */
export function parseKeyElement(scanner: XmlScanner): string | null {
  const tag = scanner.readStartTag();
  if (tag.name !== 'key') return null;
  return tag.selfClosing ? '' : scanner.readTextContent('key', tag.start);
}

class ElementParser {
  private readonly stack: OpenContainer[] = [];
  /** Offset of the element whose text the scalar parsers are reading, for their errors. */
  private scalarStart = 0;

  constructor(private readonly scanner: XmlScanner) {}

  run(plistTag: StartTag): PlistValue {
    const { line, column } = this.containerStart(plistTag.start);
    this.stack.push(new OpenContainer('plist', plistTag.start, line, column, null));

    try {
      return this.parseContent();
    } catch (error) {
      // Errors from the scanner do not know the key path; the stack at the failure does.
      if (error instanceof PlistError && error.keyPath === undefined && this.stack.length > 0) {
        const keyPath = this.currentKeyPath();
        if (keyPath) throw new PlistError(error.reason, { file: error.file, line: error.line, column: error.column, offset: error.offset, keyPath });
      }
      throw error;
    }
  }

  private parseContent(): PlistValue {
    const scanner = this.scanner;
    const text = scanner.text;
    const stack = this.stack;

    for (;;) {
      const container = stack[stack.length - 1];
      this.skipWhitespaceInside(container);
      const lt = scanner.pos;
      const next = text.charCodeAt(lt + 1);

      if (next === SLASH) {
        const name = scanner.readEndTag();
        if (name !== container.element) throw scanner.mismatchedEndTag(name, container.element, container.tagStart, lt);
        const value = this.close(container, lt);
        stack.pop();
        if (stack.length === 0) return value;
        this.append(stack[stack.length - 1], value);
        continue;
      }
      if (next === BANG) {
        this.skipDeclarationInside(container, lt);
        continue;
      }
      if (next === QUESTION_MARK) {
        scanner.skipProcessingInstruction();
        continue;
      }

      const tag = scanner.readStartTag();
      if (tag.name === 'key') {
        this.readKey(container, tag);
        continue;
      }

      this.checkValueAllowed(container, tag);
      if (tag.name === 'dict' || tag.name === 'array') {
        this.open(container, tag);
        continue;
      }
      this.append(container, this.readScalar(container, tag));
    }
  }

  // Containers

  private open(parent: OpenContainer, tag: StartTag): void {
    const scanner = this.scanner;
    const element = tag.name as 'dict' | 'array';

    // The stack contains <plist> plus every open container, so its length is the new container's depth.
    if (this.stack.length > MAX_PLIST_DEPTH) {
      throw scanner.error(`<${element}> is nested more than ${MAX_PLIST_DEPTH} levels deep, the most this reader accepts`, tag.start);
    }

    if (tag.selfClosing) {
      const pos = scanner.valuePosition(tag.start, scanner.pos);
      this.append(parent, element === 'dict' ? { kind: 'dict', entries: [], pos } : { kind: 'array', items: [], pos });
      return;
    }

    const { line, column } = this.containerStart(tag.start);
    this.stack.push(new OpenContainer(element, tag.start, line, column, segmentOfNext(parent)));
  }

  /** Returns the line and column of a container's start tag, which its value gets as position once the end tag is read. Zeros when positions are off. */
  private containerStart(tagStart: number): { line: number; column: number } {
    return this.scanner.recordsPositions ? this.scanner.position(tagStart, tagStart) : { line: 0, column: 0 };
  }

  /** Returns the value of a container whose end tag starts at `endTagStart`. */
  private close(container: OpenContainer, endTagStart: number): PlistValue {
    const scanner = this.scanner;
    const pos: SourcePosition | undefined = scanner.recordsPositions ? { line: container.line, column: container.column, offset: container.tagStart, endOffset: scanner.pos } : undefined;

    switch (container.element) {
      case 'plist':
        if (container.items.length === 0) throw scanner.error('<plist> contains no value', container.tagStart);
        return container.items[0];
      case 'array':
        return { kind: 'array', items: container.items, pos };
      case 'dict':
        if (container.pendingKey !== null) {
          throw scanner.error(`key "${container.pendingKey}" has no value: </dict> follows it`, endTagStart);
        }
        return { kind: 'dict', entries: container.entries, pos };
      default:
        return assertNever(container.element);
    }
  }

  private append(container: OpenContainer, value: PlistValue): void {
    if (container.element === 'dict') {
      container.entries.push({ key: container.pendingKey as string, keyPos: container.pendingKeyPos, value });
      container.pendingKey = null;
      container.pendingKeyPos = undefined;
    } else {
      container.items.push(value);
    }
  }

  // Keys and the rules of what may appear where

  private readKey(container: OpenContainer, tag: StartTag): void {
    const scanner = this.scanner;
    if (container.element === 'array') {
      throw scanner.error('<key> inside an <array>: only a <dict> contains keys; put the key and its value in a <dict>', tag.start);
    }
    if (container.element === 'plist') {
      throw scanner.error('<key> directly inside <plist>: keys and their values must be inside a <dict>', tag.start);
    }
    if (container.pendingKey !== null) {
      throw scanner.error(`key "${container.pendingKey}" has no value: another <key> follows it`, tag.start);
    }

    const key = tag.selfClosing ? '' : scanner.readTextContent('key', tag.start);
    const first = container.keyOffsets.get(key);
    if (first !== undefined) {
      throw scanner.error(`duplicate key "${key}" in a <dict>: it first appears at line ${scanner.lineOf(first)}`, tag.start, joinKeyPath(this.containerKeyPath(), key));
    }
    container.keyOffsets.set(key, tag.start);
    container.pendingKey = key;
    container.pendingKeyPos = scanner.valuePosition(tag.start, scanner.pos);
  }

  private checkValueAllowed(container: OpenContainer, tag: StartTag): void {
    if (container.element === 'dict' && container.pendingKey === null) {
      throw this.scanner.error(`<${tag.name}> in a <dict> has no <key> before it; every value in a <dict> follows its <key>`, tag.start);
    }
    if (container.element === 'plist' && container.items.length > 0) {
      throw this.scanner.error(`<plist> must contain exactly one value, but a second one, <${tag.name}>, follows the first`, tag.start);
    }
  }

  /** Skips white space between elements; any other text is an error, since containers hold only elements. */
  private skipWhitespaceInside(container: OpenContainer): void {
    const scanner = this.scanner;
    const text = scanner.text;
    let i = scanner.pos;
    while (isXmlWhitespace(text.charCodeAt(i))) i++;
    scanner.pos = i;

    if (i >= text.length) throw scanner.unclosed(container.element, container.tagStart, this.containerKeyPath());
    if (text.charCodeAt(i) === LESS_THAN) return;
    throw scanner.error(`text ${scanner.snippet(i)} directly inside <${container.element}>; ${CONTENT_RULES[container.element]}`, i);
  }

  private skipDeclarationInside(container: OpenContainer, lt: number): void {
    const scanner = this.scanner;
    if (scanner.startsWith('<!--', lt)) {
      scanner.skipComment();
      return;
    }
    if (scanner.startsWith('<![CDATA[', lt)) {
      const content = scanner.readCData();
      if (!isAllXmlWhitespace(content)) {
        throw scanner.error(`CDATA text directly inside <${container.element}>; ${CONTENT_RULES[container.element]}`, lt);
      }
      return;
    }
    if (scanner.startsWith('<!DOCTYPE', lt)) throw scanner.error('DOCTYPE inside the <plist> element; it must come before <plist>', lt);
    throw scanner.error(`unexpected markup ${scanner.snippet(lt, 12)} inside <${container.element}>`, lt);
  }

  // Scalars

  /** Reads a scalar element whose start tag has been read, outside any document structure. */
  readScalarAt(tag: StartTag): PlistValue {
    return this.readScalar(new OpenContainer('array', tag.start, 0, 0, null), tag);
  }

  private readScalar(container: OpenContainer, tag: StartTag): PlistValue {
    const scanner = this.scanner;
    const { name, start, selfClosing } = tag;
    this.scalarStart = start;

    switch (name) {
      case 'string': {
        const value = selfClosing ? '' : scanner.readTextContent(name, start);
        return { kind: 'string', value, pos: scanner.valuePosition(start, scanner.pos) };
      }
      case 'integer': {
        const value = parseIntegerText(this.readScalarText(tag), this.failAtScalar);
        return { kind: 'integer', value, pos: scanner.valuePosition(start, scanner.pos) };
      }
      case 'real': {
        const value = parseRealText(this.readScalarText(tag), this.failAtScalar);
        return { kind: 'real', value, pos: scanner.valuePosition(start, scanner.pos) };
      }
      case 'date': {
        const value = parseDateText(this.readScalarText(tag), this.failAtScalar);
        return { kind: 'date', value, pos: scanner.valuePosition(start, scanner.pos) };
      }
      case 'data': {
        const value = this.decodeData(this.readScalarText(tag));
        return { kind: 'data', value, pos: scanner.valuePosition(start, scanner.pos) };
      }
      case 'true':
      case 'false': {
        const content = this.readScalarText(tag);
        if (!isAllXmlWhitespace(content)) {
          throw scanner.error(`<${name}> must be empty (write <${name}/>), but it contains the text ${quoteValue(content)}`, start);
        }
        return { kind: 'boolean', value: name === 'true', pos: scanner.valuePosition(start, scanner.pos) };
      }
      case 'plist':
        throw scanner.error(`<plist> inside <${container.element}>; <plist> may only be the root element`, start);
      default: {
        const forKey = container.element === 'dict' ? ` for key "${container.pendingKey}"` : '';
        throw scanner.error(`unknown element <${name}>${forKey}; expected ${VALUE_ELEMENTS}`, start);
      }
    }
  }

  private readScalarText(tag: StartTag): string {
    return tag.selfClosing ? '' : this.scanner.readTextContent(tag.name, tag.start);
  }

  private readonly failAtScalar = (reason: string): never => {
    throw this.scanner.error(reason, this.scalarStart);
  };

  private decodeData(text: string): Uint8Array {
    const bytes = decodeBase64(text);
    if (bytes !== null) return bytes;

    const bad = /[^A-Za-z0-9+/=\t\n\r \f\v]/.exec(text);
    const reason = bad
      ? `invalid base64 in <data>: the character ${quoteValue(bad[0])} is not in the base64 alphabet`
      : `invalid base64 in <data>: the length is impossible or '=' padding is misplaced`;
    return this.failAtScalar(reason);
  }

  // Key paths for errors

  /** Returns the key path of the value being read (the pending key in a dict, the next index in an array). */
  private currentKeyPath(): string {
    const top = this.stack[this.stack.length - 1];
    const segment = segmentOfNext(top);
    const path = this.containerKeyPath();
    return segment === null ? path : joinKeyPath(path, segment);
  }

  /** Returns the key path of the innermost open container. */
  private containerKeyPath(): string {
    let path = '';
    for (const container of this.stack) {
      if (container.segment !== null) path = joinKeyPath(path, container.segment);
    }
    return path;
  }
}

const CONTENT_RULES: Record<ContainerElement, string> = {
  plist: '<plist> contains one value element; put text in a <string>',
  array: 'an <array> contains only value elements; put text in a <string>',
  dict: 'a <dict> contains only <key> elements and their values; put text in a <string>',
};

/** Returns the key or index the next value in `container` will have, or null directly in <plist>. */
function segmentOfNext(container: OpenContainer): string | number | null {
  switch (container.element) {
    case 'plist':
      return null;
    case 'array':
      return container.items.length;
    case 'dict':
      return container.pendingKey;
    default:
      return assertNever(container.element);
  }
}
