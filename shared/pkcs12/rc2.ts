// The RC2 block cipher (RFC 2268) in CBC mode.
//
// Legacy PKCS#12 files encrypt their certificate bags with pbeWithSHAAnd40BitRC2-CBC, and
// OpenSSL 3 (so also Node's crypto) offers RC2 only in its legacy provider, which Node does
// not load. This module is only for reading such files; nothing here should encrypt new data.

/** RC2's block size in bytes. */
export const RC2_BLOCK_SIZE = 8;

// PITABLE of RFC 2268 section 2: a permutation of 0..255 derived from the digits of pi.
const PITABLE = Uint8Array.from([
  0xd9, 0x78, 0xf9, 0xc4, 0x19, 0xdd, 0xb5, 0xed, 0x28, 0xe9, 0xfd, 0x79, 0x4a, 0xa0, 0xd8, 0x9d,
  0xc6, 0x7e, 0x37, 0x83, 0x2b, 0x76, 0x53, 0x8e, 0x62, 0x4c, 0x64, 0x88, 0x44, 0x8b, 0xfb, 0xa2,
  0x17, 0x9a, 0x59, 0xf5, 0x87, 0xb3, 0x4f, 0x13, 0x61, 0x45, 0x6d, 0x8d, 0x09, 0x81, 0x7d, 0x32,
  0xbd, 0x8f, 0x40, 0xeb, 0x86, 0xb7, 0x7b, 0x0b, 0xf0, 0x95, 0x21, 0x22, 0x5c, 0x6b, 0x4e, 0x82,
  0x54, 0xd6, 0x65, 0x93, 0xce, 0x60, 0xb2, 0x1c, 0x73, 0x56, 0xc0, 0x14, 0xa7, 0x8c, 0xf1, 0xdc,
  0x12, 0x75, 0xca, 0x1f, 0x3b, 0xbe, 0xe4, 0xd1, 0x42, 0x3d, 0xd4, 0x30, 0xa3, 0x3c, 0xb6, 0x26,
  0x6f, 0xbf, 0x0e, 0xda, 0x46, 0x69, 0x07, 0x57, 0x27, 0xf2, 0x1d, 0x9b, 0xbc, 0x94, 0x43, 0x03,
  0xf8, 0x11, 0xc7, 0xf6, 0x90, 0xef, 0x3e, 0xe7, 0x06, 0xc3, 0xd5, 0x2f, 0xc8, 0x66, 0x1e, 0xd7,
  0x08, 0xe8, 0xea, 0xde, 0x80, 0x52, 0xee, 0xf7, 0x84, 0xaa, 0x72, 0xac, 0x35, 0x4d, 0x6a, 0x2a,
  0x96, 0x1a, 0xd2, 0x71, 0x5a, 0x15, 0x49, 0x74, 0x4b, 0x9f, 0xd0, 0x5e, 0x04, 0x18, 0xa4, 0xec,
  0xc2, 0xe0, 0x41, 0x6e, 0x0f, 0x51, 0xcb, 0xcc, 0x24, 0x91, 0xaf, 0x50, 0xa1, 0xf4, 0x70, 0x39,
  0x99, 0x7c, 0x3a, 0x85, 0x23, 0xb8, 0xb4, 0x7a, 0xfc, 0x02, 0x36, 0x5b, 0x25, 0x55, 0x97, 0x31,
  0x2d, 0x5d, 0xfa, 0x98, 0xe3, 0x8a, 0x92, 0xae, 0x05, 0xdf, 0x29, 0x10, 0x67, 0x6c, 0xba, 0xc9,
  0xd3, 0x00, 0xe6, 0xcf, 0xe1, 0x9e, 0xa8, 0x2c, 0x63, 0x16, 0x01, 0x3f, 0x58, 0xe2, 0x89, 0xa9,
  0x0d, 0x38, 0x34, 0x1b, 0xab, 0x33, 0xff, 0xb0, 0xbb, 0x48, 0x0c, 0x5f, 0xb9, 0xb1, 0xcd, 0x2e,
  0xc5, 0xf3, 0xdb, 0x47, 0xe5, 0xa5, 0x9c, 0x77, 0x0a, 0xa6, 0x20, 0x68, 0xfe, 0x7f, 0xc1, 0xad,
]);

// Left-rotation amounts of the four 16-bit words in a mixing round.
const ROTATIONS = [1, 2, 3, 5] as const;

/**
 * Expands a 1..128-byte key into RC2's 64 round subkeys, limited to `effectiveBits`
 * (1..1024) of effective key length as RFC 2268 section 2 describes.
 */
export function expandRc2Key(key: Uint8Array, effectiveBits: number): Uint16Array {
  if (key.length < 1 || key.length > 128) throw new RangeError(`RC2 key must be 1 to 128 bytes, got ${key.length}`);
  if (!Number.isInteger(effectiveBits) || effectiveBits < 1 || effectiveBits > 1024) throw new RangeError(`RC2 effective key length must be 1 to 1024 bits, got ${effectiveBits}`);

  const l = new Uint8Array(128);
  l.set(key);
  const t = key.length;
  const t8 = Math.ceil(effectiveBits / 8);
  const tm = 0xff >> (8 * t8 - effectiveBits);

  // Stretch the key forward over all 128 bytes, then cut it to the effective length and
  // spread the cut backwards.
  for (let i = t; i < 128; i++) l[i] = PITABLE[(l[i - 1] + l[i - t]) & 0xff];
  l[128 - t8] = PITABLE[l[128 - t8] & tm];
  for (let i = 127 - t8; i >= 0; i--) l[i] = PITABLE[l[i + 1] ^ l[i + t8]];

  const subkeys = new Uint16Array(64);
  for (let i = 0; i < 64; i++) subkeys[i] = l[2 * i] | (l[2 * i + 1] << 8);
  return subkeys;
}

/** Encrypts one 8-byte block from `input[inOffset..]` into `output[outOffset..]`. */
export function encryptRc2Block(subkeys: Uint16Array, input: Uint8Array, inOffset: number, output: Uint8Array, outOffset: number): void {
  const r = readWords(input, inOffset);
  let j = 0;
  const mixRound = (): void => {
    for (let i = 0; i < 4; i++) {
      const sum = r[i] + subkeys[j++] + (r[(i + 3) & 3] & r[(i + 2) & 3]) + (~r[(i + 3) & 3] & r[(i + 1) & 3]);
      r[i] = rotateLeft16(sum & 0xffff, ROTATIONS[i]);
    }
  };
  const mashRound = (): void => {
    for (let i = 0; i < 4; i++) r[i] = (r[i] + subkeys[r[(i + 3) & 3] & 63]) & 0xffff;
  };

  // 5 mixing rounds, a mashing round, 6 mixing, a mashing round, 5 mixing.
  for (let n = 0; n < 5; n++) mixRound();
  mashRound();
  for (let n = 0; n < 6; n++) mixRound();
  mashRound();
  for (let n = 0; n < 5; n++) mixRound();
  writeWords(r, output, outOffset);
}

/** Decrypts one 8-byte block from `input[inOffset..]` into `output[outOffset..]`. */
export function decryptRc2Block(subkeys: Uint16Array, input: Uint8Array, inOffset: number, output: Uint8Array, outOffset: number): void {
  const r = readWords(input, inOffset);
  let j = 63;
  const reverseMixRound = (): void => {
    for (let i = 3; i >= 0; i--) {
      const rotated = rotateLeft16(r[i], 16 - ROTATIONS[i]);
      r[i] = (rotated - subkeys[j--] - (r[(i + 3) & 3] & r[(i + 2) & 3]) - (~r[(i + 3) & 3] & r[(i + 1) & 3])) & 0xffff;
    }
  };
  const reverseMashRound = (): void => {
    for (let i = 3; i >= 0; i--) r[i] = (r[i] - subkeys[r[(i + 3) & 3] & 63]) & 0xffff;
  };

  // The encryption schedule run backwards.
  for (let n = 0; n < 5; n++) reverseMixRound();
  reverseMashRound();
  for (let n = 0; n < 6; n++) reverseMixRound();
  reverseMashRound();
  for (let n = 0; n < 5; n++) reverseMixRound();
  writeWords(r, output, outOffset);
}

/**
 * Decrypts RC2-CBC ciphertext without removing padding. The ciphertext length must be a
 * multiple of 8 bytes and the IV exactly 8 bytes.
 */
export function decryptRc2Cbc(key: Uint8Array, effectiveBits: number, iv: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  checkCbcInput(iv, ciphertext.length, 'ciphertext');
  const subkeys = expandRc2Key(key, effectiveBits);
  const plaintext = new Uint8Array(ciphertext.length);
  let previous = iv;
  for (let offset = 0; offset < ciphertext.length; offset += RC2_BLOCK_SIZE) {
    decryptRc2Block(subkeys, ciphertext, offset, plaintext, offset);
    for (let i = 0; i < RC2_BLOCK_SIZE; i++) plaintext[offset + i] ^= previous[i];
    previous = ciphertext.subarray(offset, offset + RC2_BLOCK_SIZE);
  }
  return plaintext;
}

/**
 * Encrypts RC2-CBC without adding padding: the plaintext length must be a multiple of 8.
 * Present so that tests can round-trip and compare with `openssl enc`.
 */
export function encryptRc2Cbc(key: Uint8Array, effectiveBits: number, iv: Uint8Array, plaintext: Uint8Array): Uint8Array {
  checkCbcInput(iv, plaintext.length, 'plaintext');
  const subkeys = expandRc2Key(key, effectiveBits);
  const ciphertext = new Uint8Array(plaintext.length);
  const block = new Uint8Array(RC2_BLOCK_SIZE);
  let previous: Uint8Array = iv;
  for (let offset = 0; offset < plaintext.length; offset += RC2_BLOCK_SIZE) {
    for (let i = 0; i < RC2_BLOCK_SIZE; i++) block[i] = plaintext[offset + i] ^ previous[i];
    encryptRc2Block(subkeys, block, 0, ciphertext, offset);
    previous = ciphertext.subarray(offset, offset + RC2_BLOCK_SIZE);
  }
  return ciphertext;
}

/**
 * Maps the `rc2ParameterVersion` of an RC2-CBC AlgorithmIdentifier (RFC 2268 section 6) to
 * the effective key length in bits: 160 means 40 bits, 120 means 64, 58 means 128, and any
 * value from 256 up is the bit count itself. Returns null for other values.
 */
export function rc2EffectiveBitsFromVersion(version: number): number | null {
  if (version >= 256 && version <= 1024) return version;
  switch (version) {
    case 160:
      return 40;
    case 120:
      return 64;
    case 58:
      return 128;
    default:
      return null;
  }
}

function checkCbcInput(iv: Uint8Array, length: number, dataName: string): void {
  if (iv.length !== RC2_BLOCK_SIZE) throw new RangeError(`RC2-CBC IV must be ${RC2_BLOCK_SIZE} bytes, got ${iv.length}`);
  if (length % RC2_BLOCK_SIZE !== 0) throw new RangeError(`RC2-CBC ${dataName} must be a multiple of ${RC2_BLOCK_SIZE} bytes, got ${length}`);
}

function readWords(bytes: Uint8Array, offset: number): number[] {
  return [0, 1, 2, 3].map((i) => bytes[offset + 2 * i] | (bytes[offset + 2 * i + 1] << 8));
}

function writeWords(words: number[], bytes: Uint8Array, offset: number): void {
  for (let i = 0; i < 4; i++) {
    bytes[offset + 2 * i] = words[i] & 0xff;
    bytes[offset + 2 * i + 1] = words[i] >> 8;
  }
}

function rotateLeft16(word: number, shift: number): number {
  return ((word << shift) | (word >> (16 - shift))) & 0xffff;
}
