import { describe, expect, it } from 'vitest';

import { compareFiles } from '../../../renderer/inspect/compare.ts';
import { WIFI_PROFILE_XML } from '../../support/profile-fixtures.ts';

describe('compareFiles', () => {
  it('lists changed, removed and added keys', () => {
    const after = WIFI_PROFILE_XML.replace('<string>WPA2</string>', '<string>WPA3</string>').replace('\t\t\t<key>AutoJoin</key>\n\t\t\t<true/>\n', '').replace('<key>PayloadOrganization</key>', '<key>ConsentText</key>\n\t<string>OK</string>\n\t<key>PayloadOrganization</key>');
    const comparison = compareFiles({ name: 'a', xml: WIFI_PROFILE_XML }, { name: 'b', xml: after });
    expect(comparison).toEqual({
      ok: true,
      entries: [
        { change: 'removed', path: 'PayloadContent[0].AutoJoin', oldType: 'boolean', oldValue: true },
        { change: 'changed', path: 'PayloadContent[0].EncryptionType', oldType: 'string', newType: 'string', oldValue: 'WPA2', newValue: 'WPA3' },
        { change: 'added', path: 'ConsentText', newType: 'string', newValue: 'OK' },
      ],
    });
  });

  it('finds nothing between equal files', () => {
    expect(compareFiles({ name: 'a', xml: WIFI_PROFILE_XML }, { name: 'b', xml: WIFI_PROFILE_XML })).toEqual({ ok: true, entries: [] });
  });

  it('names the file that does not parse', () => {
    const comparison = compareFiles({ name: 'a.mobileconfig', xml: WIFI_PROFILE_XML }, { name: 'b.mobileconfig', xml: '<plist>' });
    expect(comparison.ok).toBe(false);
    expect(!comparison.ok && comparison.message).toMatch(/^The files cannot be compared: b\.mobileconfig/);
  });
});
