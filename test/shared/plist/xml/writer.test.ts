// The XML writer: Apple's and plistlib's layout, escaping, number and date forms, and the
// values it must reject. Expected documents are written out in full; the data block of
// bytes 0..119 is what Python 3.11 plistlib.dumps writes for the same structure.

import { describe, expect, it } from 'vitest';

import { PlistError } from '../../../../shared/plist/errors.ts';
import { MAX_PLIST_DEPTH } from '../../../../shared/plist/limits.ts';
import { array, bool, data, date, dict, int, plistEqual, real, str, uid, type PlistValue } from '../../../../shared/plist/model.ts';
import { parseXmlPlistText } from '../../../../shared/plist/xml/reader.ts';
import { writeXmlPlist } from '../../../../shared/plist/xml/writer.ts';
import { needTools } from '../../../support/environment.ts';
import { modelCanonical, plistlibCanonical } from '../../../support/plist-oracle.ts';
import { APPLE_HEADER, readText } from './helpers.ts';

function documentOf(body: string): string {
  return `${APPLE_HEADER}<plist version="1.0">\n${body}</plist>\n`;
}

function writeError(value: PlistValue): PlistError {
  try {
    writeXmlPlist(value);
  } catch (error) {
    if (error instanceof PlistError) return error;
    throw error;
  }
  throw new Error('expected a PlistError, but the value was written');
}

describe('writer layout', () => {
  it('writes header, tabs and empty forms', () => {
    const value = dict([
      ['a', array([])],
      ['b', bool(true)],
      ['c', bool(false)],
      ['d', dict([])],
      ['e', str('')],
      ['f', array([int(1n), dict([['g', str('x')]])])],
    ]);
    const expected = documentOf(
      '<dict>\n' +
        '\t<key>a</key>\n\t<array/>\n' +
        '\t<key>b</key>\n\t<true/>\n' +
        '\t<key>c</key>\n\t<false/>\n' +
        '\t<key>d</key>\n\t<dict/>\n' +
        '\t<key>e</key>\n\t<string></string>\n' +
        '\t<key>f</key>\n\t<array>\n\t\t<integer>1</integer>\n\t\t<dict>\n\t\t\t<key>g</key>\n\t\t\t<string>x</string>\n\t\t</dict>\n\t</array>\n' +
        '</dict>\n',
    );
    expect(writeXmlPlist(value)).toBe(expected);
  });

  it('keeps the model key order', () => {
    const text = writeXmlPlist(dict([['z', int(1n)], ['a', int(2n)]]));
    expect(text.indexOf('<key>z</key>')).toBeLessThan(text.indexOf('<key>a</key>'));
  });

  it('wraps 120 bytes of data at 52 columns', () => {
    const bytes = Uint8Array.from({ length: 120 }, (_, i) => i);
    const value = dict([['a', dict([['b', dict([['c', data(bytes)]])]])]]);
    const expected = documentOf(
      '<dict>\n\t<key>a</key>\n\t<dict>\n\t\t<key>b</key>\n\t\t<dict>\n\t\t\t<key>c</key>\n' +
        '\t\t\t<data>\n' +
        '\t\t\tAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUm\n' +
        '\t\t\tJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0BBQkNERUZHSElKS0xN\n' +
        '\t\t\tTk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1ub3BxcnN0\n' +
        '\t\t\tdXZ3\n' +
        '\t\t\t</data>\n' +
        '\t\t</dict>\n\t</dict>\n</dict>\n',
    );
    const text = writeXmlPlist(value);
    expect(text).toBe(expected);
    expect(plistEqual(parseXmlPlistText(text).value, value)).toBe(true);
  });

  it('writes empty data on two lines', () => {
    expect(writeXmlPlist(dict([['e', data(new Uint8Array())]]))).toBe(documentOf('<dict>\n\t<key>e</key>\n\t<data>\n\t</data>\n</dict>\n'));
    expect(readText(documentOf('<data/>'))).toEqual(data(new Uint8Array()));
  });

  it('keeps a minimum of 16 columns deep down', () => {
    // At level 10, 76 - 80 is below the minimum, so lines hold 16 characters (12 bytes).
    let value: PlistValue = data(Uint8Array.from({ length: 13 }, (_, i) => i));
    for (let i = 0; i < 10; i++) value = array([value]);
    const lines = writeXmlPlist(value).split('\n');
    const start = lines.findIndex((line) => line.endsWith('<data>'));
    expect(lines[start + 1]).toBe(`${'\t'.repeat(10)}AAECAwQFBgcICQoL`);
    expect(lines[start + 2]).toBe(`${'\t'.repeat(10)}DA==`);
  });
});

describe('writer strings', () => {
  it('escapes markup characters', () => {
    const text = writeXmlPlist(dict([['a<&>b', str('<a & "b" \'c\'>')]]));
    expect(text).toContain('<key>a&lt;&amp;&gt;b</key>');
    expect(text).toContain('<string>&lt;a &amp; "b" \'c\'&gt;</string>');
  });

  it('writes multi-line strings without indentation', () => {
    const text = writeXmlPlist(dict([['k', str('line1\nline2\n\tindented')]]));
    expect(text).toContain('\t<string>line1\nline2\n\tindented</string>\n');
  });

  it('writes CR as a character reference', () => {
    const value = str('crlf\r\nlone\rend');
    const text = writeXmlPlist(value);
    expect(text).toContain('<string>crlf&#13;\nlone&#13;end</string>');
    expect(readText(text)).toEqual(value);
  });

  it('rejects control characters with the key path', () => {
    const error = writeError(dict([['PayloadContent', array([dict([['Name', str('a\u0001b')]])])]]));
    expect(error.reason).toContain('U+0001');
    expect(error.keyPath).toBe('PayloadContent[0].Name');
  });

  it('rejects lone surrogates and noncharacters', () => {
    expect(writeError(array([str('ok'), str('\uD800x')])).keyPath).toBe('[1]');
    expect(writeError(str('\uFFFF')).reason).toContain('U+FFFF');
    expect(writeError(dict([['bad\u0000key', str('')]])).reason).toContain('key contains U+0000');
  });

  it('writes emoji and non-ASCII as is', () => {
    expect(writeXmlPlist(str('M\u00fcnchen \u{1F1E9}\u{1F1EA}'))).toContain('<string>M\u00fcnchen \u{1F1E9}\u{1F1EA}</string>');
  });
});

describe('writer numbers and dates', () => {
  it('never writes a real as an integer', () => {
    const text = writeXmlPlist(array([real(1e21), int(10n ** 21n), real(1), real(1.1)]));
    expect(text).toContain('<real>1e+21</real>');
    expect(text).toContain('<integer>1000000000000000000000</integer>');
    expect(text).toContain('<real>1.0</real>');
    expect(text).toContain('<real>1.1</real>');
    expect(text).not.toMatch(/<integer>[^<]*e/);
  });

  it('formats reals as Python repr', () => {
    // Each pair is a double and Python 3.11's repr() of it.
    const cases: [number, string][] = [
      [1, '1.0'],
      [-0, '-0.0'],
      [0, '0.0'],
      [1e16, '1e+16'],
      [1e15, '1000000000000000.0'],
      [123456789012345678, '1.2345678901234568e+17'],
      [1e-4, '0.0001'],
      [1e-5, '1e-05'],
      [1.5e-5, '1.5e-05'],
      [0.1, '0.1'],
      [5e-324, '5e-324'],
      [1.7976931348623157e308, '1.7976931348623157e+308'],
      [12345.678, '12345.678'],
      [-2.5, '-2.5'],
      [NaN, 'nan'],
      [Infinity, 'inf'],
      [-Infinity, '-inf'],
    ];
    for (const [value, expected] of cases) {
      expect(writeXmlPlist(real(value))).toContain(`<real>${expected}</real>`);
    }
  });

  it('reads reals back bit for bit', () => {
    const values = [1, 1.1, 0.1, -0, 1e21, 1e-7, 5e-324, Math.PI, 2 ** 53 + 2, NaN, Infinity, -Infinity];
    for (const value of values) {
      const back = readText(writeXmlPlist(real(value)));
      expect(back).toEqual(real(value));
    }
  });

  it('writes 128-bit integers and rejects beyond', () => {
    expect(writeXmlPlist(int(2n ** 128n - 1n))).toContain('<integer>340282366920938463463374607431768211455</integer>');
    expect(writeXmlPlist(int(-(2n ** 127n)))).toContain('<integer>-170141183460469231731687303715884105728</integer>');
    expect(writeError(dict([['big', int(2n ** 128n)]])).keyPath).toBe('big');
  });

  it('writes dates in whole seconds', () => {
    // 2014-02-23T09:21:06.034Z is 1393147266034 ms after 1970.
    expect(writeXmlPlist(date(1393147266034))).toContain('<date>2014-02-23T09:21:06Z</date>');
    expect(writeXmlPlist(date(-500))).toContain('<date>1969-12-31T23:59:59Z</date>');
    expect(writeXmlPlist(date(-62135596800000))).toContain('<date>0001-01-01T00:00:00Z</date>');
  });

  it('rejects dates XML cannot hold', () => {
    expect(writeError(dict([['d', date(NaN)]])).keyPath).toBe('d');
    expect(writeError(date(253402300800000)).reason).toContain('years 0000-9999');
  });
});

describe('writer special values', () => {
  it('writes a UID in CoreFoundation form', () => {
    const text = writeXmlPlist(dict([['$top', dict([['root', uid(1n)]])]]));
    expect(text).toContain('\t\t<key>root</key>\n\t\t<dict>\n\t\t\t<key>CF$UID</key>\n\t\t\t<integer>1</integer>\n\t\t</dict>\n');
    expect(readText(text)).toEqual(dict([['$top', dict([['root', dict([['CF$UID', int(1n)]])]])]]));
  });

  it('rejects a negative UID', () => {
    expect(writeError(array([uid(-1n)])).reason).toContain('UID -1 is out of range');
  });

  it('rejects duplicate keys', () => {
    const value = { kind: 'dict', entries: [{ key: 'a', value: str('1') }, { key: 'a', value: str('2') }] } as const;
    const error = writeError(value);
    expect(error.reason).toContain('duplicate key "a"');
    expect(error.keyPath).toBe('a');
  });

  it('rejects nesting beyond the limit', () => {
    let value: PlistValue = array([]);
    for (let i = 0; i < MAX_PLIST_DEPTH; i++) value = array([value]);
    expect(writeError(value).reason).toContain(`more than ${MAX_PLIST_DEPTH} levels`);
  });

  it('rejects a self-containing array', () => {
    const items: PlistValue[] = [];
    const cyclic: PlistValue = { kind: 'array', items };
    items.push(cyclic);
    expect(writeError(cyclic).reason).toContain('contains itself');
  });

  it('rejects an unknown value kind', () => {
    const error = writeError(dict([['x', { kind: 'null' } as unknown as PlistValue]]));
    expect(error.reason).toContain('unsupported value kind "null"');
    expect(error.keyPath).toBe('x');
  });
});

const python = needTools('python3');
describe.skipIf(python.skip)('writer output in plistlib' + python.reason, () => {
  it('parses markup characters well-formed', () => {
    const value = dict([
      ['a<&>b', str('<tag attr="v">Tom & Jerry\'s</tag> ]]> &amp;')],
      ['q', array([str('"'), str("'"), str('>'), str('<'), str('&')])],
    ]);
    const text = writeXmlPlist(value);
    expect(plistlibCanonical(Buffer.from(text))).toEqual({
      dict: [
        ['a<&>b', { string: '<tag attr="v">Tom & Jerry\'s</tag> ]]> &amp;' }],
        ['q', { array: [{ string: '"' }, { string: "'" }, { string: '>' }, { string: '<' }, { string: '&' }] }],
      ],
    });
    expect(plistEqual(parseXmlPlistText(text).value, value)).toBe(true);
    expect(modelCanonical(value)).toEqual(plistlibCanonical(Buffer.from(text)));
  });
});
