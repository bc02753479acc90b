import { describe, expect, it } from 'vitest';

import { array, dict, int, str, type PlistValue } from '../../../../shared/plist/model.ts';
import { deleteAt, formatKeyPath, getAt, insertItemAt, KeyPathError, moveItemAt, renameKeyAt, setAt } from '../../../../shared/profile/edit/paths.ts';

const profile = (): PlistValue =>
  dict([
    ['PayloadContent', array([dict([['PayloadType', str('com.apple.wifi.managed')], ['SSID_STR', str('Office')]]), dict([['PayloadType', str('com.apple.dnsSettings.managed')]])])],
    ['PayloadVersion', int(1)],
  ]);

describe('formatKeyPath', () => {
  it('joins keys and indices', () => {
    expect(formatKeyPath(['PayloadContent', 1, 'PayloadUUID'])).toBe('PayloadContent[1].PayloadUUID');
    expect(formatKeyPath([])).toBe('');
  });
});

describe('getAt', () => {
  it('follows keys and indices', () => {
    expect(getAt(profile(), ['PayloadContent', 0, 'SSID_STR'])).toEqual(str('Office'));
  });

  it('returns undefined for missing steps', () => {
    expect(getAt(profile(), ['PayloadContent', 5, 'SSID_STR'])).toBeUndefined();
    expect(getAt(profile(), ['PayloadVersion', 'x'])).toBeUndefined();
  });
});

describe('setAt', () => {
  it('replaces in place and keeps order', () => {
    const next = setAt(profile(), ['PayloadContent', 0, 'SSID_STR'], str('Guest'));
    expect(getAt(next, ['PayloadContent', 0])).toEqual(dict([['PayloadType', str('com.apple.wifi.managed')], ['SSID_STR', str('Guest')]]));
  });

  it('appends a missing key', () => {
    const next = setAt(profile(), ['PayloadContent', 1, 'ServerAddresses'], array([str('1.1.1.1')]));
    const payload = getAt(next, ['PayloadContent', 1]);
    expect(payload?.kind === 'dict' && payload.entries.map((e) => e.key)).toEqual(['PayloadType', 'ServerAddresses']);
  });

  it('leaves the original untouched', () => {
    const before = profile();
    setAt(before, ['PayloadVersion'], int(2));
    expect(getAt(before, ['PayloadVersion'])).toEqual(int(1));
  });

  it('shares untouched branches', () => {
    const before = profile();
    const next = setAt(before, ['PayloadContent', 0, 'SSID_STR'], str('Guest'));
    expect(getAt(next, ['PayloadContent', 1])).toBe(getAt(before, ['PayloadContent', 1]));
  });

  it('rejects a missing intermediate key', () => {
    expect(() => setAt(profile(), ['Missing', 'Key'], str('x'))).toThrow(new KeyPathError(['Missing'], 'the key is missing'));
    expect(() => setAt(profile(), ['Missing', 'Key'], str('x'))).toThrow('Cannot edit Missing: the key is missing.');
  });

  it('rejects indexing a dictionary', () => {
    expect(() => setAt(profile(), ['PayloadVersion', 0], str('x'))).toThrow('Cannot edit PayloadVersion: expected an array, found integer.');
  });
});

describe('deleteAt', () => {
  it('removes keys and items', () => {
    const withoutItem = deleteAt(profile(), ['PayloadContent', 0]);
    expect(getAt(withoutItem, ['PayloadContent', 0, 'PayloadType'])).toEqual(str('com.apple.dnsSettings.managed'));
    const withoutKey = deleteAt(profile(), ['PayloadVersion']);
    expect(getAt(withoutKey, ['PayloadVersion'])).toBeUndefined();
  });
});

describe('renameKeyAt', () => {
  it('keeps the value and place', () => {
    const next = renameKeyAt(profile(), ['PayloadContent', 0], 'SSID_STR', 'SSID');
    const payload = getAt(next, ['PayloadContent', 0]);
    expect(payload?.kind === 'dict' && payload.entries.map((e) => e.key)).toEqual(['PayloadType', 'SSID']);
    expect(getAt(next, ['PayloadContent', 0, 'SSID'])).toEqual(str('Office'));
  });

  it('rejects a name in use', () => {
    expect(() => renameKeyAt(profile(), ['PayloadContent', 0], 'SSID_STR', 'PayloadType')).toThrow(
      'Cannot edit PayloadContent[0].PayloadType: the key already exists.',
    );
  });
});

describe('moveItemAt and insertItemAt', () => {
  it('reorders items', () => {
    const next = moveItemAt(profile(), ['PayloadContent'], 1, 0);
    expect(getAt(next, ['PayloadContent', 0, 'PayloadType'])).toEqual(str('com.apple.dnsSettings.managed'));
  });

  it('inserts at an index', () => {
    const next = insertItemAt(profile(), ['PayloadContent'], dict([]), 1);
    expect(getAt(next, ['PayloadContent', 1])).toEqual(dict([]));
    expect(getAt(next, ['PayloadContent', 2, 'PayloadType'])).toEqual(str('com.apple.dnsSettings.managed'));
  });
});
