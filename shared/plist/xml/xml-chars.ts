// Character classes of XML 1.0 that the reader and the writer share.

/**
 * Code units that may be invalid in XML 1.0: C0 controls other than tab, LF and CR, U+FFFE,
 * U+FFFF, and every surrogate. A surrogate is valid only as half of a pair, which
 * findInvalidXmlChar checks by hand. One plain character class lets the regular expression
 * engine scan the common case (no such unit at all) several times faster than a pattern with
 * look-around.
 */
const SUSPECT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD]/g;

/** Returns the offset of the first character XML 1.0 cannot contain (a control character, U+FFFE, U+FFFF or an unpaired surrogate), or -1. */
export function findInvalidXmlChar(text: string): number {
  SUSPECT_XML_CHAR.lastIndex = 0;
  for (let match = SUSPECT_XML_CHAR.exec(text); match !== null; match = SUSPECT_XML_CHAR.exec(text)) {
    const index = match.index;
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        // A valid pair: continue after its low half, so that a low surrogate found later is unpaired.
        SUSPECT_XML_CHAR.lastIndex = index + 2;
        continue;
      }
    }
    return index;
  }
  return -1;
}

/** Returns true when `codePoint` is a character XML 1.0 allows, as `&#...;` references must be. */
export function isXmlChar(codePoint: number): boolean {
  if (codePoint < 0x20) return codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d;
  if (codePoint <= 0xd7ff) return true;
  if (codePoint < 0xe000) return false;
  if (codePoint <= 0xfffd) return true;
  return codePoint >= 0x10000 && codePoint <= 0x10ffff;
}

/** Returns true for the four white-space characters of XML (space, tab, LF, CR). */
export function isXmlWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
}

/** Returns true when every character of `text` is XML white space. */
export function isAllXmlWhitespace(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (!isXmlWhitespace(text.charCodeAt(i))) return false;
  }
  return true;
}

/** Returns `text` without leading and trailing XML white space (String.trim also removes other Unicode spaces). */
export function trimXmlWhitespace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isXmlWhitespace(text.charCodeAt(start))) start++;
  while (end > start && isXmlWhitespace(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/**
 * Returns true for characters that may continue an XML name. Non-ASCII characters are all
 * accepted: the exact XML name classes matter only for validity, and plist element names are ASCII.
 */
export function isNameChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || // a-z
    (code >= 0x41 && code <= 0x5a) || // A-Z
    (code >= 0x30 && code <= 0x39) || // 0-9
    code === 0x2d || // -
    code === 0x2e || // .
    code === 0x5f || // _
    code === 0x3a || // :
    code >= 0x80
  );
}

/** Returns true for characters that may start an XML name (a name char other than a digit, `-` or `.`). */
export function isNameStartChar(code: number): boolean {
  return isNameChar(code) && !(code >= 0x30 && code <= 0x39) && code !== 0x2d && code !== 0x2e;
}

/** Returns `text` with each CRLF pair and each lone CR turned into LF, as an XML parser delivers text. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
