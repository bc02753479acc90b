// Splitting PEM text (RFC 7468) into labelled blocks.
//
// Certificate bundles and key files often hold several blocks with explanatory text between
// them (`openssl x509 -text` output, "Bag Attributes" lines from `openssl pkcs12`), so
// everything outside BEGIN/END lines is ignored.

import { decodeBase64 } from '../../../shared/text/encoding.ts';

export interface PemBlock {
  /** The label between `BEGIN ` and the dashes, such as `CERTIFICATE` or `EC PRIVATE KEY`. */
  readonly label: string;
  /** RFC 1421 header lines (`Proc-Type`, `DEK-Info`) by name; empty for RFC 7468 blocks. */
  readonly headers: ReadonlyMap<string, string>;
  /** The block from its BEGIN line to its END line, line breaks normalised to LF. */
  readonly text: string;
  /** The decoded body, or null when the base64 is invalid. */
  readonly der: Uint8Array | null;
  /** 1-based line number of the BEGIN line, for messages. */
  readonly line: number;
}

const BEGIN = /^-----BEGIN ([A-Z0-9 ]+)-----\s*$/;
const END = /^-----END ([A-Z0-9 ]+)-----\s*$/;
const HEADER = /^([A-Za-z0-9-]+):\s*(.*)$/;

/** True when `bytes` looks like PEM text: it contains a BEGIN line. */
export function looksLikePem(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, Math.min(bytes.length, 1 << 20))).toString('latin1').includes('-----BEGIN ');
}

/**
 * Returns the PEM blocks in `text` in order. A BEGIN line without a matching END line is
 * reported as an unterminated block through `onError`, which receives the label and line.
 */
export function parsePemBlocks(text: string, onError: (problem: string, line: number) => never): PemBlock[] {
  const lines = text.split(/\r?\n|\r/);
  const blocks: PemBlock[] = [];

  for (let i = 0; i < lines.length; i++) {
    const begin = BEGIN.exec(lines[i]);
    if (!begin) continue;
    const label = begin[1];
    const startLine = i;

    // RFC 1421 headers come first and end at a blank line; RFC 7468 blocks have none.
    const headers = new Map<string, string>();
    let bodyStart = i + 1;
    if (HEADER.test(lines[bodyStart] ?? '')) {
      while (bodyStart < lines.length && lines[bodyStart].trim() !== '') {
        const header = HEADER.exec(lines[bodyStart]);
        if (header) headers.set(header[1], header[2].trim());
        bodyStart++;
      }
    }

    let end = bodyStart;
    while (end < lines.length && !END.test(lines[end])) end++;
    if (end >= lines.length) onError(`"BEGIN ${label}" has no END line`, startLine + 1);
    const endLabel = END.exec(lines[end])?.[1];
    if (endLabel !== label) onError(`"BEGIN ${label}" ends with "END ${endLabel}"`, startLine + 1);

    blocks.push({
      label,
      headers,
      text: lines.slice(startLine, end + 1).join('\n') + '\n',
      der: decodeBase64(lines.slice(bodyStart, end).join('')),
      line: startLine + 1,
    });
    i = end;
  }
  return blocks;
}
