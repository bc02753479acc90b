import { constants, generateKeyPairSync, publicEncrypt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { removePadding, unwrapPkcs1v15 } from '../../../../electron/services/cms/rsa-pkcs1.ts';

const FALLBACK = new Uint8Array(16).fill(0xee);
const KEY = Uint8Array.from({ length: 16 }, (_, i) => i + 1);

/** Builds EM = 00 02 PS 00 M (RFC 8017, section 7.2.1) for a 64-byte modulus. */
function encoded(options: { first?: number; type?: number; paddingLength?: number; zeroInPadding?: boolean; message?: Uint8Array } = {}): Uint8Array {
  const message = options.message ?? KEY;
  const paddingLength = options.paddingLength ?? 64 - 3 - message.length;
  const padding = new Uint8Array(paddingLength).fill(0x5a);
  if (options.zeroInPadding) padding[3] = 0;
  return Uint8Array.from([options.first ?? 0x00, options.type ?? 0x02, ...padding, 0x00, ...message]);
}

describe('removePadding', () => {
  it('returns the key for valid padding', () => {
    const result = removePadding(encoded(), 16, FALLBACK);
    expect(result.valid).toBe(1);
    expect(result.key).toEqual(KEY);
  });

  it('rejects non-zero first byte', () => {
    const result = removePadding(encoded({ first: 0x01 }), 16, FALLBACK);
    expect(result.valid).toBe(0);
    expect(result.key).toEqual(FALLBACK);
  });

  it('rejects block type 1', () => {
    expect(removePadding(encoded({ type: 0x01 }), 16, FALLBACK).valid).toBe(0);
  });

  it('rejects padding under 8 bytes', () => {
    // 7 padding bytes: 00 02 PS(7) 00 M, with M 16 bytes, is 26 bytes long.
    expect(removePadding(encoded({ paddingLength: 7 }), 16, FALLBACK).valid).toBe(0);
    expect(removePadding(encoded({ paddingLength: 8 }), 16, FALLBACK).valid).toBe(1);
  });

  it('rejects wrong key length', () => {
    // A zero inside the padding string ends it early, so the message comes out too long.
    expect(removePadding(encoded({ zeroInPadding: true }), 16, FALLBACK).valid).toBe(0);
    expect(removePadding(encoded({ message: new Uint8Array(24).fill(1) }), 16, FALLBACK).valid).toBe(0);
  });

  it('rejects missing separator', () => {
    const noSeparator = new Uint8Array(64).fill(0x5a);
    noSeparator[0] = 0;
    noSeparator[1] = 2;
    expect(removePadding(noSeparator, 16, FALLBACK).valid).toBe(0);
  });
});

describe('unwrapPkcs1v15', () => {
  it('decrypts publicEncrypt output', () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const contentKey = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);
    const wrapped = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_PADDING }, contentKey);
    const result = unwrapPkcs1v15(wrapped, privateKey, 32);
    expect(result.valid).toBe(1);
    expect(result.key).toEqual(contentKey);
    expect(unwrapPkcs1v15(wrapped, privateKey, 16).valid).toBe(0);
    expect(unwrapPkcs1v15(wrapped.subarray(1), privateKey, 32).valid).toBe(0);
  });
});
