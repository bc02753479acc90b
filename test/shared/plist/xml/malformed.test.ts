// Malformed XML plists: each must be rejected with a PlistError whose message names the
// problem and whose line and column point at it (counted by hand in each literal).

import { describe, expect, it } from 'vitest';

import { PlistError } from '../../../../shared/plist/errors.ts';
import { MAX_PLIST_DEPTH } from '../../../../shared/plist/limits.ts';
import { parseXmlPlistText, readXmlPlist } from '../../../../shared/plist/xml/reader.ts';

interface MalformedCase {
  readonly name: string;
  readonly xml: string;
  /** Text the reason must contain. */
  readonly reason: string | RegExp;
  readonly line: number;
  readonly column: number;
  readonly keyPath?: string;
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const DOCTYPE = '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">';

const BILLION_LAUGHS = [
  DECLARATION,
  '<!DOCTYPE plist [',
  ' <!ENTITY lol "lol">',
  ...Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
  ']>',
  '<plist version="1.0"><string>&lol9;</string></plist>',
].join('\n');

const CASES: MalformedCase[] = [
  {
    name: 'unknown element',
    xml: '<plist>\n<dict>\n  <key>PayloadVersion</key>\n  <int>1</int>\n</dict>\n</plist>',
    reason: 'unknown element <int> for key "PayloadVersion"',
    line: 4,
    column: 3,
    keyPath: 'PayloadVersion',
  },
  {
    name: 'key with no value before </dict>',
    xml: '<plist>\n<dict>\n  <key>Orphan</key>\n</dict>\n</plist>',
    reason: 'key "Orphan" has no value',
    line: 4,
    column: 1,
    keyPath: 'Orphan',
  },
  {
    name: 'key followed by a key',
    xml: '<plist><dict><key>A</key><key>B</key><true/></dict></plist>',
    reason: 'key "A" has no value: another <key> follows it',
    line: 1,
    column: 26,
    keyPath: 'A',
  },
  {
    name: 'duplicate key',
    xml: '<plist>\n<dict>\n  <key>test</key><string>one</string>\n  <key>test</key><string>two</string>\n</dict>\n</plist>',
    reason: 'duplicate key "test" in a <dict>: it first appears at line 3',
    line: 4,
    column: 3,
    keyPath: 'test',
  },
  {
    name: 'duplicate key in a nested dict',
    xml: '<plist><dict><key>PayloadContent</key><array><dict><key>a</key><true/><key>a</key><true/></dict></array></dict></plist>',
    reason: 'duplicate key "a"',
    line: 1,
    column: 71,
    keyPath: 'PayloadContent[0].a',
  },
  {
    name: 'text after </plist>',
    xml: `${DECLARATION}\n<plist version="1.0">\n<dict/>\n</plist>\ninvalid\n`,
    reason: 'unexpected text "invalid" after </plist>',
    line: 5,
    column: 1,
  },
  {
    name: 'element after </plist>',
    xml: '<plist><true/></plist>\n<plist><false/></plist>',
    reason: 'element <plist> after </plist>',
    line: 2,
    column: 1,
  },
  {
    name: 'truncated file',
    xml: '<plist>\n<dict>\n  <key>a</key>\n  <string>unfinished',
    reason: '<string> opened at line 4 is never closed',
    line: 4,
    column: 3,
    keyPath: 'a',
  },
  {
    name: 'truncated inside a container',
    xml: '<plist>\n<dict>\n  <key>a</key>\n  <array>\n    <true/>\n',
    reason: '<array> opened at line 4 is never closed',
    line: 4,
    column: 3,
    keyPath: 'a',
  },
  {
    name: 'start tag missing its >',
    xml: `${DECLARATION}\n${DOCTYPE}\n<plist version="1.0"\n<dict>\n</dict>\n</plist>\n`,
    reason: "the start tag <plist> at line 3 is missing its closing '>'",
    line: 4,
    column: 1,
  },
  {
    name: 'unterminated attribute quote',
    xml: '<plist Q=">\n<dict>\n    <key>test</key>\n    <string>value</string>\n</dict>\n</plist>\n',
    reason: 'the value of attribute Q in <plist> has no closing quote',
    line: 1,
    column: 10,
  },
  {
    name: 'mismatched end tag',
    xml: '<plist>\n<dict>\n  <key>a</key>\n  <string>x</string>\n</plist>',
    reason: 'mismatched end tag </plist>: expected </dict> to close the <dict> at line 2',
    line: 5,
    column: 1,
  },
  {
    name: 'entity declaration (billion laughs)',
    xml: BILLION_LAUGHS,
    reason: 'entity declarations are not allowed',
    line: 3,
    column: 2,
  },
  {
    name: 'external entity',
    xml: `${DECLARATION}\n<!DOCTYPE plist [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n<plist><string>&xxe;</string></plist>`,
    reason: 'entity declarations are not allowed',
    line: 3,
    column: 1,
  },
  {
    name: 'undefined entity',
    xml: '<plist>\n<string>a &foo; b</string>\n</plist>',
    reason: 'undefined entity &foo;',
    line: 2,
    column: 11,
  },
  {
    name: 'bare ampersand',
    xml: '<plist><string>Tom & Jerry</string></plist>',
    reason: "'&' does not start a reference",
    line: 1,
    column: 20,
  },
  {
    name: 'invalid character reference',
    xml: '<plist><string>&#0;</string></plist>',
    reason: 'the character reference &#0; is not a character XML allows',
    line: 1,
    column: 16,
  },
  {
    name: 'character data inside <dict>',
    xml: '<plist>\n<dict>\n  stray text\n  <key>a</key><true/>\n</dict>\n</plist>',
    reason: 'text "stray text" directly inside <dict>',
    line: 3,
    column: 3,
  },
  {
    name: 'character data inside <plist>',
    xml: `${DECLARATION}\n<plist version="1.0">\n&#32;&amp;\n</plist>`,
    reason: 'text "&#32;&amp;" directly inside <plist>',
    line: 3,
    column: 1,
  },
  {
    name: 'DOCTYPE before the XML declaration',
    xml: `${DOCTYPE}\n${DECLARATION}\n<plist version="1.0"><true/></plist>\n`,
    reason: 'the XML declaration <?xml ...?> must come first in the file, but here it follows the DOCTYPE at line 1',
    line: 2,
    column: 1,
  },
  {
    name: 'DOCTYPE after the root',
    xml: `<plist><true/></plist>\n${DOCTYPE}\n`,
    reason: 'DOCTYPE after the root element',
    line: 2,
    column: 1,
  },
  {
    name: 'key inside an array',
    xml: '<plist><array><key>k</key></array></plist>',
    reason: '<key> inside an <array>',
    line: 1,
    column: 15,
    keyPath: '[0]',
  },
  {
    name: 'true with content',
    xml: '<plist><dict><key>Enabled</key><true>yes</true></dict></plist>',
    reason: '<true> must be empty (write <true/>), but it contains the text "yes"',
    line: 1,
    column: 32,
    keyPath: 'Enabled',
  },
  {
    name: 'element inside a string',
    xml: '<plist><string>a<b>bold</b></string></plist>',
    reason: '<string> contains the element <b>, but it may contain only text',
    line: 1,
    column: 17,
  },
  {
    name: 'value without a key',
    xml: '<plist><dict><string>x</string></dict></plist>',
    reason: '<string> in a <dict> has no <key> before it',
    line: 1,
    column: 14,
  },
  {
    name: 'two values in <plist>',
    xml: '<plist><true/><false/></plist>',
    reason: '<plist> must contain exactly one value',
    line: 1,
    column: 15,
  },
  {
    name: 'empty <plist>',
    xml: '<plist>\n</plist>',
    reason: '<plist> contains no value',
    line: 1,
    column: 1,
  },
  {
    name: 'fragment without <plist>',
    xml: '<key>SkipSetupItems</key>\n<array>\n\t<string>Welcome</string>\n</array>\n',
    reason: 'the file has no <plist> root element',
    line: 1,
    column: 1,
  },
  {
    name: 'plain text',
    xml: "This is not a valid plist file.\r\nIt's just plain text.\r\n",
    reason: 'the file is not an XML property list: it starts with the text "This is not a valid plis…"',
    line: 1,
    column: 1,
  },
  {
    name: 'empty file',
    xml: '  \n',
    reason: 'the file is empty',
    line: 2,
    column: 1,
  },
  {
    name: 'invalid integer',
    xml: '<plist><dict><key>Port</key><integer>12ab</integer></dict></plist>',
    reason: 'invalid integer "12ab"',
    line: 1,
    column: 29,
    keyPath: 'Port',
  },
  {
    name: 'invalid real',
    xml: '<plist><array><real>1,5</real></array></plist>',
    reason: 'invalid real "1,5"',
    line: 1,
    column: 15,
    keyPath: '[0]',
  },
  {
    name: 'empty integer',
    xml: '<plist><integer/></plist>',
    reason: 'empty <integer>',
    line: 1,
    column: 8,
  },
  {
    name: 'unterminated comment',
    xml: '<plist><!-- never closed <true/></plist>',
    reason: 'the comment opened at line 1 is never closed',
    line: 1,
    column: 8,
  },
  {
    name: 'too-deep nesting',
    xml: `<plist>${'<array>'.repeat(MAX_PLIST_DEPTH + 1)}${'</array>'.repeat(MAX_PLIST_DEPTH + 1)}</plist>`,
    reason: `nested more than ${MAX_PLIST_DEPTH} levels deep`,
    line: 1,
    column: 8 + 7 * MAX_PLIST_DEPTH,
    keyPath: `${'[0]'.repeat(MAX_PLIST_DEPTH)}`,
  },
];

describe('malformed XML plists', () => {
  for (const c of CASES) {
    it(`rejects ${c.name}`, () => {
      let caught: unknown;
      try {
        parseXmlPlistText(c.xml, { file: 'case.plist' });
      } catch (error) {
        caught = error;
      }

      expect(caught).toBeInstanceOf(PlistError);
      const error = caught as PlistError;
      if (typeof c.reason === 'string') expect(error.reason).toContain(c.reason);
      else expect(error.reason).toMatch(c.reason);
      expect(error.file).toBe('case.plist');
      expect(error.line).toBe(c.line);
      expect(error.column).toBe(c.column);
      expect(error.keyPath).toBe(c.keyPath);
      expect(error.message.startsWith(`case.plist:${c.line}:${c.column}: `)).toBe(true);
    });
  }

  it('counts an empty container as a level', () => {
    const xml = `<plist>${'<array>'.repeat(MAX_PLIST_DEPTH)}<dict/>${'</array>'.repeat(MAX_PLIST_DEPTH)}</plist>`;
    expect(() => parseXmlPlistText(xml)).toThrow(/<dict> is nested more than/);
  });

  it('rejects deep nesting without a stack overflow', () => {
    const depth = 200_000;
    const xml = `<plist>${'<dict><key>k</key>'.repeat(depth)}`;
    expect(() => parseXmlPlistText(xml)).toThrow(/nested more than/);
  });

  it('rejects a UTF-32 file', () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x3c, 0x00, 0x00, 0x00]);
    expect(() => readXmlPlist(bytes)).toThrow(/UTF-32/);
  });

  it('rejects an unsupported declared encoding', () => {
    expect(() => readXmlPlist(Buffer.from('<?xml version="1.0" encoding="Shift_JIS"?><plist><true/></plist>'))).toThrow(/encoding "shift_jis", which is not supported/);
  });
});
