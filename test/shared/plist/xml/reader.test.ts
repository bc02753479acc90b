// The XML reader on well-formed input: types, encodings, positions and the leniencies real
// files need. Expected values are written out by hand from the XML and plist rules.

import { describe, expect, it } from 'vitest';

import { PlistError } from '../../../../shared/plist/errors.ts';
import { array, bool, data, date, dict, int, plistEqual, real, str, stripPositions, type PlistDict, type PlistValue } from '../../../../shared/plist/model.ts';
import { looksLikeXmlPlist, parseXmlPlistText, readXmlPlist } from '../../../../shared/plist/xml/reader.ts';
import { plistDocument, readText } from './helpers.ts';

function rootDict(xml: string): PlistDict {
  const value = parseXmlPlistText(xml).value;
  if (value.kind !== 'dict') throw new Error(`expected a dict, got ${value.kind}`);
  return value;
}

function errorOf(action: () => unknown): PlistError {
  try {
    action();
  } catch (error) {
    if (error instanceof PlistError) return error;
    throw error;
  }
  throw new Error('expected a PlistError, but nothing was thrown');
}

describe('empty strings and unknown elements', () => {
  it('reads <string></string> and <string/> as empty', () => {
    const xml = plistDocument('<dict><key>A</key><string></string><key>B</key><string/><key>C</key><string>next</string></dict>');
    expect(readText(xml)).toEqual(dict([['A', str('')], ['B', str('')], ['C', str('next')]]));
  });

  it('rejects <int> naming element and key', () => {
    const error = errorOf(() => parseXmlPlistText(plistDocument('<dict><key>Version</key><int>1</int></dict>')));
    expect(error.reason).toContain('<int>');
    expect(error.reason).toContain('"Version"');
    expect(error.keyPath).toBe('Version');
    expect(error.line).toBe(4);
    expect(error.column).toBe(25);
  });
});

describe('scalar types', () => {
  it('keeps real, integer and real apart', () => {
    const value = readText(plistDocument('<array><real>1.0</real><integer>1</integer><real>1.1</real></array>'));
    expect(value).toEqual(array([real(1), int(1n), real(1.1)]));
  });

  it('reads boundary integers', () => {
    const value = readText(
      plistDocument(
        '<array><integer>18446744073709551615</integer><integer>-1</integer><integer>9223372036854775807</integer>' +
          '<integer>-9223372036854775808</integer><integer>0xDEADBEEF</integer></array>',
      ),
    );
    expect(value).toEqual(array([int(18446744073709551615n), int(-1n), int(9223372036854775807n), int(-9223372036854775808n), int(3735928559n)]));
  });

  it('reads hex, signs and the 128-bit ends', () => {
    const value = readText(
      plistDocument(
        '<array><integer>0x10</integer><integer>-0x10</integer><integer>+5</integer><integer> 42 </integer>' +
          '<integer>-170141183460469231731687303715884105728</integer><integer>340282366920938463463374607431768211455</integer></array>',
      ),
    );
    expect(value).toEqual(array([int(16n), int(-16n), int(5n), int(42n), int(-(2n ** 127n)), int(2n ** 128n - 1n)]));
  });

  it('rejects integers beyond 128 bits', () => {
    const tooBig = errorOf(() => parseXmlPlistText(plistDocument('<integer>340282366920938463463374607431768211456</integer>')));
    expect(tooBig.reason).toContain('340282366920938463463374607431768211456');
    expect(tooBig.reason).toContain('out of range');
    const tooSmall = errorOf(() => parseXmlPlistText(plistDocument('<integer>-170141183460469231731687303715884105729</integer>')));
    expect(tooSmall.reason).toContain('out of range');
  });

  it('reads real spellings of plistlib and libplist', () => {
    const value = readText(
      plistDocument(
        '<array><real>nan</real><real>inf</real><real>-inf</real><real>+inf</real><real>-infinity</real>' +
          '<real>1e+21</real><real>2.5E-3</real><real>.5</real><real>5.</real><real>1</real><real>-0.0</real></array>',
      ),
    );
    expect(value).toEqual(array([real(NaN), real(Infinity), real(-Infinity), real(Infinity), real(-Infinity), real(1e21), real(0.0025), real(0.5), real(5), real(1), real(-0)]));
  });

  it('reads booleans in both forms', () => {
    expect(readText(plistDocument('<array><true/><false/><true></true><false> </false></array>'))).toEqual(array([bool(true), bool(false), bool(true), bool(false)]));
  });

  it('reads dates with and without milliseconds', () => {
    const value = readText(plistDocument('<array><date>2014-02-23T09:21:06Z</date><date>2014-02-23T09:21:06.034Z</date><date>0001-01-01T00:00:00Z</date></array>'));
    // 2014-02-23T09:21:06Z is 1393147266 seconds after 1970 (date -u -d 2014-02-23T09:21:06Z +%s).
    expect(value).toEqual(array([date(1393147266000), date(1393147266034), date(-62135596800000)]));
  });

  it('rejects impossible dates', () => {
    for (const text of ['2014-02-30T00:00:00Z', '2014-13-01T00:00:00Z', '2014-02-23T24:00:00Z', '2014-02-23 09:21:06Z', '2014-02-23T09:21:06']) {
      const error = errorOf(() => parseXmlPlistText(plistDocument(`<date>${text}</date>`)));
      expect(error.reason).toContain('invalid date');
      expect(error.line).toBe(4);
    }
  });

  it('reads data with white space anywhere', () => {
    const value = readText(plistDocument('<array><data>\n\tAAH/\n\t  gA==\n</data><data/><data></data></array>'));
    expect(value).toEqual(array([data(new Uint8Array([0x00, 0x01, 0xff, 0x80])), data(new Uint8Array()), data(new Uint8Array())]));
  });

  it('rejects invalid base64', () => {
    const error = errorOf(() => parseXmlPlistText(plistDocument('<dict><key>Cert</key><data>AB!C</data></dict>')));
    expect(error.reason).toContain('invalid base64');
    expect(error.reason).toContain('"!"');
    expect(error.keyPath).toBe('Cert');
  });

  it('reads empty containers with white space', () => {
    const value = readText(plistDocument('<dict><key>a</key><array>\n\t</array><key>b</key><array/><key>c</key><dict/><key>d</key><dict>\n</dict></dict>'));
    expect(value).toEqual(dict([['a', array([])], ['b', array([])], ['c', dict([])], ['d', dict([])]]));
  });
});

describe('text decoding', () => {
  it('resolves entities, references and CDATA', () => {
    const value = readText(plistDocument('<string>&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos; &#233;&#xE9;&#x1F600; <![CDATA[<raw> & ]]>end</string>'));
    expect(value).toEqual(str('<a> & "b" \'c\' \u00e9\u00e9\u{1F600} <raw> & end'));
  });

  it('normalises raw CR but keeps &#13;', () => {
    expect(readText('<plist><string>a\r\nb\rc\nd</string></plist>')).toEqual(str('a\nb\nc\nd'));
    expect(readText('<plist><string>a&#13;&#10;b&#xD;</string></plist>')).toEqual(str('a\r\nb\r'));
  });

  it('drops comments inside text', () => {
    expect(readText('<plist><string>a<!-- x -->b<?pi y?>c</string></plist>')).toEqual(str('abc'));
  });

  it('keeps white space inside strings', () => {
    expect(readText('<plist><string>  two spaces\n\tand a tab  </string></plist>')).toEqual(str('  two spaces\n\tand a tab  '));
  });

  it('reads keys with entities', () => {
    expect(readText('<plist><dict><key>a&amp;b</key><true/></dict></plist>')).toEqual(dict([['a&b', bool(true)]]));
  });
});

describe('document forms', () => {
  it('accepts comments everywhere', () => {
    const xml =
      '<!-- before declaration is not allowed, so this goes after -->\n' +
      '<!DOCTYPE plist PUBLIC "-//Apple Computer//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n' +
      '<!-- c --><plist version="1"><!-- c --><dict><!-- c --><key>k</key><!-- c --><array><!-- c --></array><!-- c --></dict><!-- c --></plist><!-- c -->\n';
    expect(readText(xml)).toEqual(dict([['k', array([])]]));
  });

  it('accepts no declaration and no DOCTYPE', () => {
    expect(readText('<plist><string>x</string></plist>')).toEqual(str('x'));
  });

  it('accepts an internal subset without entities', () => {
    expect(readText('<!DOCTYPE plist [ <!-- nothing --> <!ATTLIST plist version CDATA "1.0"> ]><plist><true/></plist>')).toEqual(bool(true));
  });

  it('ignores attributes on value elements', () => {
    expect(readText('<plist version="1.0"><dict><key Q=">">k</key><string a=\'1\' b="2">v</string></dict></plist>')).toEqual(dict([['k', str('v')]]));
  });

  it('warns on white space before the declaration', () => {
    const result = parseXmlPlistText(' <?xml version="1.0" encoding="UTF-8"?>\n <plist version="1.0">\n <string>x</string>\n </plist>\n', { file: 'intune.mobileconfig' });
    expect(stripPositions(result.value)).toEqual(str('x'));
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/^intune\.mobileconfig:1: white space before the XML declaration/);
  });

  it('warns on white space before <plist>', () => {
    const result = parseXmlPlistText('\n\n<plist><true/></plist>');
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/^line 3: white space at the start of the file/);
  });

  it('resolves references in attribute values', () => {
    const result = parseXmlPlistText('<plist version="1&#46;0" note=\'a&amp;b\'><true/></plist>');
    expect(result.warnings).toEqual([]);
    expect(parseXmlPlistText('<plist version="&#50;.0"><true/></plist>').warnings[0]).toContain('unexpected plist version "2.0"');
  });

  it('warns on an unknown plist version', () => {
    const result = parseXmlPlistText('<plist version="2.0"><true/></plist>');
    expect(result.warnings[0]).toContain('unexpected plist version "2.0"');
  });

  it('skips a BOM in editor text', () => {
    const result = parseXmlPlistText('\uFEFF<plist><string>x</string></plist>');
    expect(result.value.pos?.offset).toBe(8);
    expect(result.value.pos?.column).toBe(9);
  });

  it('accepts the maximum depth', () => {
    const depth = 512;
    const xml = `<plist>${'<array>'.repeat(depth)}${'</array>'.repeat(depth)}</plist>`;
    let value: PlistValue = parseXmlPlistText(xml).value;
    let levels = 1;
    while (value.kind === 'array' && value.items.length > 0) {
      value = value.items[0];
      levels++;
    }
    expect(levels).toBe(depth);
  });
});

describe('encodings', () => {
  const PROFILE =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n' +
    '<plist version="1.0">\n<dict>\n' +
    '\t<key>PayloadDisplayName</key>\n\t<string>M\u00fcnchen DNS \u{1F1E9}\u{1F1EA}</string>\n' +
    '\t<key>PayloadVersion</key>\n\t<integer>1</integer>\n' +
    '\t<key>\u6807\u8bc6</key>\n\t<data>AAH/</data>\n' +
    '</dict>\n</plist>\n';

  const EXPECTED = dict([
    ['PayloadDisplayName', str('M\u00fcnchen DNS \u{1F1E9}\u{1F1EA}')],
    ['PayloadVersion', int(1n)],
    ['\u6807\u8bc6', data(new Uint8Array([0, 1, 255]))],
  ]);

  function utf16be(text: string): Buffer {
    const bytes = Buffer.from(text, 'utf16le');
    for (let i = 0; i < bytes.length; i += 2) [bytes[i], bytes[i + 1]] = [bytes[i + 1], bytes[i]];
    return bytes;
  }

  const variants: [string, Uint8Array][] = [
    ['UTF-8', Buffer.from(PROFILE, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PROFILE, 'utf8')])],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PROFILE, 'utf16le')])],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(PROFILE)])],
    ['UTF-16LE without BOM', Buffer.from(PROFILE, 'utf16le')],
  ];

  for (const [name, bytes] of variants) {
    it(`reads ${name} to the same model`, () => {
      const result = readXmlPlist(bytes);
      expect(plistEqual(result.value, EXPECTED)).toBe(true);
      expect(result.text).toBe(PROFILE);
      expect(looksLikeXmlPlist(bytes)).toBe(true);
    });
  }

  it('warns when BOM and declaration disagree', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PROFILE, 'utf16le')]);
    const { warnings } = readXmlPlist(bytes, { file: 'p.mobileconfig' });
    expect(warnings).toEqual(['p.mobileconfig:1: the XML declaration says encoding "UTF-8", but the byte order mark says UTF-16LE; the file was read as UTF-16LE']);
  });

  it('reads ISO-8859-1 when declared', () => {
    const bytes = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><plist><string>caf\xe9 \x85</string></plist>', 'latin1');
    expect(stripPositions(readXmlPlist(bytes).value)).toEqual(str('caf\u00e9 \u0085'));
  });

  it('rejects invalid UTF-8 naming the byte', () => {
    const bytes = Buffer.concat([Buffer.from('<plist>\n<string>ab'), Buffer.from([0xc3, 0x28]), Buffer.from('</string></plist>')]);
    const error = errorOf(() => readXmlPlist(bytes, { file: 'bad.plist' }));
    expect(error.reason).toContain('invalid UTF-8');
    expect(error.reason).toContain('0xC3');
    expect(error.offset).toBe(18);
    expect(error.line).toBe(2);
    expect(error.file).toBe('bad.plist');
  });

  it('rejects truncated and unpaired UTF-16', () => {
    const odd = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<plist/>', 'utf16le'), Buffer.from([0x3c])]);
    expect(errorOf(() => readXmlPlist(odd)).reason).toContain('odd number of bytes');
    const lone = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<plist><string>', 'utf16le'), Buffer.from([0x00, 0xd8]), Buffer.from('</string></plist>', 'utf16le')]);
    const error = errorOf(() => readXmlPlist(lone));
    expect(error.reason).toContain('unpaired surrogate');
    expect(error.offset).toBe(32);
  });

  it('rejects control characters in text', () => {
    const error = errorOf(() => parseXmlPlistText('<plist>\n<string>a\u0001b</string></plist>'));
    expect(error.reason).toContain('U+0001');
    expect(error.line).toBe(2);
    expect(error.column).toBe(10);
  });

  it('detects XML plists by content', () => {
    expect(looksLikeXmlPlist(Buffer.from('  <plist version="1.0"><true/></plist>'))).toBe(true);
    expect(looksLikeXmlPlist(Buffer.from('<!DOCTYPE plist><plist/>'))).toBe(true);
    expect(looksLikeXmlPlist(Buffer.from('<?xml version="1.0"?><svg/>'))).toBe(false);
    expect(looksLikeXmlPlist(Buffer.from('bplist00'))).toBe(false);
    expect(looksLikeXmlPlist(Buffer.from([0x30, 0x82, 0x01, 0x00]))).toBe(false);
  });
});

describe('source positions', () => {
  // Lines are counted by hand: CRLF ends each line, and a tab is one column.
  const CRLF_DOCUMENT = [
    '<?xml version="1.0" encoding="UTF-8"?>', //                       line 1
    '<!-- leading comment -->', //                                     line 2
    '<plist version="1.0">', //                                        line 3
    '<dict>', //                                                       line 4
    '\t<!-- comment inside dict -->', //                               line 5
    '\t<key>Name</key>', //                                            line 6: <key> at column 2
    '\t<string>Wi-Fi</string>', //                                     line 7: <string> at column 2
    '\t<key>Nested</key> <!-- c --> <array>', //                       line 8: <key> at column 2, <array> at column 31
    '\t\t<integer>7</integer>', //                                     line 9: <integer> at column 3
    '\t</array>', //                                                   line 10
    '</dict>', //                                                      line 11
    '</plist>', //                                                     line 12
    '',
  ].join('\r\n');

  it('locates keys and values in a CRLF file', () => {
    const root = rootDict(CRLF_DOCUMENT);
    const [name, nested] = root.entries;

    expect(root.pos).toMatchObject({ line: 4, column: 1 });
    expect(name.keyPos).toMatchObject({ line: 6, column: 2 });
    expect(name.value.pos).toMatchObject({ line: 7, column: 2 });
    expect(nested.keyPos).toMatchObject({ line: 8, column: 2 });
    expect(nested.value.pos).toMatchObject({ line: 8, column: 31 });

    const nestedArray = nested.value;
    if (nestedArray.kind !== 'array') throw new Error('expected an array');
    expect(nestedArray.items[0].pos).toMatchObject({ line: 9, column: 3 });
  });

  it('spans each element with its offsets', () => {
    const root = rootDict(CRLF_DOCUMENT);
    const [name, nested] = root.entries;
    const span = (p: { offset: number; endOffset: number } | undefined): string => CRLF_DOCUMENT.slice(p?.offset, p?.endOffset);

    expect(span(name.keyPos)).toBe('<key>Name</key>');
    expect(span(name.value.pos)).toBe('<string>Wi-Fi</string>');
    expect(span(nested.value.pos)).toBe('<array>\r\n\t\t<integer>7</integer>\r\n\t</array>');
    expect(span(root.pos).startsWith('<dict>')).toBe(true);
    expect(span(root.pos).endsWith('</dict>')).toBe(true);
  });

  it('counts a lone CR as a line break', () => {
    const root = rootDict('<plist>\r<dict>\r\t<key>a</key>\r\n\t<true/>\n</dict></plist>');
    expect(root.entries[0].keyPos).toMatchObject({ line: 3, column: 2 });
    expect(root.entries[0].value.pos).toMatchObject({ line: 4, column: 2 });
  });

  it('names line and column in errors of a CRLF file', () => {
    const error = errorOf(() => parseXmlPlistText('<plist>\r\n<dict>\r\n  <key>a</key>\r\n  <string>x</strin>\r\n</dict></plist>', { file: 'w.mobileconfig' }));
    expect(error.line).toBe(4);
    expect(error.column).toBe(12);
    expect(error.message).toBe('w.mobileconfig:4:12: mismatched end tag </strin>: expected </string> to close the <string> at line 4 (at a)');
  });
  it('leaves positions out when asked', () => {
    const withPositions = parseXmlPlistText(CRLF_DOCUMENT).value;
    const without = parseXmlPlistText(CRLF_DOCUMENT, { positions: false }).value;
    expect(without).toEqual(stripPositions(withPositions));

    const unpositioned: string[] = [];
    const visit = (value: PlistValue, path: string): void => {
      if (value.pos !== undefined) unpositioned.push(path);
      if (value.kind === 'array') value.items.forEach((item, index) => visit(item, `${path}[${index}]`));
      if (value.kind === 'dict') {
        for (const entry of value.entries) {
          if (entry.keyPos !== undefined) unpositioned.push(`${path}.${entry.key} (key)`);
          visit(entry.value, `${path}.${entry.key}`);
        }
      }
    };
    visit(without, 'root');
    expect(unpositioned).toEqual([]);
  });

  it('leaves positions out of empty containers', () => {
    const value = parseXmlPlistText('<plist><array><dict/><array></array></array></plist>', { positions: false }).value;
    if (value.kind !== 'array') throw new Error('expected an array');
    expect(value.pos).toBeUndefined();
    expect(value.items.map((item) => item.pos)).toEqual([undefined, undefined]);
  });

  it('names line and column in errors without positions', () => {
    const error = errorOf(() => parseXmlPlistText('<plist>\r\n<dict>\r\n  <key>a</key>\r\n  <string>x</strin>\r\n</dict></plist>', { file: 'w.mobileconfig', positions: false }));
    expect(error.message).toBe('w.mobileconfig:4:12: mismatched end tag </strin>: expected </string> to close the <string> at line 4 (at a)');
  });

  it('names the first line of a duplicate key without positions', () => {
    const error = errorOf(() => parseXmlPlistText('<plist><dict>\n<key>a</key><true/>\n<key>a</key><false/>\n</dict></plist>', { positions: false }));
    expect(error.line).toBe(3);
    expect(error.column).toBe(1);
    expect(error.reason).toBe('duplicate key "a" in a <dict>: it first appears at line 2');
  });

  it('numbers warning lines without positions', () => {
    const result = parseXmlPlistText('\n\n<plist><true/></plist>', { positions: false });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/^line 3: white space at the start of the file/);
  });
});
