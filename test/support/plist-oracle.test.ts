// Checks the oracle itself against values written out by hand, so that a comparison through
// it cannot pass because both sides share a mistake.

import { describe, expect, it } from 'vitest';

import { array, bool, data, date, dict, int, real, str, uid } from '../../shared/plist/model.ts';
import { needTools } from './environment.ts';
import { modelCanonical, plistlibCanonical, plistlibCanonicalMany, plistlibDumps, plistutilConvert, PlistlibRejection } from './plist-oracle.ts';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0">
<dict>
	<key>s</key><string>caf\u00e9</string>
	<key>i</key><integer>-9223372036854775808</integer>
	<key>u</key><integer>18446744073709551615</integer>
	<key>r</key><real>1.0</real>
	<key>n</key><real>nan</real>
	<key>b</key><false/>
	<key>d</key><date>2014-02-23T09:21:06Z</date>
	<key>x</key><data>AAH/</data>
	<key>a</key><array><string>1</string></array>
</dict>
</plist>
`;

const EXPECTED = {
  dict: [
    ['s', { string: 'caf\u00e9' }],
    ['i', { int: '-9223372036854775808' }],
    ['u', { int: '18446744073709551615' }],
    ['r', { real: 1 }],
    ['n', { real: 'nan' }],
    ['b', { bool: false }],
    ['d', { date: '2014-02-23T09:21:06Z' }],
    ['x', { data: 'AAH/' }],
    ['a', { array: [{ string: '1' }] }],
  ],
};

const python = needTools('python3');
describe.skipIf(python.skip)('plistlib oracle' + python.reason, () => {
  it('tags every XML type', () => {
    expect(plistlibCanonical(Buffer.from(XML))).toEqual(EXPECTED);
  });

  it('reports a rejected document', () => {
    expect(() => plistlibCanonical(Buffer.from('<plist><dict><key>k</key></plist>'))).toThrow(PlistlibRejection);
    const [outcome] = plistlibCanonicalMany([Buffer.from('not a plist')]);
    expect(outcome.ok).toBe(false);
  });

  it('dumps binary with UID and fractional date', () => {
    const value = { dict: [['u', { uid: '7' }], ['d', { date: '2001-01-01T00:00:00.500000Z' }]] } as const;
    const bytes = plistlibDumps(value, 'binary');
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('bplist00');
    expect(plistlibCanonical(bytes)).toEqual(value);
  });
});

describe('model canonical form', () => {
  it('tags the same way as the Python half', () => {
    const value = dict([
      ['s', str('caf\u00e9')],
      ['i', int(-9223372036854775808n)],
      ['u', int(18446744073709551615n)],
      ['r', real(1)],
      ['n', real(NaN)],
      ['b', bool(false)],
      ['d', date(Date.UTC(2014, 1, 23, 9, 21, 6))],
      ['x', data(new Uint8Array([0, 1, 255]))],
      ['a', array([str('1')])],
    ]);
    expect(modelCanonical(value)).toEqual(EXPECTED);
  });

  it('keeps microseconds and UIDs', () => {
    expect(modelCanonical(date(978307200500))).toEqual({ date: '2001-01-01T00:00:00.500000Z' });
    expect(modelCanonical(uid(7))).toEqual({ uid: '7' });
    expect(modelCanonical(real(-Infinity))).toEqual({ real: '-inf' });
  });
});

const plistutil = needTools('plistutil');
describe.skipIf(plistutil.skip)('plistutil oracle' + plistutil.reason, () => {
  it('converts XML to binary and back', () => {
    const binary = plistutilConvert(Buffer.from('<plist><array><integer>42</integer></array></plist>'), 'bin');
    expect(binary.subarray(0, 8).toString('latin1')).toBe('bplist00');
    expect(plistutilConvert(binary, 'xml').toString('utf8')).toContain('<integer>42</integer>');
  });
});
