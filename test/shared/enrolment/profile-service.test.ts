import { describe, expect, it } from 'vitest';

import { buildEnrolmentProfile, readEnrolmentProfile } from '../../../shared/enrolment/profile-service.ts';
import { EnrolmentError } from '../../../shared/enrolment/errors.ts';
import { readPlist, writePlist } from '../../../shared/plist/index.ts';
import { dict, str } from '../../../shared/plist/model.ts';
import { needTools } from '../../support/environment.ts';
import { plistlibCanonical } from '../../support/plist-oracle.ts';

const UUID = '0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0';
const python = needTools('python3');

describe('enrolment profile builder', () => {
  describe.skipIf(python.skip)('against plistlib' + python.reason, () => {
    it('writes the Profile Service layout', () => {
      const profile = buildEnrolmentProfile({
        url: 'http://127.0.0.1:8080/enrol',
        attributes: ['UDID', 'PRODUCT', 'IMEI'],
        challenge: 'abc123',
        identifier: 'com.example.enrolment',
        uuid: UUID.toLowerCase(),
        displayName: 'Enrol this device',
        description: 'Registers the device',
        organization: 'Example',
      });

      expect(plistlibCanonical(writePlist(profile, 'xml'))).toEqual({
        dict: [
          [
            'PayloadContent',
            {
              dict: [
                ['URL', { string: 'http://127.0.0.1:8080/enrol' }],
                ['DeviceAttributes', { array: [{ string: 'UDID' }, { string: 'PRODUCT' }, { string: 'IMEI' }] }],
                ['Challenge', { string: 'abc123' }],
              ],
            },
          ],
          ['PayloadOrganization', { string: 'Example' }],
          ['PayloadDisplayName', { string: 'Enrol this device' }],
          ['PayloadDescription', { string: 'Registers the device' }],
          ['PayloadVersion', { int: '1' }],
          ['PayloadUUID', { string: UUID }],
          ['PayloadIdentifier', { string: 'com.example.enrolment' }],
          ['PayloadType', { string: 'Profile Service' }],
        ],
      });
    });

    it('writes a data challenge as data', () => {
      const profile = buildEnrolmentProfile({ url: 'https://mdm.example/enrol', challenge: Uint8Array.of(1, 2, 3), identifier: 'com.example.e', uuid: UUID });
      const canonical = plistlibCanonical(writePlist(profile, 'binary')) as { dict: [string, { dict?: [string, unknown][] }][] };
      const content = canonical.dict.find(([key]) => key === 'PayloadContent')?.[1].dict;
      expect(content).toContainEqual(['Challenge', { data: 'AQID' }]);
      expect(content).toContainEqual(['DeviceAttributes', { array: [{ string: 'UDID' }, { string: 'VERSION' }, { string: 'PRODUCT' }, { string: 'SERIAL' }] }]);
    });
  });

  it('leaves out an absent challenge', () => {
    const profile = buildEnrolmentProfile({ url: 'http://127.0.0.1/e', identifier: 'com.example.e', uuid: UUID });
    const request = readEnrolmentProfile(profile);
    expect(request.challenge).toBeUndefined();
    expect(request.url).toBe('http://127.0.0.1/e');
  });

  it.each([
    ['ftp URL', { url: 'ftp://127.0.0.1/e' }, 'URL'],
    ['URL with spaces', { url: 'http://a b/' }, 'URL'],
    ['unknown attribute', { attributes: ['UDID', 'COLOR'] }, 'DeviceAttributes[1]'],
    ['repeated attribute', { attributes: ['UDID', 'UDID'] }, 'DeviceAttributes[1]'],
    ['no attributes', { attributes: [] }, 'DeviceAttributes'],
    ['empty challenge', { challenge: '' }, 'Challenge'],
    ['bad identifier', { identifier: 'enrolment' }, 'PayloadIdentifier'],
    ['bad UUID', { uuid: 'xxxxxasdfaf' }, 'PayloadUUID'],
  ])('rejects %s', (_name, change, field) => {
    const options = { url: 'http://127.0.0.1/e', identifier: 'com.example.e', uuid: UUID, ...change };
    let caught: unknown;
    try {
      buildEnrolmentProfile(options);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EnrolmentError);
    expect((caught as EnrolmentError).field).toBe(field);
  });
});

describe('enrolment profile reader', () => {
  it('reads a profile from the field', () => {
    // Shape of a public Profile Service profile: URL and DeviceAttributes only, no challenge.
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0"><dict>
<key>PayloadContent</key><dict><key>URL</key><string>http://127.0.0.1:9000/tools/udid</string>
<key>DeviceAttributes</key><array><string>UDID</string><string>IMEI</string></array></dict>
<key>PayloadType</key><string>Profile Service</string></dict></plist>`;
    const request = readEnrolmentProfile(readPlist(new TextEncoder().encode(xml)).value);
    expect(request).toEqual({ url: 'http://127.0.0.1:9000/tools/udid', attributes: ['UDID', 'IMEI'] });
  });

  it('rejects a configuration profile', () => {
    expect(() => readEnrolmentProfile(dict([['PayloadType', str('Configuration')]]), 'x.mobileconfig')).toThrow('x.mobileconfig: PayloadType is "Configuration", expected "Profile Service"');
  });

  it('rejects a missing URL', () => {
    const value = dict([
      ['PayloadType', str('Profile Service')],
      ['PayloadContent', dict([])],
    ]);
    expect(() => readEnrolmentProfile(value)).toThrow(/URL is missing/);
  });
});
