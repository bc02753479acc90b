// Character classes of XML 1.0 that the reader and the writer share.

/** Code units that XML 1.0 forbids anywhere in a document: C0 controls other than tab, LF and CR, U+FFFE, U+FFFF and unpaired surrogates. */
const INVALID_XML_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Returns the offset of the first character XML 1.0 cannot contain, or -1. */
export function findInvalidXmlChar(text: string): number {
  const match = INVALID_XML_CHAR.exec(text);
  return match ? match.index : -1;
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
