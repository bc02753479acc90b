import { describe, expect, it } from 'vitest';
import { array, data, dict, int, real, str } from '../../../shared/plist/model.ts';
import { diffPlists } from '../../../shared/profile/diff.ts';

const wifi = (uuid: string, ssid: string) =>
  dict([
    ['PayloadType', str('com.apple.wifi.managed')],
    ['PayloadUUID', str(uuid)],
    ['SSID_STR', str(ssid)],
  ]);

describe('diffPlists', () => {
  it('reports nothing for equal documents in another key order', () => {
    const a = dict([['A', int(1)], ['B', str('x')]]);
    const b = dict([['B', str('x')], ['A', int(1)]]);
    expect(diffPlists(a, b)).toEqual([]);
  });

  it('reports a type change from integer to real', () => {
    const changes = diffPlists(dict([['PayloadVersion', int(1)]]), dict([['PayloadVersion', real(1)]]));
    expect(changes).toEqual([{ change: 'changed', path: 'PayloadVersion', oldType: 'integer', newType: 'real', oldValue: 1, newValue: 1 }]);
  });

  it('reports added and removed keys with their types', () => {
    const changes = diffPlists(dict([['Old', str('a')]]), dict([['New', data(new Uint8Array(3))]]));
    expect(changes).toEqual([
      { change: 'removed', path: 'Old', oldType: 'string', oldValue: 'a' },
      { change: 'added', path: 'New', newType: 'data', newValue: { bytes: 3 } },
    ]);
  });

  it('matches payloads by UUID when reordered', () => {
    const a = dict([['PayloadContent', array([wifi('U1', 'one'), wifi('U2', 'two')])]]);
    const b = dict([['PayloadContent', array([wifi('U2', 'two'), wifi('U1', 'uno')])]]);
    expect(diffPlists(a, b)).toEqual([
      { change: 'changed', path: 'PayloadContent[0].SSID_STR', oldType: 'string', newType: 'string', oldValue: 'one', newValue: 'uno' },
    ]);
  });

  it('reports an added payload at its new index', () => {
    const a = dict([['PayloadContent', array([wifi('U1', 'one')])]]);
    const b = dict([['PayloadContent', array([wifi('U1', 'one'), wifi('U3', 'three')])]]);
    expect(diffPlists(a, b)).toEqual([
      { change: 'added', path: 'PayloadContent[1]', newType: 'dict', newValue: { PayloadType: 'com.apple.wifi.managed', PayloadUUID: 'U3' } },
    ]);
  });

  it('compares plain arrays by index', () => {
    const changes = diffPlists(dict([['L', array([str('a'), str('b')])]]), dict([['L', array([str('a')])]]));
    expect(changes).toEqual([{ change: 'removed', path: 'L[1]', oldType: 'string', oldValue: 'b' }]);
  });

  it('keeps integers beyond 2^53 exact as strings', () => {
    const changes = diffPlists(dict([['N', int(2n ** 64n - 1n)]]), dict([['N', int(2n ** 64n - 2n)]]));
    expect(changes[0].oldValue).toBe('18446744073709551615');
    expect(changes[0].newValue).toBe('18446744073709551614');
  });
});
