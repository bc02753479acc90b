// The position-aware XML scanner under the plist parser: tags, attributes, comments,
// processing instructions, CDATA, references and text content, with line and column
// in every error.
//
// The scanner moves forward with indexOf and charCodeAt over the decoded string and builds
// text with slice, so a 30 MB document costs a few passes over memory and no per-character
// regular expressions or string concatenation. It never expands a user-defined entity: only
// the five predefined ones and character references exist here.

import { PlistError } from '../errors.ts';
import type { SourcePosition } from '../model.ts';
import { LineIndex } from './line-index.ts';
import { isNameChar, isNameStartChar, isXmlChar, isXmlWhitespace, normalizeNewlines } from './xml-chars.ts';

export interface XmlAttribute {
  readonly name: string;
  readonly value: string;
  /** Offset of the attribute's name. */
  readonly offset: number;
}

export interface StartTag {
  readonly name: string;
  readonly attributes: readonly XmlAttribute[];
  /** True for `<name/>`. */
  readonly selfClosing: boolean;
  /** Offset of the tag's `<`. */
  readonly start: number;
}

const PREDEFINED_ENTITIES = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

const NO_ATTRIBUTES: readonly XmlAttribute[] = [];

/**
 * First occurrence of one character at or after a rising offset. Asking "is there an `&`
 * before the next `<`?" with a plain indexOf would rescan to the end of a file that has
 * none, once per element. The cached index stays valid until the offset passes it.
 */
class NextOccurrence {
  private from = 0;
  private found = -1;

  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {}

  /** Returns the first index of the character at or after `from`, or the text's length when there is none. */
  at(from: number): number {
    if (from < this.from || from > this.found) {
      const index = this.text.indexOf(this.char, from);
      this.found = index < 0 ? this.text.length : index;
      this.from = from;
    }
    return this.found;
  }
}

export interface XmlScannerOptions {
  /** Give values their source position (the default). */
  readonly positions?: boolean;
}

export class XmlScanner {
  readonly text: string;
  readonly file: string | undefined;
  /** Offset of the next character to read. */
  pos: number;
  /** False when values get no source position; lines are then counted only for a message. */
  readonly recordsPositions: boolean;
  private lineIndex: LineIndex | undefined;
  private readonly ampersands: NextOccurrence;
  private readonly carriageReturns: NextOccurrence;

  constructor(text: string, start: number, file: string | undefined, options: XmlScannerOptions = {}) {
    this.text = text;
    this.file = file;
    this.pos = start;
    this.recordsPositions = options.positions ?? true;
    this.ampersands = new NextOccurrence(text, '&');
    this.carriageReturns = new NextOccurrence(text, '\r');
  }

  // Positions and errors

  /** Returns the line starts of the text, counted on the first lookup, because a read without positions and without problems needs none. */
  private get lines(): LineIndex {
    this.lineIndex ??= new LineIndex(this.text);
    return this.lineIndex;
  }

  /** Returns the source position of a construct from `start` (its `<`) to `end` (just past its last `>`). */
  position(start: number, end: number): SourcePosition {
    const { line, column } = this.lines.locate(start);
    return { line, column, offset: start, endOffset: end };
  }

  /** Returns the source position of a value, or undefined when this scanner records none. */
  valuePosition(start: number, end: number): SourcePosition | undefined {
    return this.recordsPositions ? this.position(start, end) : undefined;
  }

  lineOf(offset: number): number {
    return this.lines.locate(offset).line;
  }

  /** Returns a PlistError located at `offset`; callers throw it. */
  error(reason: string, offset: number, keyPath?: string): PlistError {
    const { line, column } = this.lines.locate(Math.min(offset, this.text.length));
    return new PlistError(reason, { file: this.file, line, column, keyPath: keyPath || undefined });
  }

  /** Returns up to `max` characters from `offset` on its line, quoted for a message. */
  snippet(offset: number, max = 24): string {
    let end = offset;
    while (end < this.text.length && end - offset < max) {
      const code = this.text.charCodeAt(end);
      if (code === 0x0a || code === 0x0d) break;
      end++;
    }
    const more = end < this.text.length && end - offset >= max ? '…' : '';
    return JSON.stringify(this.text.slice(offset, end) + more);
  }

  // Low-level reading

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  startsWith(prefix: string, at = this.pos): boolean {
    return this.text.startsWith(prefix, at);
  }

  skipWhitespace(): void {
    const text = this.text;
    let i = this.pos;
    while (i < text.length && isXmlWhitespace(text.charCodeAt(i))) i++;
    this.pos = i;
  }

  /** Reads an XML name at the current offset; returns '' when none starts there. */
  readName(): string {
    const text = this.text;
    const begin = this.pos;
    if (!isNameStartChar(text.charCodeAt(begin))) return '';
    let i = begin + 1;
    while (isNameChar(text.charCodeAt(i))) i++;
    this.pos = i;
    return text.slice(begin, i);
  }

  // Markup

  /** Reads a start tag or empty-element tag; the current offset is at its `<`. */
  readStartTag(): StartTag {
    const text = this.text;
    const start = this.pos;
    this.pos = start + 1;
    const name = this.readName();
    if (!name) throw this.error(`'<' is not followed by an element name; write a literal < in text as &lt;`, start);

    // Fast path: a tag with no attributes, which is almost every tag in a plist.
    const after = text.charCodeAt(this.pos);
    if (after === 0x3e) {
      this.pos++;
      return { name, attributes: NO_ATTRIBUTES, selfClosing: false, start };
    }
    if (after === 0x2f && text.charCodeAt(this.pos + 1) === 0x3e) {
      this.pos += 2;
      return { name, attributes: NO_ATTRIBUTES, selfClosing: true, start };
    }

    const attributes: XmlAttribute[] = [];
    for (;;) {
      const spaceStart = this.pos;
      this.skipWhitespace();
      const code = text.charCodeAt(this.pos);

      if (code === 0x3e) {
        this.pos++;
        return { name, attributes, selfClosing: false, start };
      }
      if (code === 0x2f) {
        if (text.charCodeAt(this.pos + 1) !== 0x3e) throw this.error(`expected '>' after '/' in the start tag <${name}>`, this.pos);
        this.pos += 2;
        return { name, attributes, selfClosing: true, start };
      }
      if (this.atEnd()) {
        throw this.error(`the start tag <${name}> at line ${this.lineOf(start)} is not closed: the file ends before its '>'`, start);
      }
      if (code === 0x3c) {
        throw this.error(`the start tag <${name}> at line ${this.lineOf(start)} is missing its closing '>' (found '<' first)`, this.pos);
      }
      if (!isNameStartChar(code)) {
        throw this.error(`unexpected character ${this.snippet(this.pos, 1)} in the start tag <${name}>`, this.pos);
      }
      if (this.pos === spaceStart) {
        throw this.error(`attributes in the start tag <${name}> must be separated by white space`, this.pos);
      }

      const attribute = this.readAttribute(name);
      if (attributes.some((a) => a.name === attribute.name)) {
        throw this.error(`duplicate attribute ${attribute.name} in the start tag <${name}>`, attribute.offset);
      }
      attributes.push(attribute);
    }
  }

  private readAttribute(element: string): XmlAttribute {
    const text = this.text;
    const offset = this.pos;
    const name = this.readName();

    this.skipWhitespace();
    if (text.charCodeAt(this.pos) !== 0x3d) {
      throw this.error(`attribute ${name} in the start tag <${element}> has no '=' and value`, this.pos);
    }
    this.pos++;
    this.skipWhitespace();

    const quoteOffset = this.pos;
    const quote = text[quoteOffset];
    if (quote !== '"' && quote !== "'") {
      throw this.error(`the value of attribute ${name} in <${element}> must be in double or single quotes`, quoteOffset);
    }
    const close = text.indexOf(quote, quoteOffset + 1);
    if (close < 0) {
      throw this.error(`the value of attribute ${name} in <${element}> has no closing quote (the file ends first)`, quoteOffset);
    }
    const lt = text.indexOf('<', quoteOffset + 1);
    if (lt >= 0 && lt < close) {
      throw this.error(`the value of attribute ${name} in <${element}> contains '<'; is its closing quote missing?`, quoteOffset);
    }

    // Attribute-value normalisation: after newline normalisation, each white-space character becomes a space.
    const value = this.decodeCharData(quoteOffset + 1, close).replace(/[\t\n\r]/g, ' ');
    this.pos = close + 1;
    return { name, value, offset };
  }

  /** Reads an end tag and returns its name; the current offset is at its `</`. */
  readEndTag(): string {
    const start = this.pos;
    this.pos += 2;
    const name = this.readName();
    if (!name) throw this.error(`'</' is not followed by an element name`, start);
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) !== 0x3e) {
      throw this.error(`the end tag </${name}> is missing its closing '>'`, start);
    }
    this.pos++;
    return name;
  }

  /** Skips a comment; the current offset is at its `<!--`. Two dashes inside a comment are not well-formed XML, but harmless, so they pass. */
  skipComment(): void {
    const start = this.pos;
    const end = this.text.indexOf('-->', start + 4);
    if (end < 0) throw this.error(`the comment opened at line ${this.lineOf(start)} is never closed with '-->'`, start);
    this.pos = end + 3;
  }

  /** Skips a processing instruction and returns its target; the current offset is at its `<?`. */
  skipProcessingInstruction(): string {
    const start = this.pos;
    this.pos = start + 2;
    const target = this.readName();
    if (!target) throw this.error(`'<?' is not followed by a processing-instruction name`, start);
    const end = this.text.indexOf('?>', this.pos);
    if (end < 0) throw this.error(`the processing instruction <?${target} at line ${this.lineOf(start)} is never closed with '?>'`, start);
    this.pos = end + 2;
    return target;
  }

  /** Reads a CDATA section and returns its text; the current offset is at its `<![CDATA[`. */
  readCData(): string {
    const start = this.pos;
    const end = this.text.indexOf(']]>', start + 9);
    if (end < 0) throw this.error(`the CDATA section opened at line ${this.lineOf(start)} is never closed with ']]>'`, start);
    this.pos = end + 3;
    return this.newlinesNormalized(start + 9, end);
  }

  // Text

  /**
   * Reads the content of a text-only element such as `<string>` up to its end tag and
   * returns it decoded: references resolved, CDATA kept, comments and processing
   * instructions dropped, CRLF and lone CR turned into LF. The current offset is just past
   * the start tag, whose `<` is at `tagStart`.
   */
  readTextContent(element: string, tagStart: number): string {
    const text = this.text;
    const start = this.pos;
    const lt = text.indexOf('<', start);
    if (lt < 0) throw this.unclosed(element, tagStart);

    // Fast path: plain text directly followed by `</element>`.
    const closeEnd = lt + 2 + element.length;
    if (
      text.charCodeAt(lt + 1) === 0x2f &&
      text.charCodeAt(closeEnd) === 0x3e &&
      text.startsWith(element, lt + 2) &&
      this.ampersands.at(start) >= lt
    ) {
      this.pos = closeEnd + 1;
      return this.newlinesNormalized(start, lt);
    }

    return this.readMixedTextContent(element, tagStart);
  }

  private readMixedTextContent(element: string, tagStart: number): string {
    const text = this.text;
    const parts: string[] = [];

    for (;;) {
      const lt = text.indexOf('<', this.pos);
      if (lt < 0) throw this.unclosed(element, tagStart);
      parts.push(this.decodeCharData(this.pos, lt));
      this.pos = lt;

      if (text.charCodeAt(lt + 1) === 0x2f) {
        const name = this.readEndTag();
        if (name !== element) throw this.mismatchedEndTag(name, element, tagStart, lt);
        return parts.join('');
      }
      if (text.startsWith('<!--', lt)) {
        this.skipComment();
      } else if (text.startsWith('<![CDATA[', lt)) {
        parts.push(this.readCData());
      } else if (text.charCodeAt(lt + 1) === 0x3f) {
        this.skipProcessingInstruction();
      } else {
        this.pos = lt + 1;
        const child = this.readName() || this.snippet(lt + 1, 1);
        throw this.error(`<${element}> contains the element <${child}>, but it may contain only text`, lt);
      }
    }
  }

  /** Returns the text between `from` and `to` with references resolved and newlines normalised. */
  decodeCharData(from: number, to: number): string {
    if (this.ampersands.at(from) >= to) return this.newlinesNormalized(from, to);

    const parts: string[] = [];
    let cursor = from;
    for (let amp = this.ampersands.at(cursor); amp < to; amp = this.ampersands.at(cursor)) {
      parts.push(this.newlinesNormalized(cursor, amp));
      const { text, end } = this.readReference(amp, to);
      parts.push(text);
      cursor = end;
    }
    parts.push(this.newlinesNormalized(cursor, to));
    return parts.join('');
  }

  /** Resolves the reference at `amp` (which must end before `limit`) and returns its text and the offset after its `;`. */
  private readReference(amp: number, limit: number): { text: string; end: number } {
    const source = this.text;
    let i = amp + 1;
    const isCharacterReference = source.charCodeAt(i) === 0x23; // '#'
    if (isCharacterReference) i++;
    const nameStart = i;
    while (i < limit && isNameChar(source.charCodeAt(i))) i++;
    if (i >= limit || source.charCodeAt(i) !== 0x3b || i === nameStart) {
      throw this.error(`'&' does not start a reference such as &amp; or &#10; (write a literal & as &amp;)`, amp);
    }
    const name = source.slice(nameStart, i);
    const end = i + 1;

    if (!isCharacterReference) {
      const replacement = PREDEFINED_ENTITIES.get(name);
      if (replacement === undefined) {
        throw this.error(`undefined entity &${name}; (a plist may use only &lt; &gt; &amp; &quot; &apos; and character references like &#233;)`, amp);
      }
      return { text: replacement, end };
    }

    const hex = name[0] === 'x';
    const digits = hex ? name.slice(1) : name;
    const valid = digits.length > 0 && digits.length <= 8 && (hex ? /^[0-9A-Fa-f]+$/ : /^[0-9]+$/).test(digits);
    const codePoint = valid ? parseInt(digits, hex ? 16 : 10) : NaN;
    if (!valid || !isXmlChar(codePoint)) {
      throw this.error(`the character reference &#${name}; is not a character XML allows`, amp);
    }
    return { text: String.fromCodePoint(codePoint), end };
  }

  private newlinesNormalized(from: number, to: number): string {
    const slice = this.text.slice(from, to);
    return this.carriageReturns.at(from) < to ? normalizeNewlines(slice) : slice;
  }

  // Shared error messages

  unclosed(element: string, tagStart: number, keyPath?: string): PlistError {
    return this.error(`<${element}> opened at line ${this.lineOf(tagStart)} is never closed (the file ends first)`, tagStart, keyPath);
  }

  mismatchedEndTag(found: string, expected: string, tagStart: number, at: number): PlistError {
    return this.error(`mismatched end tag </${found}>: expected </${expected}> to close the <${expected}> at line ${this.lineOf(tagStart)}`, at);
  }
}
