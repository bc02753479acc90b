import { describe, expect, it } from 'vitest';

import { decodeBase64, encodeBase64 } from '../../../shared/text/encoding.ts';

// Node's Buffer base64 codec is the independent reference.
describe('encodeBase64', () => {
  it.each([0, 1, 2, 3, 4, 5, 57, 58, 59, 1000, 65_537])('matches Buffer for %i bytes', (length) => {
    const bytes = Uint8Array.from({ length }, (_, i) => (i * 167 + 13) & 0xff);
    expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('encodes every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('encodes a subarray view only', () => {
    const whole = Uint8Array.from([9, 9, 0xfb, 0xff, 0x00, 9]);
    expect(encodeBase64(whole.subarray(2, 5))).toBe('+/8A');
  });

  it('round-trips through decodeBase64', () => {
    const bytes = Uint8Array.from({ length: 3001 }, (_, i) => (i * 31) & 0xff);
    expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes);
  });
});
