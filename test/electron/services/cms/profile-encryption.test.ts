import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptProfile, encryptProfile, prepareProfileEncryption } from '../../../../electron/services/cms/profile-encryption.ts';
import { sign } from '../../../../electron/services/cms/sign.ts';
import { verify } from '../../../../electron/services/cms/verify.ts';
import { CmsError } from '../../../../shared/cms/errors.ts';
import { needCorpus, needTools } from '../../../support/environment.ts';
import { makePki, type Pki } from '../../../support/openssl-pki.ts';
import { type CanonicalPlist, plistlibCanonical, plistutilConvert } from '../../../support/plist-oracle.ts';

const tools = needTools('openssl', 'python3');
const PROFILE = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>PayloadDisplayName</key>
	<string>Café ✓ Résumé</string>
	<key>PayloadContent</key>
	<array>
		<dict>
			<key>PayloadType</key>
			<string>com.apple.wifi.managed</string>
			<key>SSID_STR</key>
			<string>Secure ✓</string>
			<key>Password</key>
			<data>AAECAwQ=</data>
			<key>Priority</key>
			<integer>-7</integer>
		</dict>
	</array>
	<key>PayloadIdentifier</key>
	<string>com.example.wifi</string>
	<key>PayloadType</key>
	<string>Configuration</string>
	<key>PayloadUUID</key>
	<string>5E1AF0C6-8C6B-4C1F-9E6E-1B8C6E0F2A11</string>
	<key>PayloadVersion</key>
	<integer>1</integer>
</dict>
</plist>
`);

type Pairs = readonly (readonly [string, CanonicalPlist])[];
const dictPairs = (value: CanonicalPlist): Pairs => {
  if (!('dict' in value)) throw new Error('expected a dictionary');
  return value.dict;
};
const entry = (pairs: Pairs, key: string): CanonicalPlist => pairs.find(([name]) => name === key)![1];

describe.skipIf(tools.skip)('profile encryption' + tools.reason, () => {
  let pki: Pki;
  beforeAll(() => {
    pki = makePki();
  });
  afterAll(() => pki?.cleanup());

  const device = () => ({ certificate: pki.device.der, privateKey: pki.device.privateKey });

  it('moves PayloadContent into envelope', () => {
    const encrypted = encryptProfile(PROFILE, [pki.device.der]);
    const before = dictPairs(plistlibCanonical(PROFILE));
    const after = dictPairs(plistlibCanonical(encrypted));
    expect(after.map(([key]) => key)).toEqual(['PayloadDisplayName', 'EncryptedPayloadContent', 'PayloadIdentifier', 'PayloadType', 'PayloadUUID', 'PayloadVersion']);
    for (const key of ['PayloadDisplayName', 'PayloadIdentifier', 'PayloadType', 'PayloadUUID', 'PayloadVersion']) {
      expect(entry(after, key)).toEqual(entry(before, key));
    }
  });

  it('openssl decrypts the payload array', () => {
    const after = dictPairs(plistlibCanonical(encryptProfile(PROFILE, [pki.device.der])));
    const envelope = entry(after, 'EncryptedPayloadContent');
    if (!('data' in envelope)) throw new Error('expected data');
    const file = pki.write('payloads.der', Buffer.from(envelope.data, 'base64'));
    const plaintext = pki.openssl(['cms', '-decrypt', '-binary', '-inform', 'DER', '-in', file, '-recip', pki.device.certPath, '-inkey', pki.device.keyPath]);
    expect(plistlibCanonical(plaintext)).toEqual(entry(dictPairs(plistlibCanonical(PROFILE)), 'PayloadContent'));
  });

  it('round-trips through decryptProfile', () => {
    const decrypted = decryptProfile(encryptProfile(PROFILE, [pki.leafRsa.der, pki.device.der], { cipher: 'des-ede3-cbc' }), device());
    expect(plistlibCanonical(decrypted)).toEqual(plistlibCanonical(PROFILE));
  });

  it('encrypt, sign, verify, decrypt', () => {
    const encrypted = encryptProfile(PROFILE, [pki.device.der]);
    const signed = sign(encrypted, { certificate: pki.leafEc.der, privateKey: pki.leafEc.privateKey, chain: [pki.intermediate.der] }).der;
    const verified = verify(signed, { anchors: [pki.root.der], systemRoots: false });
    expect(verified.status).toBe('valid');
    expect(Buffer.from(verified.content!).equals(Buffer.from(encrypted))).toBe(true);
    expect(plistlibCanonical(decryptProfile(signed, device()))).toEqual(plistlibCanonical(PROFILE));
  });

  const plistutil = needTools('plistutil');
  it.skipIf(plistutil.skip)('keeps binary format' + plistutil.reason, () => {
    const binary = plistutilConvert(PROFILE, 'bin');
    const encrypted = encryptProfile(binary, [pki.device.der]);
    expect(Buffer.from(encrypted.subarray(0, 8)).toString('latin1')).toBe('bplist00');
    expect(plistlibCanonical(decryptProfile(encrypted, device()))).toEqual(plistlibCanonical(PROFILE));
  });

  it('accepts decrypted full document', () => {
    // An envelope whose plaintext is a whole profile dictionary, as some tools write.
    const file = pki.write('full.xml', PROFILE);
    const der = pki.openssl(['cms', '-encrypt', '-binary', '-outform', 'DER', '-aes256', '-in', file, pki.device.certPath]);
    const wrapped = Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict><key>PayloadType</key><string>Configuration</string><key>EncryptedPayloadContent</key><data>${der.toString('base64')}</data></dict></plist>\n`,
    );
    const pairs = dictPairs(plistlibCanonical(decryptProfile(wrapped, device())));
    expect(pairs.map(([key]) => key)).toEqual(['PayloadType', 'PayloadContent']);
    expect(entry(pairs, 'PayloadContent')).toEqual(entry(dictPairs(plistlibCanonical(PROFILE)), 'PayloadContent'));
  });

  it('prepared profile encrypts per device', () => {
    const encryptor = prepareProfileEncryption(PROFILE);
    const forDevice = encryptor.encryptFor([pki.device.der]);
    const forSigner = encryptor.encryptFor([pki.leafRsa.der]);
    expect(plistlibCanonical(decryptProfile(forDevice, device()))).toEqual(plistlibCanonical(PROFILE));
    expect(plistlibCanonical(decryptProfile(forSigner, { certificate: pki.leafRsa.der, privateKey: pki.leafRsa.privateKey }))).toEqual(plistlibCanonical(PROFILE));
    expect(() => decryptProfile(forSigner, device())).toThrow(CmsError);
  });

  it('rejects encrypting twice', () => {
    const encrypted = encryptProfile(PROFILE, [pki.device.der]);
    expect(() => encryptProfile(encrypted, [pki.device.der], { file: 'wifi.mobileconfig' })).toThrow(/^wifi\.mobileconfig: the profile is already encrypted/);
  });

  it('rejects profile without payloads', () => {
    const empty = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict><key>PayloadType</key><string>Configuration</string></dict></plist>\n');
    expect(() => encryptProfile(empty, [pki.device.der])).toThrow(CmsError);
    expect(() => decryptProfile(empty, device())).toThrow(/not encrypted/);
  });
});

const corpus = needCorpus();
describe.skipIf(tools.skip || corpus.skip)('decryptProfile corpus file' + tools.reason + corpus.reason, () => {
  it('restores Wi-Fi payload', () => {
    const certificatePem = readFileSync(path.join(corpus.dir, 'companions', 'rtroutonjp400_server.crt'), 'utf8');
    const certificate = new Uint8Array(Buffer.from(certificatePem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64'));
    const privateKey = createPrivateKey(readFileSync(path.join(corpus.dir, 'companions', 'rtroutonjp400_server.key')));
    const encrypted = new Uint8Array(readFileSync(path.join(corpus.dir, 'files', 'rtroutonjp400_encrypted_CompanyWiFi.mobileconfig')));

    const pairs = dictPairs(plistlibCanonical(decryptProfile(encrypted, { certificate, privateKey })));
    const payloads = entry(pairs, 'PayloadContent');
    if (!('array' in payloads)) throw new Error('expected an array');
    const wifi = dictPairs(payloads.array[0]);
    expect(entry(wifi, 'PayloadType')).toEqual({ string: 'com.apple.wifi.managed' });
    expect(entry(wifi, 'SSID_STR')).toEqual({ string: 'Secure' });
    expect(pairs.some(([key]) => key === 'EncryptedPayloadContent')).toBe(false);
  });
});
