import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';

import { derivePkcs12Key, encodeBmpPassword, encodeLegacyBmpPassword, type Pkcs12HashName, type Pkcs12KeyPurpose } from '../../../shared/pkcs12/kdf.ts';
import { needTools } from '../../support/environment.ts';

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'hex'));
const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('BMP password encoding', () => {
  it('ASCII passphrase', () => {
    expect(toHex(encodeBmpPassword('smeg'))).toBe('0073006d006500670000');
  });

  it('empty passphrase', () => {
    expect(toHex(encodeBmpPassword(''))).toBe('0000');
  });

  it('non-BMP character as surrogates', () => {
    // U+1F511 is D83D DD11 in UTF-16.
    expect(toHex(encodeBmpPassword('\u{1F511}'))).toBe('d83ddd110000');
  });

  it('legacy widening of UTF-8 bytes', () => {
    // "é" is C3 A9 in UTF-8.
    expect(toHex(encodeLegacyBmpPassword(Buffer.from('é', 'utf8')))).toBe('00c300a90000');
  });
});

describe('PKCS#12 KDF', () => {
  // The published vector: password "smeg", salt 0A58CF64530D823F, one iteration, SHA-1.
  it('known key vector', () => {
    const key = derivePkcs12Key('sha1', encodeBmpPassword('smeg'), hex('0a58cf64530d823f'), 1, 'key', 24);
    expect(toHex(key)).toBe('8aaae6297b6cb04642ab5b077851284eb7128f1a2a7fbca3');
  });

  it('rejects zero iterations', () => {
    expect(() => derivePkcs12Key('sha1', encodeBmpPassword('x'), hex('00'), 0, 'key', 8)).toThrow(/positive integer/);
  });
});

const tools = needTools('openssl');
describe.skipIf(tools.skip)('PKCS#12 KDF against openssl kdf' + tools.reason, () => {
  const IDS: Record<Pkcs12KeyPurpose, number> = { key: 1, iv: 2, mac: 3 };
  const CASES: ReadonlyArray<{ hash: Pkcs12HashName; purpose: Pkcs12KeyPurpose; passphrase: string | null; iterations: number; length: number; saltBytes: number }> = [
    { hash: 'sha1', purpose: 'key', passphrase: 'pass123', iterations: 2048, length: 24, saltBytes: 8 },
    { hash: 'sha1', purpose: 'iv', passphrase: 'pass123', iterations: 2048, length: 8, saltBytes: 8 },
    { hash: 'sha1', purpose: 'mac', passphrase: '', iterations: 1, length: 20, saltBytes: 8 },
    { hash: 'sha1', purpose: 'key', passphrase: null, iterations: 3, length: 5, saltBytes: 20 },
    { hash: 'sha256', purpose: 'mac', passphrase: 'Café ✓', iterations: 2048, length: 32, saltBytes: 8 },
    { hash: 'sha256', purpose: 'key', passphrase: 'long passphrase that spans more than one sixty-four byte block', iterations: 7, length: 70, saltBytes: 65 },
    { hash: 'sha384', purpose: 'mac', passphrase: 'p', iterations: 10, length: 48, saltBytes: 16 },
    { hash: 'sha512', purpose: 'key', passphrase: 'p', iterations: 10, length: 100, saltBytes: 16 },
    { hash: 'sha224', purpose: 'iv', passphrase: 'p', iterations: 2, length: 28, saltBytes: 3 },
  ];

  it.each(CASES)('$hash $purpose, $iterations iterations, $length bytes', ({ hash, purpose, passphrase, iterations, length, saltBytes }) => {
    const salt = Uint8Array.from(randomBytes(saltBytes));
    const password = passphrase === null ? new Uint8Array(0) : encodeBmpPassword(passphrase);
    const args = [
      'kdf', '-keylen', String(length), '-kdfopt', `digest:${hash.toUpperCase()}`,
      '-kdfopt', `hexsalt:${toHex(salt)}`, '-kdfopt', `iter:${iterations}`, '-kdfopt', `id:${IDS[purpose]}`,
      '-kdfopt', `hexpass:${toHex(password)}`, 'PKCS12KDF',
    ];
    const expected = execFileSync('openssl', args, { encoding: 'utf8' }).trim().replaceAll(':', '').toLowerCase();

    expect(toHex(derivePkcs12Key(hash, password, salt, iterations, purpose, length))).toBe(expected);
  });
});
