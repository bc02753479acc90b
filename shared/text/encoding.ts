// Text codecs and base64 for code that runs in every runtime.
//
// TextDecoder, TextEncoder, atob and btoa are web-standard globals in browsers and in Node,
// but `shared/` is type-checked with no DOM or Node library (so that neither can creep in),
// so this module declares the small part of them it uses.

interface TextDecoderLike {
  decode(bytes: Uint8Array): string;
}

interface WebGlobals {
  TextDecoder: new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => TextDecoderLike;
  TextEncoder: new () => { encode(text: string): Uint8Array };
}

const web = globalThis as unknown as WebGlobals;
const utf8Encoder = new web.TextEncoder();

/** Encodes a string as UTF-8 bytes. */
export function encodeUtf8(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

/**
 * Decodes bytes in the given encoding. `fatal` makes invalid byte sequences throw a
 * TypeError instead of turning into U+FFFD, which readers use to reject corrupt input.
 * The byte order mark is kept so that callers decide what to do with it.
 */
export function decodeText(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1', fatal = true): string {
  // A decoder keeps no state between calls made without the stream option, so one per kind is
  // reused: creating one costs more than decoding a short string.
  const key = `${encoding}/${fatal}`;
  let decoder = decoders.get(key);
  if (!decoder) {
    decoder = new web.TextDecoder(encoding, { fatal, ignoreBOM: true });
    decoders.set(key, decoder);
  }
  return decoder.decode(bytes);
}

const decoders = new Map<string, TextDecoderLike>();

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUES = new Int16Array(128).fill(-1);
for (let i = 0; i < BASE64_ALPHABET.length; i++) BASE64_VALUES[BASE64_ALPHABET.charCodeAt(i)] = i;

const BASE64_CODES = new Uint8Array(64);
for (let i = 0; i < BASE64_ALPHABET.length; i++) BASE64_CODES[i] = BASE64_ALPHABET.charCodeAt(i);
const EQUALS_SIGN = 0x3d;

/** Decodes ASCII bytes to a string; created on first use and kept, because creating a decoder per call costs more than a short blob. */
let asciiDecoder: TextDecoderLike | undefined;

/**
 * Encodes bytes as base64 with padding and no line breaks. The characters are written as
 * ASCII bytes and decoded into a string once: appending them to a string one by one is
 * about ten times slower on large blobs (measured on Node 20 with a 1 MB blob).
 */
export function encodeBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out[o++] = BASE64_CODES[n >> 18];
    out[o++] = BASE64_CODES[(n >> 12) & 63];
    out[o++] = BASE64_CODES[(n >> 6) & 63];
    out[o++] = BASE64_CODES[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out[o++] = BASE64_CODES[n >> 18];
    out[o++] = BASE64_CODES[(n >> 12) & 63];
    out[o++] = EQUALS_SIGN;
    out[o++] = EQUALS_SIGN;
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out[o++] = BASE64_CODES[n >> 18];
    out[o++] = BASE64_CODES[(n >> 12) & 63];
    out[o++] = BASE64_CODES[(n >> 6) & 63];
    out[o++] = EQUALS_SIGN;
  }
  // Latin-1 (windows-1252 in the Encoding Standard) maps every ASCII byte to the same character.
  asciiDecoder ??= new web.TextDecoder('latin1');
  return asciiDecoder.decode(out);
}

/**
 * Decodes base64, skipping ASCII white space anywhere (plist `<data>` and PEM wrap lines).
 * Returns null when a character outside the alphabet appears or the length is impossible;
 * missing final padding is accepted, as Apple's and Python's readers accept it.
 */
export function decodeBase64(text: string): Uint8Array | null {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4) + 3);
  let length = 0;
  let buffer = 0;
  let bits = 0;
  let padding = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0c || code === 0x0b) continue;
    if (code === 0x3d) {
      padding++;
      continue;
    }
    if (padding > 0) return null;
    const value = code < 128 ? BASE64_VALUES[code] : -1;
    if (value < 0) return null;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[length++] = (buffer >> bits) & 0xff;
    }
  }
  if (bits >= 6 || padding > 2) return null;
  return out.slice(0, length);
}
