import { describe, expect, it } from 'vitest';

import { buildDeviceAttributes, describeDeviceAttributesResponse, parseDeviceAttributes } from '../../../shared/enrolment/device-response.ts';
import { deviceIdOf } from '../../../shared/enrolment/device-attributes.ts';
import { EnrolmentError } from '../../../shared/enrolment/errors.ts';
import { readPlist } from '../../../shared/plist/index.ts';
import { array, data, dict, int, str } from '../../../shared/plist/model.ts';

// A phase-1 response in the shape Apple's over-the-air documentation shows.
const RESPONSE_XML = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>CHALLENGE</key><string>signed-challenge</string>
  <key>IMEI</key><string>01 234567 890123 4</string>
  <key>PRODUCT</key><string>iPhone15,2</string>
  <key>UDID</key><string>00008120-000A1B2C3D4E5F60</string>
  <key>VERSION</key><string>21E236</string>
</dict>
</plist>`;

describe('device attribute response', () => {
  it('parses attributes and challenge', () => {
    const response = parseDeviceAttributes(readPlist(new TextEncoder().encode(RESPONSE_XML)).value);
    expect(response.attributes).toEqual({ IMEI: '01 234567 890123 4', PRODUCT: 'iPhone15,2', UDID: '00008120-000A1B2C3D4E5F60', VERSION: '21E236' });
    expect(response.challenge).toBe('signed-challenge');
    expect(response.unknownKeys).toEqual([]);
  });

  it('keeps unknown string keys', () => {
    const response = parseDeviceAttributes(dict([['UDID', str('1')], ['FOO', str('x')]]));
    expect(response.unknownKeys).toEqual(['FOO']);
    expect(response.attributes.FOO).toBe('x');
  });

  it('accepts a data challenge', () => {
    const response = parseDeviceAttributes(dict([['UDID', str('1')], ['CHALLENGE', data(Uint8Array.of(9))]]));
    expect(response.challenge).toEqual(Uint8Array.of(9));
  });

  it.each([
    ['array root', array([]), 'root'],
    ['integer attribute', dict([['UDID', int(5)]]), 'UDID'],
    ['integer challenge', dict([['CHALLENGE', int(5)]]), 'CHALLENGE'],
    ['long value', dict([['UDID', str('x'.repeat(1025))]]), 'UDID'],
    ['too many entries', dict(Array.from({ length: 65 }, (_, i) => [`K${i}`, str('v')] as const)), 'root'],
  ])('rejects %s', (_name, value, field) => {
    let caught: unknown;
    try {
      parseDeviceAttributes(value, 'response.plist');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EnrolmentError);
    expect((caught as EnrolmentError).field).toBe(field);
    expect((caught as EnrolmentError).message).toMatch(/^response\.plist: /);
  });

  it('builds what it parses', () => {
    const built = buildDeviceAttributes({ UDID: 'u', PRODUCT: 'iPad13,1' }, 'c');
    expect(built.entries.map((entry) => entry.key)).toEqual(['UDID', 'PRODUCT', 'CHALLENGE']);
    expect(parseDeviceAttributes(built)).toEqual({ attributes: { UDID: 'u', PRODUCT: 'iPad13,1' }, challenge: 'c', unknownKeys: [] });
  });
});

describe('device id', () => {
  it('prefers UDID, then SERIAL, IMEI, MEID', () => {
    expect(deviceIdOf({ SERIAL: 's', UDID: 'u' })).toBe('u');
    expect(deviceIdOf({ IMEI: 'i', SERIAL: 's' })).toBe('s');
    expect(deviceIdOf({ MEID: 'm', IMEI: 'i' })).toBe('i');
    expect(deviceIdOf({ MEID: 'm' })).toBe('m');
  });

  it('skips blank values', () => {
    expect(deviceIdOf({ UDID: '  ', SERIAL: 's' })).toBe('s');
    expect(deviceIdOf({ PRODUCT: 'iPhone15,2' })).toBeUndefined();
  });
});

describe('inspector description', () => {
  it('describes a response without the challenge value', () => {
    const description = describeDeviceAttributesResponse(readPlist(new TextEncoder().encode(RESPONSE_XML)).value);
    expect(description?.deviceId).toBe('00008120-000A1B2C3D4E5F60');
    expect(description?.challenge).toBe('string');
    expect(description?.attributes.map((attribute) => attribute.name)).toEqual(['IMEI', 'PRODUCT', 'UDID', 'VERSION']);
    expect(description?.attributes.find((attribute) => attribute.name === 'PRODUCT')?.label).toMatch(/Model identifier/);
    expect(JSON.stringify(description)).not.toContain('signed-challenge');
  });

  it.each([
    ['a profile', dict([['PayloadType', str('Configuration')], ['UDID', str('x')]])],
    ['lower-case keys', dict([['udid', str('x')]])],
    ['no identifying key', dict([['DEVICE_NAME', str('x')]])],
    ['non-string values', dict([['UDID', array([])]])],
    ['an empty dictionary', dict([])],
    ['a string', str('UDID')],
  ])('ignores %s', (_name, value) => {
    expect(describeDeviceAttributesResponse(value)).toBeNull();
  });
});
