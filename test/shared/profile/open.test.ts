import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlistError } from '../../../shared/plist/errors.ts';
import { plistEqual } from '../../../shared/plist/model.ts';
import { summarizePayloads } from '../../../shared/profile/summary.ts';
import { openDocument } from '../../../shared/profile/open.ts';
import { needTools } from '../../support/environment.ts';
import { makePki, type Pki } from '../../support/openssl-pki.ts';
import { WIFI_PROFILE_PAYLOADS, WIFI_PROFILE_XML } from '../../support/profile-fixtures.ts';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe('openDocument on plain input', () => {
  it('opens XML as an unsigned profile', () => {
    const doc = openDocument(utf8(WIFI_PROFILE_XML), { file: 'wifi.mobileconfig' });
    expect(doc.container).toBe('xml');
    expect(doc.plistFormat).toBe('xml');
    expect(doc.kind).toBe('profile');
    expect(doc.signed).toBe(false);
    expect(doc.encrypted).toBe(false);
  });

  it('rejects an empty file naming it', () => {
    expect(() => openDocument(new Uint8Array(0), { file: 'empty.mobileconfig' })).toThrow(/empty\.mobileconfig: file is empty/);
  });

  it('rejects plain text naming the file', () => {
    const error = captureError(() => openDocument(utf8('This is not a profile.\r\n'), { file: 'note.txt' }));
    expect(error).toBeInstanceOf(PlistError);
    expect((error as PlistError).file).toBe('note.txt');
  });

  it('rejects a DER fragment that is no CMS', () => {
    const error = captureError(() => openDocument(new Uint8Array([0x30, 0x82, 0x10, 0x00, 0x06, 0x09, 0x2a]), { file: 'cut.mobileconfig' }));
    expect(String((error as Error).message)).toMatch(/not a CMS SignedData/);
  });
});

const tools = needTools('openssl', 'python3');

describe.skipIf(tools.skip)('openDocument detects every container' + tools.reason, () => {
  let pki: Pki;
  const forms = new Map<string, Uint8Array>();

  beforeAll(() => {
    pki = makePki();
    const xmlFile = pki.write('wifi.mobileconfig', utf8(WIFI_PROFILE_XML));

    // Each form is made by an independent tool: openssl signs, plistlib writes binary.
    forms.set('plain XML', utf8(WIFI_PROFILE_XML));
    const body = WIFI_PROFILE_XML.slice(WIFI_PROFILE_XML.indexOf('<!DOCTYPE'));
    forms.set('XML with BOM and no declaration', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(body)]));
    forms.set('binary plist', new Uint8Array(execFileSync('python3', ['-c', 'import plistlib,sys; sys.stdout.buffer.write(plistlib.dumps(plistlib.load(open(sys.argv[1],"rb")), fmt=plistlib.FMT_BINARY))', xmlFile])));
    const signArgs = ['cms', '-sign', '-binary', '-nodetach', '-in', xmlFile, '-signer', pki.leafRsa.certPath, '-inkey', pki.leafRsa.keyPath, '-certfile', pki.intermediate.certPath];
    forms.set('DER CMS', new Uint8Array(pki.openssl([...signArgs, '-outform', 'DER'])));
    forms.set('PEM CMS', new Uint8Array(pki.openssl([...signArgs, '-outform', 'PEM'])));
  });

  afterAll(() => pki?.cleanup());

  const expected: Record<string, { container: string; plistFormat: string; signed: boolean }> = {
    'plain XML': { container: 'xml', plistFormat: 'xml', signed: false },
    'XML with BOM and no declaration': { container: 'xml', plistFormat: 'xml', signed: false },
    'binary plist': { container: 'binary', plistFormat: 'binary', signed: false },
    'DER CMS': { container: 'cms-signed', plistFormat: 'xml', signed: true },
    'PEM CMS': { container: 'cms-signed', plistFormat: 'xml', signed: true },
  };

  it('opens plain and signed XML without positions', () => {
    for (const name of ['plain XML', 'DER CMS']) {
      const doc = openDocument(forms.get(name)!, { file: name, positions: false });
      if (doc.value.kind !== 'dict') throw new Error(`${name}: expected a dict`);
      expect(doc.value.pos, name).toBeUndefined();
      expect(doc.value.entries[0].keyPos, name).toBeUndefined();
      expect(plistEqual(doc.value, openDocument(forms.get(name)!).value), name).toBe(true);
    }
  });

  for (const [name, facts] of Object.entries(expected)) {
    it(`opens ${name} with the same payloads`, () => {
      const doc = openDocument(forms.get(name)!, { file: name });
      expect(doc.container).toBe(facts.container);
      expect(doc.plistFormat).toBe(facts.plistFormat);
      expect(doc.signed).toBe(facts.signed);
      expect(doc.kind).toBe('profile');
      expect(doc.value.kind === 'dict' && summarizePayloads(doc.value)).toEqual(WIFI_PROFILE_PAYLOADS);
      const plain = openDocument(forms.get('plain XML')!);
      expect(plistEqual(doc.value, plain.value)).toBe(true);
    });
  }

  it('marks PEM armour', () => {
    expect(openDocument(forms.get('PEM CMS')!).armour).toBe('pem');
  });

  it('lists signer and chain of a signed profile', () => {
    const doc = openDocument(forms.get('DER CMS')!);
    const serial = pki.openssl(['x509', '-in', pki.leafRsa.certPath, '-noout', '-serial']).toString().trim().replace('serial=', '').toLowerCase();
    expect(doc.signature?.signers.map((s) => s.serialNumber)).toEqual([serial]);
    expect(doc.signature?.certificates.length).toBe(2);
    expect(doc.signature?.digestAlgorithm).toBe('sha256');
  });

  it('reports a signed file cut in half as truncated', () => {
    const der = forms.get('DER CMS')!;
    const error = captureError(() => openDocument(der.subarray(0, der.length >> 1), { file: 'cut.mobileconfig' }));
    expect(String((error as Error).message)).toMatch(/truncat|beyond the end|past the end|ends after/i);
  });

  it('keeps the signed content byte for byte', () => {
    const doc = openDocument(forms.get('DER CMS')!);
    expect(Buffer.from(doc.plistBytes).equals(Buffer.from(WIFI_PROFILE_XML, 'utf8'))).toBe(true);
  });
});

function captureError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
