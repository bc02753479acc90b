import { describe, expect, it } from 'vitest';

import { findInvalidXmlChar } from '../../../../shared/plist/xml/xml-chars.ts';

// Offsets written out from the XML 1.0 Char production: #x9 | #xA | #xD | [#x20-#xD7FF] |
// [#xE000-#xFFFD] | [#x10000-#x10FFFF], where a character above U+FFFF is a surrogate pair.
describe('findInvalidXmlChar', () => {
  it.each([
    ['plain text', 'Café ✓ 東京', -1],
    ['tab, LF and CR', 'a\tb\nc\rd', -1],
    ['surrogate pairs', '🎵x🎵', -1],
    ['pair at the very end', 'abc\uD83C\uDFB5', -1],
    ['NUL', 'ab\u0000', 2],
    ['vertical tab', '\u000Bx', 0],
    ['U+001F', 'x\u001F', 1],
    ['U+FFFE', 'ok\uFFFE', 2],
    ['U+FFFF', '\uFFFF', 0],
    ['lone high surrogate at the end', 'ab\uD800', 2],
    ['high surrogate before a letter', '\uD800x', 0],
    ['lone low surrogate', 'a\uDC00', 1],
    ['low surrogate right after a pair', '\uD83C\uDFB5\uDFB5', 2],
    ['reversed pair', '\uDFB5\uD83C', 0],
    ['two high surrogates then a low', '\uD83C\uD83C\uDFB5', 0],
    ['control character after a valid pair', '🎵\u0001', 2],
  ])('%s', (_name, text, expected) => {
    expect(findInvalidXmlChar(text)).toBe(expected);
  });

  it('starts over on each call', () => {
    expect(findInvalidXmlChar('\u0001 and more text')).toBe(0);
    expect(findInvalidXmlChar('clean')).toBe(-1);
    expect(findInvalidXmlChar('x\u0002')).toBe(1);
  });
});
