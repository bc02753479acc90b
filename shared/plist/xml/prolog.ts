// The markup around the <plist> element: the XML declaration, the DOCTYPE, comments and
// processing instructions before it, and comments and processing instructions after it.

import type { XmlScanner } from './scanner.ts';
import { isXmlWhitespace } from './xml-chars.ts';

/** Receives a warning about the construct at `offset`. */
export type WarnAt = (message: string, offset: number) => void;

export interface Prolog {
  /** The `encoding` of the XML declaration as written, or null when there is none. */
  readonly declaredEncoding: string | null;
}

/**
 * Reads everything before the root element and leaves the scanner at its `<`. White space
 * before the first markup is accepted with a warning: XML forbids it before `<?xml`, but
 * published profiles have it (a Microsoft Intune sample indents every line by one space).
 */
export function readProlog(scanner: XmlScanner, warn: WarnAt): Prolog {
  const begin = scanner.pos;
  scanner.skipWhitespace();
  const leadingWhitespace = scanner.pos > begin;

  let declaredEncoding: string | null = null;
  const hasDeclaration = isXmlDeclarationAt(scanner, scanner.pos);
  if (hasDeclaration) {
    if (leadingWhitespace) {
      warn('white space before the XML declaration; XML requires the declaration at the very start, so strict readers such as Python plistlib reject this file', scanner.pos);
    }
    declaredEncoding = readXmlDeclaration(scanner);
  } else if (leadingWhitespace && scanner.startsWith('<')) {
    warn('white space at the start of the file before the first markup; readers that detect a plist by its first bytes, such as Python plistlib, do not recognise this file', scanner.pos);
  }

  let doctypeOffset = -1;
  for (;;) {
    scanner.skipWhitespace();
    const at = scanner.pos;

    if (scanner.atEnd()) {
      const empty = !hasDeclaration && doctypeOffset < 0 && isOnlyWhitespace(scanner.text, begin, at);
      throw scanner.error(empty ? 'the file is empty' : 'the file has no <plist> root element', at);
    }
    if (!scanner.startsWith('<')) {
      const nothingBefore = !hasDeclaration && doctypeOffset < 0 && isOnlyWhitespace(scanner.text, begin, at);
      throw scanner.error(
        nothingBefore
          ? `the file is not an XML property list: it starts with the text ${scanner.snippet(at)} instead of '<?xml' or '<plist>'`
          : `unexpected text ${scanner.snippet(at)} before the <plist> root element`,
        at,
      );
    }

    if (scanner.startsWith('<!--')) {
      scanner.skipComment();
    } else if (isXmlDeclarationAt(scanner, at)) {
      const after = doctypeOffset >= 0 ? `, but here it follows the DOCTYPE at line ${scanner.lineOf(doctypeOffset)}` : '';
      throw scanner.error(`the XML declaration <?xml ...?> must come first in the file${after}`, at);
    } else if (scanner.startsWith('<?')) {
      scanner.skipProcessingInstruction();
    } else if (scanner.startsWith('<!DOCTYPE')) {
      if (doctypeOffset >= 0) throw scanner.error(`second DOCTYPE declaration; the first is at line ${scanner.lineOf(doctypeOffset)}`, at);
      doctypeOffset = at;
      readDoctype(scanner);
    } else if (scanner.startsWith('<!')) {
      throw scanner.error(`unexpected markup ${scanner.snippet(at, 12)} before the <plist> root element`, at);
    } else {
      return { declaredEncoding };
    }
  }
}

/** Reads what follows `</plist>`: only white space, comments and processing instructions may. */
export function readEpilogue(scanner: XmlScanner): void {
  for (;;) {
    scanner.skipWhitespace();
    if (scanner.atEnd()) return;
    const at = scanner.pos;

    if (scanner.startsWith('<!--')) {
      scanner.skipComment();
    } else if (isXmlDeclarationAt(scanner, at)) {
      throw scanner.error('XML declaration after </plist>; it must come first in the file', at);
    } else if (scanner.startsWith('<?')) {
      scanner.skipProcessingInstruction();
    } else if (scanner.startsWith('<!DOCTYPE')) {
      throw scanner.error('DOCTYPE after the root element; it must come before <plist>', at);
    } else if (scanner.startsWith('<')) {
      scanner.pos = at + 1;
      const name = scanner.readName() || scanner.snippet(at, 12);
      throw scanner.error(`element <${name}> after </plist>; a property list has exactly one root element`, at);
    } else {
      throw scanner.error(`unexpected text ${scanner.snippet(at)} after </plist>`, at);
    }
  }
}

function isXmlDeclarationAt(scanner: XmlScanner, at: number): boolean {
  if (!scanner.startsWith('<?xml', at)) return false;
  const next = scanner.text.charCodeAt(at + 5);
  return isXmlWhitespace(next) || next === 0x3f;
}

/** Reads `<?xml version="1.0" encoding="..."?>` and returns the encoding name, or null. */
function readXmlDeclaration(scanner: XmlScanner): string | null {
  const start = scanner.pos;
  const end = scanner.text.indexOf('?>', start);
  if (end < 0) throw scanner.error(`the XML declaration at line ${scanner.lineOf(start)} is never closed with '?>'`, start);
  scanner.pos = end + 2;

  const body = scanner.text.slice(start + 5, end);
  const encoding = /\bencoding\s*=\s*(["'])([^"']*)\1/.exec(body);
  return encoding ? encoding[2] : null;
}

/**
 * Reads a DOCTYPE. The DTD it names is never read, and an internal subset that declares
 * entities is rejected: expanding declared entities is how "billion laughs" files exhaust
 * memory, and external entities (SYSTEM "file:///...") would read local files. Plists never
 * need them, and Apple's plutil and Python's plistlib reject them too.
 */
function readDoctype(scanner: XmlScanner): void {
  const text = scanner.text;
  const start = scanner.pos;
  scanner.pos = start + 9;
  if (!isXmlWhitespace(text.charCodeAt(scanner.pos))) throw scanner.error('expected white space and a name after <!DOCTYPE', scanner.pos);

  for (;;) {
    scanner.skipWhitespace();
    const at = scanner.pos;
    const char = text[at];

    if (at >= text.length) throw scanner.error(`the DOCTYPE at line ${scanner.lineOf(start)} is never closed with '>'`, start);
    if (char === '>') {
      scanner.pos = at + 1;
      return;
    }
    if (char === '"' || char === "'") {
      const close = text.indexOf(char, at + 1);
      if (close < 0) throw scanner.error(`a quoted literal in the DOCTYPE at line ${scanner.lineOf(start)} has no closing quote`, at);
      scanner.pos = close + 1;
    } else if (char === '[') {
      skipInternalSubset(scanner);
    } else if (!scanner.readName()) {
      throw scanner.error(`unexpected character ${scanner.snippet(at, 1)} in the DOCTYPE declaration`, at);
    }
  }
}

/** Skips `[ ... ]` after the DOCTYPE name, rejecting entity declarations. */
function skipInternalSubset(scanner: XmlScanner): void {
  const text = scanner.text;
  const start = scanner.pos;
  let i = start + 1;

  while (i < text.length) {
    const char = text[i];
    if (char === ']') {
      scanner.pos = i + 1;
      return;
    }
    if (char === '"' || char === "'") {
      const close = text.indexOf(char, i + 1);
      if (close < 0) break;
      i = close + 1;
    } else if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close < 0) break;
      i = close + 3;
    } else if (text.startsWith('<!ENTITY', i)) {
      throw scanner.error('the DOCTYPE declares an entity (<!ENTITY ...>); entity declarations are not allowed in property lists', i);
    } else {
      i++;
    }
  }
  throw scanner.error(`the internal subset '[' of the DOCTYPE at line ${scanner.lineOf(start)} is never closed with ']'`, start);
}

function isOnlyWhitespace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isXmlWhitespace(text.charCodeAt(i))) return false;
  return true;
}
