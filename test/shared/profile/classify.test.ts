import { describe, expect, it } from 'vitest';
import { array, bool, dict, int, str } from '../../../shared/plist/model.ts';
import { classifyPlist } from '../../../shared/profile/classify.ts';

describe('classifyPlist', () => {
  it('classifies a Configuration root as a profile', () => {
    expect(classifyPlist(dict([['PayloadType', str('Configuration')], ['PayloadContent', array([])]]))).toBe('profile');
  });

  it('classifies a Profile Service root as a profile', () => {
    expect(classifyPlist(dict([['PayloadType', str('Profile Service')], ['PayloadContent', dict([['URL', str('https://127.0.0.1/')]])]]))).toBe('profile');
  });

  it('classifies a wrong root type with payloads as a profile', () => {
    const root = dict([['PayloadType', str('NotConfiguration')], ['PayloadIdentifier', str('a.b')], ['PayloadContent', array([])]]);
    expect(classifyPlist(root)).toBe('profile');
  });

  it('classifies lower-cased profile keys as a profile', () => {
    expect(classifyPlist(dict([['payloadidentifier', str('a')], ['payloadcontent', array([])]]))).toBe('profile');
  });

  it('classifies installation facts as a stub', () => {
    const root = dict([['PayloadType', str('Configuration')], ['ProfileWasSigned', bool(true)], ['ProfileTrustLevel', int(2)]]);
    expect(classifyPlist(root)).toBe('stub');
  });

  it('classifies other plists as plist', () => {
    expect(classifyPlist(dict([['Dock Payload', dict([])]]))).toBe('plist');
    expect(classifyPlist(array([]))).toBe('plist');
  });
});
