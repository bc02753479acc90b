import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';

import { decryptRc2Cbc, encryptRc2Block, decryptRc2Block, encryptRc2Cbc, expandRc2Key, rc2EffectiveBitsFromVersion } from '../../../shared/pkcs12/rc2.ts';
import { needTools } from '../../support/environment.ts';

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'hex'));
const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

// RFC 2268 section 5: key, effective key bits, plaintext, ciphertext.
const RFC_VECTORS: ReadonlyArray<readonly [string, number, string, string]> = [
  ['0000000000000000', 63, '0000000000000000', 'ebb773f993278eff'],
  ['ffffffffffffffff', 64, 'ffffffffffffffff', '278b27e42e2f0d49'],
  ['3000000000000000', 64, '1000000000000001', '30649edf9be7d2c2'],
  ['88', 64, '0000000000000000', '61a8a244adacccf0'],
  ['88bca90e90875a', 64, '0000000000000000', '6ccf4308974c267f'],
  ['88bca90e90875a7f0f79c384627bafb2', 64, '0000000000000000', '1a807d272bbe5db1'],
  ['88bca90e90875a7f0f79c384627bafb2', 128, '0000000000000000', '2269552ab0f85ca6'],
  ['88bca90e90875a7f0f79c384627bafb216f80a6f85920584c42fceb0be255daf1e', 129, '0000000000000000', '5b78d3a43dfff1f1'],
];

describe('RC2 block', () => {
  it.each(RFC_VECTORS)('RFC 2268 vector key %s bits %i', (key, bits, plaintext, ciphertext) => {
    const subkeys = expandRc2Key(hex(key), bits);
    const encrypted = new Uint8Array(8);
    encryptRc2Block(subkeys, hex(plaintext), 0, encrypted, 0);
    expect(toHex(encrypted)).toBe(ciphertext);

    const decrypted = new Uint8Array(8);
    decryptRc2Block(subkeys, hex(ciphertext), 0, decrypted, 0);
    expect(toHex(decrypted)).toBe(plaintext);
  });

  it('rejects empty key', () => {
    expect(() => expandRc2Key(new Uint8Array(0), 40)).toThrow(/1 to 128 bytes/);
  });

  it('rejects effective bits out of range', () => {
    expect(() => expandRc2Key(hex('00'), 0)).toThrow(/1 to 1024 bits/);
    expect(() => expandRc2Key(hex('00'), 1025)).toThrow(/1 to 1024 bits/);
  });
});

describe('RC2-CBC', () => {
  it('round-trips several blocks', () => {
    const key = hex('0102030405');
    const iv = hex('0001020304050607');
    const plaintext = Uint8Array.from(randomBytes(64));
    const ciphertext = encryptRc2Cbc(key, 40, iv, plaintext);
    expect(toHex(decryptRc2Cbc(key, 40, iv, ciphertext))).toBe(toHex(plaintext));
  });

  it('rejects partial block', () => {
    expect(() => decryptRc2Cbc(hex('01'), 40, new Uint8Array(8), new Uint8Array(9))).toThrow(/multiple of 8/);
  });

  it('rejects short IV', () => {
    expect(() => decryptRc2Cbc(hex('01'), 40, new Uint8Array(7), new Uint8Array(8))).toThrow(/IV must be 8 bytes/);
  });
});

describe('RC2 parameter version', () => {
  it('maps RFC 2268 versions', () => {
    expect(rc2EffectiveBitsFromVersion(160)).toBe(40);
    expect(rc2EffectiveBitsFromVersion(120)).toBe(64);
    expect(rc2EffectiveBitsFromVersion(58)).toBe(128);
    expect(rc2EffectiveBitsFromVersion(256)).toBe(256);
    expect(rc2EffectiveBitsFromVersion(1)).toBeNull();
  });
});

const tools = needTools('openssl');
describe.skipIf(tools.skip)('RC2-CBC against openssl enc' + tools.reason, () => {
  // openssl's cipher names fix the key size and the effective bits together.
  const CASES = [
    { cipher: 'rc2-40-cbc', keyBytes: 5, bits: 40 },
    { cipher: 'rc2-64-cbc', keyBytes: 8, bits: 64 },
    { cipher: 'rc2-cbc', keyBytes: 16, bits: 128 },
  ] as const;

  it.each(CASES)('$cipher matches', ({ cipher, keyBytes, bits }) => {
    const key = Uint8Array.from(randomBytes(keyBytes));
    const iv = Uint8Array.from(randomBytes(8));
    const plaintext = Uint8Array.from(randomBytes(40));
    const opensslCiphertext = execFileSync('openssl', [
      'enc', `-${cipher}`, '-provider', 'legacy', '-provider', 'default', '-nopad',
      '-K', toHex(key), '-iv', toHex(iv),
    ], { input: plaintext });

    expect(toHex(encryptRc2Cbc(key, bits, iv, plaintext))).toBe(opensslCiphertext.toString('hex'));
    expect(toHex(decryptRc2Cbc(key, bits, iv, Uint8Array.from(opensslCiphertext)))).toBe(toHex(plaintext));
  });
});
