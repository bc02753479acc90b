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

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 #]+)-----([\s\S]*?)-----END \1-----/g;

/**
 * Returns every PEM block in `text`, in order. Explanatory text between blocks is skipped, as
 * RFC 7468 allows; a block whose body is not valid base64 raises CmsError.
 */
export function decodePemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const match of text.matchAll(PEM_BLOCK)) {
    const label = match[1];
    // RFC 1421 style headers (`Proc-Type: ...`) come before a blank line; they mark encrypted PEM.
    const body = match[2].includes(':') ? match[2].slice(match[2].search(/\r?\n\r?\n/) + 1) : match[2];
    const der = decodeBase64(body);
    if (!der || der.length === 0) {
      throw new CmsError('malformed', `PEM block "${label}" has invalid base64 content; check that the file was not cut or edited`, { field: label });
    }
    blocks.push({ label, der });
  }
  return blocks;
}

export type CmsArmour = 'der' | 'pem' | 'base64';

/**
 * Returns the DER (or BER) bytes of CMS input given as binary, as a PEM block with one of
 * CMS_PEM_LABELS, or as bare base64 of data that starts with a SEQUENCE. Returns null for
 * any other input, so that callers can try other formats.
 */
export function decodeCmsArmour(bytes: Uint8Array): { der: Uint8Array; armour: CmsArmour } | null {
  if (bytes.length > 0 && bytes[0] === 0x30) return { der: bytes, armour: 'der' };

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
