import { describe, expect, it } from 'vitest';

import { dateInputText, matchesScalar, parseDataText, parseDateText, parseIntegerText, parseRealText, scalarText } from '../../../renderer/forms/fields/value-text.ts';

describe('parseIntegerText', () => {
  it('reads decimal, hex and large values', () => {
    expect(parseIntegerText('30')).toEqual({ ok: true, value: { kind: 'integer', value: 30n } });
    expect(parseIntegerText(' -7 ')).toEqual({ ok: true, value: { kind: 'integer', value: -7n } });
    expect(parseIntegerText('0x10')).toEqual({ ok: true, value: { kind: 'integer', value: 16n } });
    expect(parseIntegerText('18446744073709551615')).toEqual({ ok: true, value: { kind: 'integer', value: 18446744073709551615n } });
  });

  it('rejects non-integers with the text', () => {
    expect(parseIntegerText('1.5')).toEqual({ ok: false, error: '“1.5” is not a whole number; enter digits such as 30.' });
    expect(parseIntegerText('ten').ok).toBe(false);
  });
});

describe('parseRealText', () => {
  it('reads numbers', () => {
    expect(parseRealText('2592000')).toEqual({ ok: true, value: { kind: 'real', value: 2592000 } });
    expect(parseRealText('0.5')).toEqual({ ok: true, value: { kind: 'real', value: 0.5 } });
  });

  it('rejects text', () => {
    expect(parseRealText('abc')).toEqual({ ok: false, error: '“abc” is not a number; enter a value such as 1.5.' });
  });
});

describe('dates', () => {
  it('reads the input as UTC', () => {
    expect(parseDateText('2026-01-31T23:59:30')).toEqual({ ok: true, value: { kind: 'date', value: Date.UTC(2026, 0, 31, 23, 59, 30) } });
    expect(parseDateText('2026-01-31T23:59')).toEqual({ ok: true, value: { kind: 'date', value: Date.UTC(2026, 0, 31, 23, 59, 0) } });
  });

  it('formats for the input in UTC', () => {
    expect(dateInputText(Date.UTC(2014, 1, 23, 9, 21, 6, 34))).toBe('2014-02-23T09:21:06');
  });
});

describe('parseDataText', () => {
  it('decodes base64', () => {
    expect(parseDataText('AAH+/w==')).toEqual({ ok: true, value: { kind: 'data', value: new Uint8Array([0, 1, 0xfe, 0xff]) } });
  });

  it('rejects other characters', () => {
    expect(parseDataText('not base64!').ok).toBe(false);
  });
});

describe('scalarText and matchesScalar', () => {
  it('shows values as inputs do', () => {
    expect(scalarText({ kind: 'data', value: new Uint8Array([0, 1, 0xfe, 0xff]) })).toBe('AAH+/w==');
    expect(scalarText({ kind: 'integer', value: -3n })).toBe('-3');
  });

  it('compares across integer and real', () => {
    expect(matchesScalar({ kind: 'integer', value: 5n }, 5)).toBe(true);
    expect(matchesScalar({ kind: 'integer', value: 5n }, 5.5)).toBe(false);
    expect(matchesScalar({ kind: 'string', value: 'System' }, 'System')).toBe(true);
    expect(matchesScalar({ kind: 'boolean', value: true }, 'true')).toBe(false);
  });
});
