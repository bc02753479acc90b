// Apple's schema YAML into the model. Expected values are read off the YAML files in the corpus
// (apple/device-management at b6202ca, mdm/profiles) and written out here.

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAppleSchemaYaml } from '../../../shared/schema/apple-yaml.ts';
import { SchemaError } from '../../../shared/schema/errors.ts';
import type { KeySchema, PayloadSchema } from '../../../shared/schema/model.ts';
import { needCorpus } from '../../support/environment.ts';

const corpus = needCorpus();
const appleDir = path.join(corpus.dir, 'apple-device-management');

function loadApple(name: string): PayloadSchema {
  return loadAppleSchemaYaml(readFileSync(path.join(appleDir, name), 'utf8'), name);
}

function keyAt(keys: readonly KeySchema[] | undefined, ...names: string[]): KeySchema {
  let current: KeySchema | undefined;
  let list = keys;
  for (const name of names) {
    current = list?.find((k) => k.name === name);
    if (!current) throw new Error(`no key ${name} in ${names.join('.')}`);
    list = current.subkeys ?? current.items?.subkeys;
  }
  return current!;
}

describe.skipIf(corpus.skip)('loadAppleSchemaYaml on Apple files' + corpus.reason, () => {
  it('loads all 128 files', () => {
    const files = readdirSync(appleDir).filter((f) => f.endsWith('.yaml'));
    expect(files).toHaveLength(128);
    for (const file of files) {
      const schema = loadApple(file);
      expect(schema.payloadType.length).toBeGreaterThan(0);
      expect(() => JSON.stringify(schema)).not.toThrow();
    }
  });

  it('reads MDM payload facts', () => {
    const mdm = loadApple('com.apple.mdm.yaml');
    expect(mdm.id).toBe('com.apple.mdm');
    expect(mdm.payloadType).toBe('com.apple.mdm');
    expect(mdm.title).toBe('MDM');
    expect(mdm.role).toBe('payload');
    expect(mdm.origin).toEqual({ kind: 'apple-yaml', file: 'com.apple.mdm.yaml' });
    expect(mdm.supportedOS?.watchOS).toEqual({ introduced: '10.0', multiple: false, supervised: true, allowManualInstall: false });

    const identity = keyAt(mdm.keys, 'IdentityCertificateUUID');
    expect(identity.type).toBe('string');
    expect(identity.presence).toBe('required');
    expect(identity.format).toBe('^[0-9A-Za-z]{8}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{12}$');
    expect(identity.referencesPayload).toBe(true);

    expect(keyAt(mdm.keys, 'ServerURL').format).toBe('^https://.*$');
    expect(keyAt(mdm.keys, 'SignMessage').default).toBe(false);
    expect(keyAt(mdm.keys, 'ManagedAppleID').supportedOS?.iOS).toEqual({ introduced: '13.1', deprecated: '17.0', removed: '18.0', userEnrollment: { mode: 'required' } });
    expect(keyAt(mdm.keys, 'ManagedAppleID').supportedOS?.tvOS).toEqual({ unavailable: true });
    expect(keyAt(mdm.keys, 'ServerCapabilities').items?.rangeList).toEqual(['com.apple.mdm.per-user-connections', 'com.apple.mdm.bootstraptoken', 'com.apple.mdm.token']);
    expect(keyAt(mdm.keys, 'ServerURLPinningCertificateUUIDs').items?.referencesPayload).toBe(true);
  });

  it('reads TCC payload and nested identity keys', () => {
    const tcc = loadApple('com.apple.TCC.configuration-profile-policy.yaml');
    expect(tcc.supportedOS?.iOS).toEqual({ unavailable: true });
    expect(tcc.supportedOS?.macOS).toMatchObject({ introduced: '10.14', multiple: true, allowManualInstall: false, userApprovedMdm: true, userChannel: false });

    const files = keyAt(tcc.keys, 'Services', 'SystemPolicyAllFiles');
    expect(files.type).toBe('array');
    expect(files.items?.type).toBe('dictionary');
    const allowed = files.items?.subkeys?.find((k) => k.name === 'Allowed');
    expect(allowed).toMatchObject({ type: 'boolean', presence: 'required' });
    const identifierType = files.items?.subkeys?.find((k) => k.name === 'IdentifierType');
    expect(identifierType?.rangeList).toEqual(['bundleID', 'path']);
    expect(keyAt(tcc.keys, 'Services', 'SystemPolicyAppData').supportedOS).toEqual({ macOS: { introduced: '14.0' } });
  });

  it('puts repetition on the array', () => {
    const acme = loadApple('com.apple.security.acme.yaml');
    const subject = keyAt(acme.keys, 'Subject');
    const pair = subject.items?.items;
    expect(pair?.type).toBe('array');
    expect(pair?.repetition).toEqual({ min: 2, max: 2 });
    expect(pair?.items?.type).toBe('string');
  });

  it('keeps rangelist beside range', () => {
    const energy = loadApple('com.apple.MCX(EnergySaver).yaml');
    expect(energy.id).toBe('com.apple.MCX(EnergySaver)');
    expect(energy.payloadType).toBe('com.apple.MCX');
    const timer = keyAt(energy.keys, 'com.apple.EnergySaver.desktop.ACPower', 'Display Sleep Timer');
    expect(timer.rangeList).toEqual([0]);
    expect(timer.range).toEqual({ min: 1, max: 180 });
  });

  it('types defaults by the declared type', () => {
    const aim = loadApple('com.apple.AIM.account.yaml');
    const port = keyAt(aim.keys, 'AIMPort');
    expect(port.default).toBe(5190);
    expect(port.range).toEqual({ min: 0, max: 65535 });
    const proxy = loadApple('com.apple.proxy.http.global.yaml');
    expect(keyAt(proxy.keys, 'ProxyType').default).toBe('Manual');
    expect(keyAt(proxy.keys, 'ProxyServer').hint).toBe('hostname');
    const clip = loadApple('com.apple.webClip.managed.yaml');
    expect(keyAt(clip.keys, 'URL').hint).toBe('url');
  });

  it('turns ANY into anyKey', () => {
    const sysext = loadApple('com.apple.system-extension-policy.yaml');
    const allowed = keyAt(sysext.keys, 'AllowedSystemExtensions');
    expect(allowed.subkeys).toBeUndefined();
    expect(allowed.anyKey?.type).toBe('array');
    expect(allowed.anyKey?.items?.type).toBe('string');
  });

  it('names self-containing structures', () => {
    const layout = loadApple('com.apple.homescreenlayout.yaml');
    expect(Object.keys(layout.definitions ?? {})).toEqual(['IconItem']);
    const dock = keyAt(layout.keys, 'Dock');
    expect(dock.ref).toBe('IconItem');
    const icon = layout.definitions!.IconItem[0];
    expect(icon.type).toBe('dictionary');
    const folderPages = icon.subkeys?.find((k) => k.name === 'Pages');
    expect(folderPages?.items?.ref).toBe('IconItem');
    expect(JSON.parse(JSON.stringify(layout))).toEqual(layout);
  });

  it('reads introduced all and unquoted versions', () => {
    const loginwindow = loadApple('loginwindow.yaml');
    expect(keyAt(loginwindow.keys, 'DisableLoginItemsSuppression').supportedOS).toEqual({ macOS: {} });
    const sso = loadApple('com.apple.extensiblesso(kerberos).yaml');
    expect(sso.id).toBe('com.apple.extensiblesso(kerberos)');
    expect(sso.payloadType).toBe('com.apple.extensiblesso');
    const firewall = loadApple('com.apple.security.firewall.yaml');
    const versions = JSON.stringify(firewall.supportedOS);
    expect(versions).not.toContain('n/a');
  });

  it('marks secrets and references by name', () => {
    const wifi = loadApple('com.apple.wifi.managed.yaml');
    expect(keyAt(wifi.keys, 'Password').sensitive).toBe(true);
    expect(keyAt(wifi.keys, 'PayloadCertificateUUID').referencesPayload).toBe(true);
    expect(keyAt(wifi.keys, 'EAPClientConfiguration', 'PayloadCertificateAnchorUUID').items?.referencesPayload).toBe(true);
    expect(keyAt(wifi.keys, 'SSID_STR').sensitive).toBeUndefined();
    const vpn = loadApple('com.apple.vpn.managed.yaml');
    expect(keyAt(vpn.keys, 'IPSec', 'SharedSecret').sensitive).toBe(true);
    const appLayer = loadApple('com.apple.vpn.managed.applayer.yaml');
    expect(keyAt(appLayer.keys, 'VPNUUID').referencesPayload).toBeUndefined();
  });

  it('reads top level and common keys roles', () => {
    expect(loadApple('TopLevel.yaml').role).toBe('profile');
    expect(loadApple('CommonPayloadKeys.yaml').role).toBe('common');
    expect(keyAt(loadApple('TopLevel.yaml').keys, 'PayloadVersion').rangeList).toEqual([1]);
  });
});

describe('loadAppleSchemaYaml errors', () => {
  const header = 'title: T\npayload:\n  payloadtype: com.example.test\npayloadkeys:\n';

  function errorOf(text: string, file = 'bad.yaml'): SchemaError {
    try {
      loadAppleSchemaYaml(text, file);
    } catch (error) {
      if (error instanceof SchemaError) return error;
      throw error;
    }
    throw new Error('no SchemaError raised');
  }

  it('invalid YAML names file and line', () => {
    const error = errorOf('title: T\npayload:\n  payloadtype: a\n  payloadtype: b\n', 'folder/broken.yaml');
    expect(error.file).toBe('folder/broken.yaml');
    expect(error.line).toBe(4);
    expect(error.message).toMatch(/^folder\/broken\.yaml:4: invalid YAML/);
  });

  it('unclosed sequence', () => {
    expect(errorOf('title: T\npayload: [unclosed\n').reason).toContain('invalid YAML');
  });

  it('missing payloadtype', () => {
    const error = errorOf('title: T\npayload:\n  content: x\npayloadkeys: []\n');
    expect(error.at).toBe('payload.payloadtype');
    expect(error.message).toContain('bad.yaml');
  });

  it('missing payloadkeys', () => {
    expect(errorOf('title: T\npayload:\n  payloadtype: a.b\n').at).toBe('payloadkeys');
  });

  it('unknown type names key path', () => {
    const error = errorOf(`${header}- key: A\n  type: <dictionary>\n  subkeys:\n  - key: B\n    type: <blob>\n`);
    expect(error.at).toBe('payloadkeys[0].subkeys[0].type');
    expect(error.reason).toContain("unknown type '<blob>'");
  });

  it('invalid format regex', () => {
    expect(errorOf(`${header}- key: A\n  type: <string>\n  format: '([a-z'\n`).at).toBe('payloadkeys[0].format');
  });

  it('format that backtracks without bound', () => {
    const error = errorOf(`${header}- key: A\n  type: <string>\n  format: '^(a+)+$'\n`);
    expect(error.at).toBe('payloadkeys[0].format');
    expect(error.message).toContain('^(a+)+$');
    expect(error.message).toContain('exponential time');
  });

  it('array with two item schemas', () => {
    const error = errorOf(`${header}- key: A\n  type: <array>\n  subkeys:\n  - key: X\n    type: <string>\n  - key: Y\n    type: <string>\n`);
    expect(error.reason).toContain('exactly one item');
  });

  it('integer rangelist value not a number', () => {
    expect(errorOf(`${header}- key: A\n  type: <integer>\n  rangelist:\n  - one\n`).at).toBe('payloadkeys[0].rangelist[0]');
  });

  it('alias expansion bomb', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`);
    expect(errorOf(`${lines.join('\n')}\n${header}`).reason).toContain('invalid YAML');
  });

  it('unknown platform is skipped', () => {
    const schema = loadAppleSchemaYaml(`title: T\npayload:\n  payloadtype: a.b\n  supportedOS:\n    macOS:\n      introduced: '14.0'\n    newOS:\n      introduced: '1.0'\npayloadkeys: []\n`, 'x.yaml');
    expect(schema.supportedOS).toEqual({ macOS: { introduced: '14.0' } });
  });
});
