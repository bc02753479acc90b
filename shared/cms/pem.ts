// Text armour around DER: PEM blocks (RFC 7468) and bare base64.
//
// `openssl cms -outform PEM` writes `-----BEGIN CMS-----`, older tools `BEGIN PKCS7`; some
// servers send the DER as base64 with no header lines at all.

import { decodeBase64, decodeText } from '../text/encoding.ts';
import { CmsError } from './errors.ts';

export interface PemBlock {
  /** The label between `BEGIN ` and the dashes, such as `CERTIFICATE`. */
  readonly label: string;
  readonly der: Uint8Array;
}

/** PEM labels taken as CMS ContentInfo. */
export const CMS_PEM_LABELS: readonly string[] = ['CMS', 'PKCS7', 'PKCS #7 SIGNED DATA', 'SIGNED MESSAGE'];

/** A BEGIN or END line marker; the label is matched again at END to pair them. */
const PEM_MARKER = /-----(BEGIN|END) ([A-Z0-9 #]+)-----/g;

/**
 * Returns every PEM block in `text`, in order. Explanatory text between blocks is skipped, as
 * RFC 7468 allows; a block whose body is not valid base64 raises CmsError. A BEGIN line
 * without a matching END line is skipped.
 */
export function decodePemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const { label, body } of pairPemMarkers(text)) {
    // RFC 1421 style headers (`Proc-Type: ...`) come before a blank line; they mark encrypted PEM.
    const content = body.includes(':') ? body.slice(body.search(/\r?\n\r?\n/) + 1) : body;
    const der = decodeBase64(content);
    if (!der || der.length === 0) {
      throw new CmsError('malformed', `PEM block "${label}" has invalid base64 content; check that the file was not cut or edited`, { field: label });
    }
    blocks.push({ label, der });
  }
  return blocks;
}

/**
 * Pairs each BEGIN line with the next END line of the same label, in one pass over the markers.
 * Searching the text for each BEGIN's END instead would take time quadratic in the number of
 * unterminated BEGIN lines, which a hostile file can repeat millions of times.
 */
function pairPemMarkers(text: string): { label: string; body: string }[] {
  const markers = [...text.matchAll(PEM_MARKER)].map((match) => ({ begin: match[1] === 'BEGIN', label: match[2], start: match.index, end: match.index + match[0].length }));

  // For each BEGIN, the index of the nearest END with its label after it, found walking backwards.
  const nearestEnd = new Map<string, number>();
  const partner: (number | undefined)[] = new Array(markers.length);
  for (let i = markers.length - 1; i >= 0; i--) {
    if (markers[i].begin) partner[i] = nearestEnd.get(markers[i].label);
    else nearestEnd.set(markers[i].label, i);
  }

  const pairs: { label: string; body: string }[] = [];
  let cursor = 0;
  for (let i = 0; i < markers.length; i++) {
    const endIndex = partner[i];
    if (!markers[i].begin || endIndex === undefined || markers[i].start < cursor) continue;
    pairs.push({ label: markers[i].label, body: text.slice(markers[i].end, markers[endIndex].start) });
    cursor = markers[endIndex].end;
  }
  return pairs;
}

export type CmsArmour = 'der' | 'pem' | 'base64';

/**
 * Returns the DER (or BER) bytes of CMS input given as binary, as a PEM block with one of
 * CMS_PEM_LABELS, or as bare base64 of data that starts with a SEQUENCE. Returns null for
 * any other input, so that callers can try other formats.
 */
export function decodeCmsArmour(bytes: Uint8Array): { der: Uint8Array; armour: CmsArmour } | null {
  if (bytes.length > 0 && bytes[0] === 0x30) return { der: bytes, armour: 'der' };

  // Opening a document sends every file that is not DER through here, mostly XML plists of up to
  // megabytes. Decoding a 3 MB profile as text only to find no PEM line and no base64 took 10 to
  // 20 ms in a fresh CLI process, so the bytes are checked first. These checks return the same
  // result as the text checks below, because they search for ASCII only and any byte that is not
  // ASCII sends the input down the text path.
  if (!containsAscii(bytes, PEM_BEGIN) && !mayStartBase64Text(bytes)) return null;

  const text = decodeText(bytes, 'latin1', false);
  if (text.includes('-----BEGIN ')) {
    const block = decodePemBlocks(text).find((candidate) => CMS_PEM_LABELS.includes(candidate.label));
    return block ? { der: block.der, armour: 'pem' } : null;
  }

  const trimmed = text.trim();
  if (trimmed.length < 4 || !/^[A-Za-z0-9+/=\s]+$/.test(trimmed)) return null;
  const der = decodeBase64(trimmed);
  return der && der.length > 0 && der[0] === 0x30 ? { der, armour: 'base64' } : null;
}

const PEM_BEGIN = '-----BEGIN ';

/** Checks whether `bytes` contain the ASCII string `needle`, as their latin1 text would. */
function containsAscii(bytes: Uint8Array, needle: string): boolean {
  const first = needle.charCodeAt(0);
  let at = bytes.indexOf(first);
  while (at >= 0 && at + needle.length <= bytes.length) {
    let matched = 1;
    while (matched < needle.length && bytes[at + matched] === needle.charCodeAt(matched)) matched++;
    if (matched === needle.length) return true;
    at = bytes.indexOf(first, at + 1);
  }
  return false;
}

/**
 * Checks whether `bytes` may start bare base64 text. Returns false when the first byte after ASCII
 * white space is ASCII but outside the base64 alphabet, or when there is no such byte. Returns true
 * for a byte that is not ASCII, because it may decode to white space that trim() removes (U+00A0).
 */
function mayStartBase64Text(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte === 0x20 || (byte >= 0x09 && byte <= 0x0d)) continue;
    return byte >= 0x80 || BASE64_ALPHABET.includes(String.fromCharCode(byte));
  }
  return false;
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=';
