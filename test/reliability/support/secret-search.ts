// Searching captured output for secrets in every form they could leak in: as text, as UTF-16
// (PKCS#12 passwords are BMPStrings), as raw bytes, and as base64 or hex chunks at each byte
// alignment, so that a key inside PEM, JSON or a base64 <data> element is found too.

import type { KeyObject } from 'node:crypto';

export interface Secret {
  readonly name: string;
  readonly needles: readonly Buffer[];
}

/** Chunk sizes: long enough that a chance match is practically impossible, short enough to catch a partial leak. */
const RAW_CHUNK = 24;
const TEXT_CHUNK = 20;

/** A text secret (a passphrase, a Wi-Fi password): its UTF-8 and UTF-16 bytes and its base64. */
export function textSecret(name: string, value: string): Secret {
  const utf8 = Buffer.from(value, 'utf8');
  const utf16be = Buffer.from(value, 'utf16le').swap16();
  return { name, needles: [utf8, Buffer.from(value, 'utf16le'), utf16be, ...base64Chunks(utf8, 12)] };
}

/**
 * A private key: chunks of its private numbers (RSA d, p, q, dp, dq, qi, or the EC scalar d), raw,
 * hex, base64 and base64url. A leak of the key in any encoding (PEM, DER, JWK) contains them,
 * while the public parts of the DER (the modulus, the EC point) also sit in every certificate
 * and would match by design.
 */
export function keySecret(name: string, key: KeyObject): Secret {
  const jwk = key.export({ format: 'jwk' });
  const numbers = [jwk.d, jwk.p, jwk.q, jwk.dp, jwk.dq, jwk.qi].filter((value): value is string => typeof value === 'string').map((value) => Buffer.from(value, 'base64url'));
  return {
    name,
    needles: numbers.flatMap((number) => [...rawChunks(number), ...hexChunks(number), ...base64Chunks(number, TEXT_CHUNK), ...base64UrlChunks(number)]),
  };
}

/** Returns the names of the secrets found in `haystack`, each once. */
export function findSecrets(haystack: string | Uint8Array, secrets: readonly Secret[]): string[] {
  const bytes = typeof haystack === 'string' ? Buffer.from(haystack, 'utf8') : Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength);
  return secrets.filter((secret) => secret.needles.some((needle) => bytes.includes(needle))).map((secret) => secret.name);
}

function rawChunks(bytes: Buffer): Buffer[] {
  const chunks: Buffer[] = [];
  for (let at = 0; at + RAW_CHUNK <= bytes.length; at += RAW_CHUNK) chunks.push(bytes.subarray(at, at + RAW_CHUNK));
  return chunks;
}

function hexChunks(bytes: Buffer): Buffer[] {
  return rawChunks(bytes).flatMap((chunk) => {
    const hex = chunk.toString('hex');
    return [Buffer.from(hex), Buffer.from(hex.toUpperCase())];
  });
}

/** Base64 of `bytes` starting at each of the three byte alignments, cut into chunks without the edges. */
function base64Chunks(bytes: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const text = bytes.subarray(shift).toString('base64').replace(/=+$/, '');
    // The last four characters depend on what follows the secret, so they are left out.
    const usable = text.slice(0, Math.max(0, text.length - 4));
    for (let at = 0; at + size <= usable.length; at += size) chunks.push(Buffer.from(usable.slice(at, at + size)));
  }
  return chunks;
}

function base64UrlChunks(bytes: Buffer): Buffer[] {
  return base64Chunks(bytes, TEXT_CHUNK).map((chunk) => Buffer.from(chunk.toString().replace(/\+/g, '-').replace(/\//g, '_')));
}
