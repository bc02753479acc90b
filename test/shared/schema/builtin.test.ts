// The built-in schemas: plain data, and the same key names, types, presence and allowed values
// as Apple's YAML files for the same payloads (read from the corpus as the independent source).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAppleSchemaYaml } from '../../../shared/schema/apple-yaml.ts';
import { BUILTIN_SCHEMAS, builtinSchemas } from '../../../shared/schema/builtin/index.ts';
import type { KeySchema, PayloadSchema } from '../../../shared/schema/model.ts';
import { needCorpus } from '../../support/environment.ts';

const corpus = needCorpus();
const appleDir = path.join(corpus.dir, 'apple-device-management');

/** Apple file compared with each built-in schema id; the MCX schema joins six files. */
const APPLE_FILES: Record<string, string[]> = {
  TopLevel: ['TopLevel.yaml'],
  CommonPayloadKeys: ['CommonPayloadKeys.yaml'],
  'com.apple.MCX': ['com.apple.MCX(Accounts).yaml', 'com.apple.MCX(EnergySaver).yaml', 'com.apple.MCX(FileVault2).yaml', 'com.apple.MCX(Mobililty).yaml', 'com.apple.MCX(TimeServer).yaml', 'com.apple.MCX(WiFi).yaml'],
};

/**
 * Deliberate differences from Apple's files, by key path: keys this project adds or shapes
 * differently, each with the reason in the schema file.
 */
const KNOWN_DIFFERENCES = new Set([
  // Written as a language-keyed map instead of Apple's nested item dictionary.
  'TopLevel:ConsentText',
  // Always-on tunnels accept the IKEv2 settings (see vpn.ts).
  'com.apple.vpn.managed:AlwaysOn.TunnelConfigurations[]',
]);

interface Difference {
  readonly path: string;
  readonly problem: string;
}

/** Returns the differences between two key lists in names, types, presence and allowed values, recursively. */
function compareKeys(ours: readonly KeySchema[], apple: readonly KeySchema[], prefix: string, differences: Difference[], depth = 0): void {
  if (KNOWN_DIFFERENCES.has(prefix) || depth > 12) return;
  const appleByName = new Map(apple.map((k) => [k.name, k]));
  const ourNames = new Set(ours.map((k) => k.name));
  for (const key of apple) {
    if (!ourNames.has(key.name)) differences.push({ path: `${prefix}.${key.name}`, problem: 'missing from the built-in schema' });
  }
  for (const key of ours) {
    const theirs = appleByName.get(key.name);
    const at = prefix.endsWith(':') ? `${prefix}${key.name}` : `${prefix}.${key.name}`;
    if (!theirs) {
      differences.push({ path: at, problem: 'not in Apple\'s schema' });
      continue;
    }
    compareKey(key, theirs, at, differences, depth);
  }
}

function compareKey(ours: KeySchema, apple: KeySchema, at: string, differences: Difference[], depth: number): void {
  if (KNOWN_DIFFERENCES.has(at)) return;
  if (ours.type !== apple.type) differences.push({ path: at, problem: `type ${ours.type}, Apple ${apple.type}` });
  if (ours.presence !== apple.presence) differences.push({ path: at, problem: `presence ${ours.presence}, Apple ${apple.presence}` });
  if (JSON.stringify(ours.rangeList) !== JSON.stringify(apple.rangeList)) differences.push({ path: at, problem: `rangeList ${JSON.stringify(ours.rangeList)}, Apple ${JSON.stringify(apple.rangeList)}` });
  if (JSON.stringify(ours.range) !== JSON.stringify(apple.range)) differences.push({ path: at, problem: `range ${JSON.stringify(ours.range)}, Apple ${JSON.stringify(apple.range)}` });
  if (ours.format !== apple.format) differences.push({ path: at, problem: `format ${ours.format}, Apple ${apple.format}` });
  if (JSON.stringify(ours.repetition) !== JSON.stringify(apple.repetition)) differences.push({ path: at, problem: 'repetition differs' });
  if (ours.default !== apple.default) differences.push({ path: at, problem: `default ${String(ours.default)}, Apple ${String(apple.default)}` });
  if (JSON.stringify(ours.supportedOS ?? {}) !== JSON.stringify(apple.supportedOS ?? {})) differences.push({ path: at, problem: 'supportedOS differs' });

  if (ours.subkeys || apple.subkeys) compareKeys(ours.subkeys ?? [], apple.subkeys ?? [], at, differences, depth + 1);
  if (ours.anyKey || apple.anyKey) {
    if (!ours.anyKey || !apple.anyKey) differences.push({ path: `${at}.*`, problem: 'free-form keys differ' });
    else compareKey(ours.anyKey, apple.anyKey, `${at}.*`, differences, depth + 1);
  }
  if (ours.items || apple.items) {
    if (!ours.items || !apple.items) differences.push({ path: `${at}[]`, problem: 'item schema differs' });
    else compareKey(ours.items, apple.items, `${at}[]`, differences, depth + 1);
  }
}

/** Drops the false supportedOS flags that the built-ins leave out, so both sides state the same facts. */
function normalise(keys: readonly KeySchema[]): KeySchema[] {
  return JSON.parse(JSON.stringify(keys, (field, value) => {
    if (field === 'supervised' || field === 'multiple' || field === 'requiresDep' || field === 'userApprovedMdm') return value === false ? undefined : value;
    return value;
  })) as KeySchema[];
}

describe('built-in schemas', () => {
  it('ids are unique', () => {
    const ids = BUILTIN_SCHEMAS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('round trip through JSON', () => {
    for (const schema of BUILTIN_SCHEMAS) expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it('every payload has title and description', () => {
    for (const schema of BUILTIN_SCHEMAS) {
      expect(schema.title.length, schema.id).toBeGreaterThan(0);
      expect(schema.description?.length ?? 0, schema.id).toBeGreaterThan(0);
      expect(schema.origin).toEqual({ kind: 'builtin' });
    }
  });

  it('registry covers the listed payloads', () => {
    const registry = builtinSchemas();
    const required = [
      'TopLevel',
      'CommonPayloadKeys',
      'Profile Service',
      'com.apple.security.scep',
      'com.apple.security.acme',
      'com.apple.security.root',
      'com.apple.security.pkcs1',
      'com.apple.security.pem',
      'com.apple.security.pkcs12',
      'com.apple.wifi.managed',
      'com.apple.vpn.managed',
      'com.apple.dnsSettings.managed',
      'com.apple.dnsProxy.managed',
      'com.apple.webcontent-filter',
      'com.apple.mdm',
      'com.apple.applicationaccess',
      'com.apple.mobiledevice.passwordpolicy',
      'com.apple.TCC.configuration-profile-policy',
      'com.apple.system-extension-policy',
      'com.apple.syspolicy.kernel-extension-policy',
      'com.apple.notificationsettings',
      'com.apple.loginitems.managed',
      'com.apple.servicemanagement',
      'com.apple.webClip.managed',
      'com.apple.font',
      'com.apple.ManagedClient.preferences',
      'com.apple.extensiblesso',
      'com.apple.MCX.FileVault2',
      'com.apple.security.FDERecoveryKeyEscrow',
      'com.apple.security.firewall',
      'com.apple.caldav.account',
      'com.apple.carddav.account',
      'com.apple.mail.managed',
      'com.apple.eas.account',
      'com.apple.ews.account',
    ];
    for (const type of required) expect(registry.get(type), type).toBeDefined();
  });

  it('Profile Service device attributes', () => {
    const service = builtinSchemas().get('Profile Service')!;
    const content = service.keys.find((k) => k.name === 'PayloadContent')!;
    const attributes = content.subkeys!.find((k) => k.name === 'DeviceAttributes')!;
    expect(attributes.items?.rangeList).toEqual(['UDID', 'VERSION', 'PRODUCT', 'SERIAL', 'MEID', 'IMEI', 'ICCID', 'MAC_ADDRESS_EN0', 'DEVICE_NAME']);
    const challenge = content.subkeys!.find((k) => k.name === 'Challenge')!;
    expect(challenge.type).toBe('string');
    expect(challenge.otherTypes).toEqual(['data']);
    expect(challenge.sensitive).toBe(true);
  });
});

describe.skipIf(corpus.skip)('built-in schemas against Apple YAML' + corpus.reason, () => {
  for (const schema of BUILTIN_SCHEMAS) {
    if (schema.id === 'Profile Service') continue;
    const files = APPLE_FILES[schema.id] ?? [`${schema.id}.yaml`];

    it(`${schema.id} keys match`, () => {
      const apple: PayloadSchema[] = files.map((f) => loadAppleSchemaYaml(readFileSync(path.join(appleDir, f), 'utf8'), f));
      const appleKeys = apple.flatMap((s) => s.keys);
      const unique = [...new Map(appleKeys.map((k) => [k.name, k])).values()];
      const differences: Difference[] = [];
      compareKeys(normalise(schema.keys), normalise(unique), `${schema.id}:`, differences);
      expect(differences).toEqual([]);
    });
  }
});
