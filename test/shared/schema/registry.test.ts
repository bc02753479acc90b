// SchemaRegistry: lookup, variants, overrides with annotation carry-over, search.

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAppleSchemaYaml } from '../../../shared/schema/apple-yaml.ts';
import { searchSchemas } from '../../../shared/schema/index.ts';
import type { KeySchema, PayloadSchema } from '../../../shared/schema/model.ts';
import { SchemaRegistry } from '../../../shared/schema/registry.ts';
import { needCorpus } from '../../support/environment.ts';

const corpus = needCorpus();
const appleDir = path.join(corpus.dir, 'apple-device-management');

function schema(id: string, payloadType: string, keys: KeySchema[], extra: Partial<PayloadSchema> = {}): PayloadSchema {
  return { id, payloadType, title: id, role: 'payload', keys, origin: { kind: 'builtin' }, ...extra };
}

function key(name: string, extra: Partial<KeySchema> = {}): KeySchema {
  return { name, type: 'string', presence: 'optional', ...extra };
}

const noValues = () => undefined;

describe('SchemaRegistry', () => {
  it('get by payload type', () => {
    const wifi = schema('com.apple.wifi.managed', 'com.apple.wifi.managed', [key('SSID_STR')]);
    const registry = new SchemaRegistry([wifi]);
    expect(registry.get('com.apple.wifi.managed')).toBe(wifi);
    expect(registry.get('com.apple.unknown')).toBeUndefined();
    expect(registry.all()).toEqual([wifi]);
  });

  it('later schema with same id wins', () => {
    const first = schema('a', 'a', [key('Old')]);
    const second = schema('a', 'a', [key('New')]);
    expect(new SchemaRegistry([first, second]).get('a')).toBe(second);
  });

  it('merges general variants', () => {
    const time = schema('mcx(time)', 'com.apple.MCX', [key('timeServer')], { title: 'Time' });
    const guest = schema('mcx(guest)', 'com.apple.MCX', [key('EnableGuestAccount', { type: 'boolean' })], { title: 'Guest' });
    const merged = new SchemaRegistry([time, guest]).get('com.apple.MCX');
    expect(merged?.id).toBe('com.apple.MCX');
    expect(merged?.title).toBe('Time / Guest');
    expect(merged?.keys.map((k) => k.name)).toEqual(['timeServer', 'EnableGuestAccount']);
  });

  it('picks specific variant by value', () => {
    const general = schema('sso', 'sso', [key('ExtensionIdentifier', { presence: 'required' })]);
    const kerberos = schema('sso(kerberos)', 'sso', [
      key('ExtensionIdentifier', { presence: 'required', rangeList: ['com.apple.AppSSOKerberos.KerberosExtension'] }),
      key('TeamIdentifier', { presence: 'required', rangeList: ['apple'] }),
    ]);
    const registry = new SchemaRegistry([general, kerberos]);
    const values = (map: Record<string, string>) => (k: string) => map[k];

    expect(registry.get('sso')).toBe(general);
    expect(registry.forPayload('sso', values({ ExtensionIdentifier: 'com.apple.AppSSOKerberos.KerberosExtension', TeamIdentifier: 'apple' }))).toBe(kerberos);
    expect(registry.forPayload('sso', values({ ExtensionIdentifier: 'com.apple.AppSSOKerberos.KerberosExtension' }))).toBe(kerberos);
    expect(registry.forPayload('sso', values({ ExtensionIdentifier: 'com.example.sso', TeamIdentifier: 'apple' }))).toBe(general);
    expect(registry.forPayload('sso', noValues)).toBe(general);
    expect(registry.variants('sso')).toEqual([general, kerberos]);
  });

  it('overrides replace every variant', () => {
    const builtin = schema('x', 'x', [key('A')]);
    const builtinVariant = schema('x(v)', 'x', [key('B')]);
    const other = schema('y', 'y', [key('C')]);
    const loaded = schema('x', 'x', [key('A'), key('D')], { origin: { kind: 'apple-yaml', file: 'x.yaml' } });
    const registry = new SchemaRegistry([builtin, builtinVariant, other]).withOverrides([loaded]);
    expect(registry.get('x')?.keys.map((k) => k.name)).toEqual(['A', 'D']);
    expect(registry.variants('x')).toHaveLength(1);
    expect(registry.get('y')).toBe(other);
  });

  it('overrides keep built-in annotations', () => {
    const builtin = schema('tcc', 'tcc', [
      key('Services', {
        type: 'dictionary',
        subkeys: [key('Allowed', { type: 'boolean', presence: 'required', exclusiveWith: ['Authorization'] }), key('Authorization')],
      }),
      key('Password', { sensitive: true }),
      key('CertUUID', { referencesPayload: true }),
      key('URL', { hint: 'url' }),
    ]);
    const loaded = schema('tcc', 'tcc', [
      key('Services', { type: 'dictionary', subkeys: [key('Allowed', { type: 'boolean', presence: 'required' }), key('Authorization', { rangeList: ['Allow', 'Deny'] })] }),
      key('Password'),
      key('CertUUID'),
      key('URL', { hint: 'hostname' }),
      key('New'),
    ]);
    const merged = new SchemaRegistry([builtin]).withOverrides([loaded]).get('tcc')!;
    const byName = new Map(merged.keys.map((k) => [k.name, k]));
    expect(byName.get('Services')?.subkeys?.[0].exclusiveWith).toEqual(['Authorization']);
    expect(byName.get('Services')?.subkeys?.[1].rangeList).toEqual(['Allow', 'Deny']);
    expect(byName.get('Password')?.sensitive).toBe(true);
    expect(byName.get('CertUUID')?.referencesPayload).toBe(true);
    expect(byName.get('URL')?.hint).toBe('hostname');
    expect(byName.get('New')).toEqual(key('New'));
  });

  it('search ranks title and type', () => {
    const registry = new SchemaRegistry([
      schema('com.apple.wifi.managed', 'com.apple.wifi.managed', [key('SSID_STR')], { title: 'Wi-Fi' }),
      schema('com.apple.vpn.managed', 'com.apple.vpn.managed', [key('VPNType')], { title: 'VPN', description: 'Connects over Wi-Fi or cellular.' }),
      schema('TopLevel', 'TopLevel', [key('PayloadType')], { title: 'Wi-Fi profile', role: 'profile' }),
    ]);
    expect(registry.search('wi-fi').map((s) => s.id)).toEqual(['com.apple.wifi.managed', 'com.apple.vpn.managed']);
    expect(registry.search('com.apple.vpn.managed').map((s) => s.id)).toEqual(['com.apple.vpn.managed']);
    expect(registry.search('ssid').map((s) => s.id)).toEqual(['com.apple.wifi.managed']);
    expect(registry.search('wi-fi ssid').map((s) => s.id)).toEqual(['com.apple.wifi.managed']);
    expect(registry.search('  ').map((s) => s.id)).toEqual(['com.apple.vpn.managed', 'com.apple.wifi.managed']);
    expect(registry.search('printer')).toEqual([]);
  });
});

describe.skipIf(corpus.skip)('SchemaRegistry over Apple files' + corpus.reason, () => {
  const schemas = readdirSync(appleDir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => loadAppleSchemaYaml(readFileSync(path.join(appleDir, f), 'utf8'), f));
  const registry = new SchemaRegistry(schemas);

  it('keeps all 128 schemas', () => {
    expect(registry.all()).toHaveLength(128);
  });

  it('joins the six MCX files', () => {
    const names = registry.get('com.apple.MCX')!.keys.map((k) => k.name);
    expect(names).toContain('timeServer');
    expect(names).toContain('EnableGuestAccount');
    expect(names).toContain('dontAllowFDEDisable');
    expect(names).toContain('RequireAdminForIBSS');
    expect(registry.variants('com.apple.MCX')).toHaveLength(6);
  });

  it('selects the Kerberos SSO variant', () => {
    const values: Record<string, string> = { ExtensionIdentifier: 'com.apple.AppSSOKerberos.KerberosExtension', TeamIdentifier: 'apple', Type: 'Credential' };
    expect(registry.forPayload('com.apple.extensiblesso', (k) => values[k])?.id).toBe('com.apple.extensiblesso(kerberos)');
    expect(registry.forPayload('com.apple.extensiblesso', () => undefined)?.id).toBe('com.apple.extensiblesso');
  });
});

describe('searchSchemas', () => {
  it('searches the built-in schemas by default', () => {
    expect(searchSchemas('kerberos').map((s) => s.id)).toEqual(['com.apple.extensiblesso(kerberos)']);
    expect(searchSchemas('wi-fi')[0].id).toBe('com.apple.wifi.managed');
  });
});
