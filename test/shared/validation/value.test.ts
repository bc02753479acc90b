// Value checks against a test payload schema: types, allowed values, ranges, formats, hints,
// item counts, empty values and secrets, with the fixes offered.

import { describe, expect, it } from 'vitest';
import { array, bool, data, date, dict, int, real, str, uid, type PlistValue } from '../../../shared/plist/model.ts';
import { BUILTIN_SCHEMAS } from '../../../shared/schema/builtin/index.ts';
import type { KeySchema, PayloadSchema } from '../../../shared/schema/model.ts';
import { SchemaRegistry } from '../../../shared/schema/registry.ts';
import { validateProfile } from '../../../shared/validation/index.ts';
import type { Diagnostic } from '../../../shared/validation/diagnostic.ts';
import { profileDict } from './fixtures.ts';

const TEST_TYPE = 'com.example.test';

function key(name: string, extra: Partial<KeySchema>): KeySchema {
  return { name, type: 'string', presence: 'optional', ...extra };
}

const testSchema: PayloadSchema = {
  id: TEST_TYPE,
  payloadType: TEST_TYPE,
  title: 'Test',
  role: 'payload',
  origin: { kind: 'builtin' },
  keys: [
    key('Flag', { type: 'boolean' }),
    key('Count', { type: 'integer', range: { min: 1, max: 10 } }),
    key('Timer', { type: 'integer', rangeList: [0], range: { min: 5, max: 60 } }),
    key('Level', { type: 'integer', rangeList: [1, 2, 3] }),
    key('Ratio', { type: 'real', range: { min: 0, max: 1 } }),
    key('Cookies', { type: 'real', rangeList: [0, 1, 1.5, 2] }),
    key('Mode', { rangeList: ['Auto', 'Manual'] }),
    key('Code', { format: '^[0-9]{6}$' }),
    key('Link', { hint: 'url' }),
    key('Host', { hint: 'hostname' }),
    key('Mail', { hint: 'email' }),
    key('Zone', { hint: 'domain' }),
    key('Tag', { hint: 'uuid' }),
    key('Name', { presence: 'required' }),
    key('Secret', { sensitive: true }),
    key('Blob', { type: 'data', sensitive: true }),
    key('When', { type: 'date' }),
    key('Anything', { type: 'any' }),
    key('Pair', { type: 'array', repetition: { min: 2, max: 2 }, items: key('Part', {}) }),
    key('Either', { otherTypes: ['data'] }),
    key('Nested', { type: 'dictionary', subkeys: [key('Inner', { type: 'integer' })] }),
    key('Map', { type: 'dictionary', anyKey: key('Value', { type: 'boolean' }) }),
    key('Free', { type: 'dictionary' }),
  ],
};

const registry = new SchemaRegistry([...BUILTIN_SCHEMAS.filter((s) => s.role !== 'payload'), testSchema]);

/** Validates a profile holding one test payload with `entries` besides its identity keys and `Name`. */
function check(entries: [string, PlistValue][], options: { strict?: boolean; willEncrypt?: boolean } = {}): Diagnostic[] {
  const payload = dict([
    ['PayloadIdentifier', str('com.example.test.payload')],
    ['PayloadType', str(TEST_TYPE)],
    ['PayloadUUID', str('11111111-2222-4333-8444-555555555555')],
    ['PayloadVersion', int(1)],
    ...(entries.some(([name]) => name === 'Name') ? [] : [['Name', str('n')] as [string, PlistValue]]),
    ...entries,
  ]);
  return validateProfile(profileDict([payload]), { schemas: registry, ...options });
}

function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.severity} ${d.code} ${d.path}`);
}

const P = 'PayloadContent[0]';

describe('value types', () => {
  it('accepts matching types', () => {
    expect(check([['Flag', bool(true)], ['Count', int(3)], ['Ratio', real(0.5)], ['When', date(0)], ['Blob', data(new Uint8Array())], ['Anything', uid(3)]])).toEqual([]);
  });

  it('accepts an integer for a real', () => {
    expect(check([['Ratio', int(1)]])).toEqual([]);
  });

  it('integer 0 or 1 for a boolean', () => {
    const warning = check([['Flag', int(0)]]);
    expect(codes(warning)).toEqual([`warning boolean-as-integer ${P}.Flag`]);
    expect(warning[0].fix).toMatchObject({ kind: 'coerce-boolean', value: { kind: 'boolean', value: false } });
    expect(codes(check([['Flag', int(1)]], { strict: true }))).toEqual([`error boolean-as-integer ${P}.Flag`]);
  });

  it('integer 2 for a boolean', () => {
    const diagnostics = check([['Flag', int(2)]]);
    expect(codes(diagnostics)).toEqual([`error wrong-type ${P}.Flag`]);
    expect(diagnostics[0].fix).toBeUndefined();
  });

  it('string true for a boolean', () => {
    const diagnostics = check([['Flag', str('TRUE')]]);
    expect(codes(diagnostics)).toEqual([`error wrong-type ${P}.Flag`]);
    expect(diagnostics[0].fix).toMatchObject({ kind: 'set-value', value: { kind: 'boolean', value: true } });
  });

  it('real 3 for an integer', () => {
    const diagnostics = check([['Count', real(3)]]);
    expect(diagnostics[0].message).toBe('`Count` must be an integer, but it is a real; replace it with <integer>3</integer>.');
    expect(diagnostics[0].fix).toMatchObject({ kind: 'set-value', value: { kind: 'integer', value: 3n } });
  });

  it('real 2.5 for an integer', () => {
    expect(check([['Count', real(2.5)]])[0].fix).toBeUndefined();
  });

  it('string for data with base64 fix', () => {
    const diagnostics = check([['Blob', str('AAEC')]], { willEncrypt: true });
    expect(codes(diagnostics)).toEqual([`error wrong-type ${P}.Blob`]);
    expect(diagnostics[0].fix).toMatchObject({ kind: 'set-value', value: { kind: 'data', value: new Uint8Array([0, 1, 2]) } });
  });

  it('second accepted type', () => {
    expect(check([['Either', data(new Uint8Array([1]))]])).toEqual([]);
    expect(codes(check([['Either', int(1)]]))).toEqual([`error wrong-type ${P}.Either`]);
  });

  it('UID where a string belongs', () => {
    expect(check([['Mode', uid(1)]])[0].message).toContain('a UID');
  });
});

describe('allowed values and ranges', () => {
  it('string outside the list', () => {
    const diagnostics = check([['Mode', str('Off')]]);
    expect(codes(diagnostics)).toEqual([`error value-not-allowed ${P}.Mode`]);
    expect(diagnostics[0].message).toBe("`Mode` is 'Off', which is not allowed; use one of 'Auto', 'Manual'.");
    expect(diagnostics[0].fix).toBeUndefined();
  });

  it('string differing in case', () => {
    const diagnostics = check([['Mode', str('auto')]]);
    expect(diagnostics[0].fix).toMatchObject({ kind: 'set-value', value: { kind: 'string', value: 'Auto' } });
  });

  it('integer list', () => {
    expect(check([['Level', int(2)]])).toEqual([]);
    expect(codes(check([['Level', int(4)]]))).toEqual([`error value-not-allowed ${P}.Level`]);
  });

  it('integer range bounds', () => {
    expect(check([['Count', int(1)]])).toEqual([]);
    expect(check([['Count', int(10)]])).toEqual([]);
    expect(codes(check([['Count', int(0)]]))).toEqual([`error out-of-range ${P}.Count`]);
    expect(codes(check([['Count', int(11)]]))).toEqual([`error out-of-range ${P}.Count`]);
  });

  it('huge integer outside range', () => {
    expect(codes(check([['Count', int(2n ** 70n)]]))).toEqual([`error out-of-range ${P}.Count`]);
  });

  it('list value outside range', () => {
    expect(check([['Timer', int(0)]])).toEqual([]);
    const diagnostics = check([['Timer', int(3)]]);
    expect(diagnostics[0].message).toBe('`Timer` is 3, outside the allowed range 5 to 60 or one of 0.');
  });

  it('real range and list', () => {
    expect(codes(check([['Ratio', real(1.5)]]))).toEqual([`error out-of-range ${P}.Ratio`]);
    expect(check([['Cookies', real(1.5)]])).toEqual([]);
    expect(check([['Cookies', int(2)]])).toEqual([]);
    expect(codes(check([['Cookies', real(0.5)]]))).toEqual([`error value-not-allowed ${P}.Cookies`]);
  });
});

describe('string content', () => {
  it('format not checked on long values', () => {
    const findings = check([['Code', str('1'.repeat(5000))]]);
    expect(codes(findings)).toEqual([`warning format-not-checked ${P}.Code`]);
    expect(findings[0].message).toContain('5,000 characters');
    expect(check([['Code', str('1'.repeat(4096))]])).toEqual([expect.objectContaining({ code: 'format-mismatch' })]);
  });

  it('format', () => {
    expect(check([['Code', str('123456')]])).toEqual([]);
    expect(codes(check([['Code', str('12345')]]))).toEqual([`error format-mismatch ${P}.Code`]);
  });

  it('value hints', () => {
    expect(check([['Link', str('https://example.com/x')], ['Host', str('proxy.example.com')], ['Mail', str('a@example.com')], ['Zone', str('example.com')], ['Tag', str('6D2F6A5B-9C1E-4E38-9A7B-3A1C5E0F2B11')]])).toEqual([]);
    expect(codes(check([['Link', str('example.com/x')], ['Host', str('proxy example')], ['Mail', str('nobody')], ['Zone', str('-bad-.com')], ['Tag', str('not-a-uuid')]]))).toEqual([
      `error invalid-url ${P}.Link`,
      `error invalid-hostname ${P}.Host`,
      `error invalid-email ${P}.Mail`,
      `error invalid-domain ${P}.Zone`,
      `error not-a-uuid ${P}.Tag`,
    ]);
  });

  it('empty required string', () => {
    const diagnostics = check([['Name', str('')]]);
    expect(codes(diagnostics)).toEqual([`error empty-value ${P}.Name`]);
    expect(diagnostics[0].message).toBe('`Name` is empty; fill in a value, because the key is required.');
  });

  it('empty string with a hint', () => {
    expect(codes(check([['Tag', str('')]]))).toEqual([`error empty-value ${P}.Tag`]);
  });

  it('empty optional plain string', () => {
    expect(check([['Secret', str('')]])).toEqual([]);
  });
});

describe('arrays, dictionaries and secrets', () => {
  it('item count', () => {
    expect(check([['Pair', array([str('a'), str('b')])]])).toEqual([]);
    expect(codes(check([['Pair', array([str('a')])]]))).toEqual([`error too-few-items ${P}.Pair`]);
    expect(codes(check([['Pair', array([str('a'), str('b'), str('c')])]]))).toEqual([`error too-many-items ${P}.Pair`]);
  });

  it('items are checked', () => {
    expect(codes(check([['Pair', array([str('a'), int(2)])]]))).toEqual([`error wrong-type ${P}.Pair[1]`]);
  });

  it('nested and free-form dictionaries', () => {
    expect(codes(check([['Nested', dict([['Inner', str('x')]])]]))).toEqual([`error wrong-type ${P}.Nested.Inner`]);
    expect(codes(check([['Map', dict([['a.b.c', bool(true)], ['d', str('no')]])]]))).toEqual([`error wrong-type ${P}.Map.d`]);
    expect(check([['Free', dict([['anything', str('goes')]])]])).toEqual([]);
  });

  it('secret in clear', () => {
    expect(codes(check([['Secret', str('hunter2')], ['Blob', data(new Uint8Array([1]))]]))).toEqual([`info sensitive-value-unencrypted ${P}.Secret`, `info sensitive-value-unencrypted ${P}.Blob`]);
  });

  it('secret in a profile to be encrypted', () => {
    expect(check([['Secret', str('hunter2')]], { willEncrypt: true })).toEqual([]);
  });
});
