import { describe, expect, it } from 'vitest';

import { convertValue } from '../../../renderer/forms/fields/RawValueEditor.tsx';

describe('convertValue', () => {
  it('carries numbers and text over', () => {
    expect(convertValue({ kind: 'string', value: '42' }, 'integer')).toEqual({ kind: 'integer', value: 42n });
    expect(convertValue({ kind: 'integer', value: 7n }, 'string')).toEqual({ kind: 'string', value: '7' });
    expect(convertValue({ kind: 'integer', value: 1n }, 'boolean')).toEqual({ kind: 'boolean', value: true });
    expect(convertValue({ kind: 'boolean', value: false }, 'integer')).toEqual({ kind: 'integer', value: 0n });
    expect(convertValue({ kind: 'string', value: '2.5' }, 'real')).toEqual({ kind: 'real', value: 2.5 });
  });

  it('starts empty when nothing carries over', () => {
    expect(convertValue({ kind: 'string', value: 'abc' }, 'integer')).toEqual({ kind: 'integer', value: 0n });
    expect(convertValue({ kind: 'string', value: 'abc' }, 'dict')).toEqual({ kind: 'dict', entries: [] });
  });

  it('keeps the value of the same kind', () => {
    const value = { kind: 'array', items: [] } as const;
    expect(convertValue(value, 'array')).toBe(value);
  });
});
