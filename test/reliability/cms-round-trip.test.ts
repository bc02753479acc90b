// Random profiles through the CMS services: sign then verify gives back the exact bytes with a
// valid signature, and encrypt then decrypt gives back the exact payloads. openssl checks a
// sample of each, as the independent reader.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CONTENT_CIPHERS, decrypt, decryptProfile, encrypt, encryptProfile, sign, verify } from '../../electron/services/cms/index.ts';
import { readPlist, writePlist } from '../../shared/plist/index.ts';
import { dictGet, plistEqual, type PlistDict, type PlistFormat, type PlistValue } from '../../shared/plist/model.ts';
import { openDocument } from '../../shared/profile/open.ts';
import { needTools } from '../support/environment.ts';
import { makePki, type Pki, type PkiEntity } from '../support/openssl-pki.ts';
import { profileArbitrary } from './profile-arbitrary.ts';

const openssl = needTools('openssl');

describe.skipIf(openssl.skip)('CMS round trips' + openssl.reason, () => {
  let pki: Pki;
  // After the certificates' notBefore, which is when makePki ran.
  let now: Date;
  beforeAll(() => {
    pki = makePki();
    now = new Date(Date.now() + 5_000);
  });
  afterAll(() => pki?.cleanup());

  const signWith = (entity: PkiEntity, bytes: Uint8Array): Uint8Array =>
    sign(bytes, { certificate: entity.der, privateKey: entity.privateKey, chain: [pki.intermediate.der, pki.root.der] }, { signingTime: now, now }).der;

  it('sign then verify keeps the profile', () => {
    fc.assert(
      fc.property(profileArbitrary, fc.constantFrom<PlistFormat>('xml', 'binary'), fc.constantFrom('leafRsa', 'leafEc', 'leafEc384') as fc.Arbitrary<'leafRsa' | 'leafEc' | 'leafEc384'>, (profile, format, signer) => {
        const bytes = writePlist(profile, format);
        const signed = signWith(pki[signer], bytes);

        const result = verify(signed, { anchors: [pki.root.der], systemRoots: false, now });
        expect(result.status).toBe('valid');
        expect(result.signatureValid).toBe(true);
        expect(Buffer.from(result.content ?? [])).toEqual(Buffer.from(bytes));
        expect(plistEqual(openDocument(signed).value, profile)).toBe(true);
      }),
      { numRuns: 30, seed: 4242 },
    );
  });

  it('encrypt then decrypt keeps the profile', () => {
    const identity = { certificate: pki.device.der, privateKey: pki.device.privateKey };
    fc.assert(
      fc.property(profileArbitrary, fc.constantFrom<PlistFormat>('xml', 'binary'), fc.constantFrom(...CONTENT_CIPHERS), (profile, format, cipher) => {
        const encrypted = encryptProfile(writePlist(profile, format), [pki.device.der], { cipher });
        const encryptedRoot = readPlist(encrypted).value as PlistDict;
        expect(dictGet(encryptedRoot, 'PayloadContent')).toBeUndefined();
        expect(dictGet(encryptedRoot, 'EncryptedPayloadContent')?.kind).toBe('data');

        const decrypted = readPlist(decryptProfile(encrypted, identity)).value;
        expect(plistEqual(decrypted, profile)).toBe(true);
      }),
      { numRuns: 30, seed: 777 },
    );
  });

  it('encrypt then decrypt keeps any bytes', () => {
    const identity = { certificate: pki.device.der, privateKey: pki.device.privateKey };
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), fc.constantFrom(...CONTENT_CIPHERS), (plaintext, cipher) => {
        const envelope = encrypt(plaintext, [pki.leafRsa.der, pki.device.der], { cipher });
        expect(Buffer.from(decrypt(envelope, identity))).toEqual(Buffer.from(plaintext));
      }),
      { numRuns: 40, seed: 31 },
    );
  });

  it('openssl verifies and decrypts samples', () => {
    const profiles = fc.sample(profileArbitrary, { numRuns: 4, seed: 5 });
    for (const [index, profile] of profiles.entries()) {
      const bytes = writePlist(profile, 'xml');
      const signedPath = pki.write(`random-${index}.der`, signWith(index % 2 === 0 ? pki.leafRsa : pki.leafEc, bytes));
      const content = pki.openssl(['cms', '-verify', '-binary', '-inform', 'DER', '-in', signedPath, '-CAfile', pki.root.certPath, '-purpose', 'any']);
      expect(Buffer.from(content)).toEqual(Buffer.from(bytes));

      const payloads = dictGet(profile as PlistDict, 'PayloadContent') as PlistValue;
      const plaintext = writePlist(payloads, 'xml');
      const envelopePath = pki.write(`random-${index}.p7m`, encrypt(plaintext, [pki.device.der], { cipher: CONTENT_CIPHERS[index % CONTENT_CIPHERS.length] }));
      const decrypted = pki.openssl(['cms', '-decrypt', '-binary', '-inform', 'DER', '-in', envelopePath, '-recip', pki.device.certPath, '-inkey', pki.device.keyPath]);
      expect(Buffer.from(decrypted)).toEqual(Buffer.from(plaintext));
    }
  });
});
