import { describe, expect, it } from 'vitest';

import type { KeySchema } from '../../../../shared/schema/model.ts';
import { emptyValueOf, initialValueFor, scalarToPlist } from '../../../../shared/profile/edit/defaults.ts';

describe('initialValueFor', () => {
  it('uses the default, then the first allowed value', () => {
    expect(initialValueFor({ name: 'TargetDeviceType', type: 'integer', presence: 'optional', default: 0, rangeList: [0, 1] })).toEqual({ kind: 'integer', value: 0n });
    expect(initialValueFor({ name: 'EncryptionType', type: 'string', presence: 'required', rangeList: ['WPA2', 'WEP'] })).toEqual({ kind: 'string', value: 'WPA2' });
    expect(initialValueFor({ name: 'AutoJoin', type: 'boolean', presence: 'optional', default: true })).toEqual({ kind: 'boolean', value: true });
  });

  it('fills required sub-keys of dictionaries', () => {
    const key: KeySchema = {
      name: 'Request',
      type: 'dictionary',
      presence: 'required',
      subkeys: [
        { name: 'URL', type: 'string', presence: 'required' },
        { name: 'Challenge', type: 'string', presence: 'optional' },
      ],
    };
    expect(initialValueFor(key)).toEqual({ kind: 'dict', entries: [{ key: 'URL', value: { kind: 'string', value: '' } }] });
  });
});

describe('scalarToPlist', () => {
  it('refuses values that do not fit the type', () => {
    expect(scalarToPlist(1.5, 'integer')).toBeNull();
    expect(scalarToPlist('yes', 'boolean')).toBeNull();
    expect(scalarToPlist('2026-01-01T00:00:00Z', 'date')).toEqual({ kind: 'date', value: Date.UTC(2026, 0, 1) });
  });
});

describe('emptyValueOf', () => {
  it('makes empty containers', () => {
    expect(emptyValueOf('array')).toEqual({ kind: 'array', items: [] });
    expect(emptyValueOf('dictionary')).toEqual({ kind: 'dict', entries: [] });
    expect(emptyValueOf('data')).toEqual({ kind: 'data', value: new Uint8Array() });
  });
});
