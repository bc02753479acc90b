// BER/DER reader: turns bytes into a tree of TLV nodes.
//
// It accepts the BER forms found in real CMS files: indefinite lengths closed by
// end-of-contents, long-form tags, and constructed strings made of segments. Every length is
// checked against the input before it slices, and nesting is limited, so a truncated or
// hostile file ends in an Asn1Error rather than an out-of-range read or deep recursion. Nodes share the input
// buffer (subarrays), nothing is copied.

import { Asn1Error } from './errors.ts';
import { type Asn1TagClass, TAG_END_OF_CONTENTS, tagName } from './tags.ts';

export type { Asn1TagClass } from './tags.ts';

/** One tag-length-value element. */
export interface Asn1Node {
  readonly tagClass: Asn1TagClass;
  readonly constructed: boolean;
  readonly tag: number;
  /** Offset of the first identifier octet in the input given to `parseAsn1`. */
  readonly offset: number;
  /** Identifier and length octets. */
  readonly headerLength: number;
  /** Number of content octets, end-of-contents excluded. */
  readonly length: number;
  /** True when the length was the BER indefinite form. */
  readonly indefinite: boolean;
  /** The whole element as it appears in the input, end-of-contents included. */
  readonly raw: Uint8Array;
  /** The content octets, end-of-contents excluded. */
  readonly contents: Uint8Array;
  /** Child elements of a constructed element, empty for a primitive one. */
  readonly children: readonly Asn1Node[];
}

export interface ParseAsn1Options {
  /** Deepest nesting accepted; the outermost element is depth 1. Default 64. */
  readonly maxDepth?: number;
  /** Accept bytes after the first element instead of raising an error. */
  readonly allowTrailing?: boolean;
}

/** Default nesting limit: a CMS SignedData with certificates nests about 15 levels deep. */
export const DEFAULT_MAX_DEPTH = 64;

const TAG_CLASSES: readonly Asn1TagClass[] = ['universal', 'application', 'context', 'private'];

/** Largest tag number accepted: more than any standard uses, small enough to stay an exact number. */
const MAX_TAG_NUMBER = 2 ** 31 - 1;

/**
 * Parses one BER or DER element from `bytes`. Raises Asn1Error on malformed input, on nesting
 * deeper than `maxDepth`, and on bytes left after the element unless `allowTrailing` is set.
 */
export function parseAsn1(bytes: Uint8Array, options: ParseAsn1Options = {}): Asn1Node {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (bytes.length === 0) {
    throw new Asn1Error('input is empty', { offset: 0, expected: 'an ASN.1 element' });
  }

  const parser = new TlvParser(bytes, maxDepth);
  const node = parser.parseElement(0, bytes.length, 1);

  const end = node.offset + node.raw.length;
  if (end !== bytes.length && !options.allowTrailing) {
    throw new Asn1Error(`${bytes.length - end} bytes follow the ${tagName(node.tagClass, node.tag)} element`, {
      offset: end,
      expected: 'end of input',
    });
  }
  return node;
}

/** Identifier and length octets of one element, before its contents are read. */
export interface Asn1Header {
  readonly tagClass: Asn1TagClass;
  readonly constructed: boolean;
  readonly tag: number;
  readonly headerLength: number;
  /** Null for the indefinite form. */
  readonly length: number | null;
}

class TlvParser {
  constructor(
    private readonly bytes: Uint8Array,
    private readonly maxDepth: number,
  ) {}

  /** Parses the element starting at `offset`, which must end at or before `limit`. */
  parseElement(offset: number, limit: number, depth: number): Asn1Node {
    if (depth > this.maxDepth) {
      throw new Asn1Error(`elements nest deeper than ${this.maxDepth} levels`, { offset, expected: `at most ${this.maxDepth} levels` });
    }

    const header = readHeader(this.bytes, offset, limit);
    const contentsStart = offset + header.headerLength;
    const name = tagName(header.tagClass, header.tag);

    if (header.length === null) {
      return this.parseIndefinite(offset, limit, depth, header);
    }

    if (header.length > limit - contentsStart) {
      throw new Asn1Error(`${name} length ${header.length} runs past the end of its enclosing data (${limit - contentsStart} bytes left)`, {
        offset,
        expected: `at most ${limit - contentsStart} content bytes`,
      });
    }

    const contentsEnd = contentsStart + header.length;
    const children = header.constructed ? this.parseChildren(contentsStart, contentsEnd, depth) : [];
    return {
      tagClass: header.tagClass,
      constructed: header.constructed,
      tag: header.tag,
      offset,
      headerLength: header.headerLength,
      length: header.length,
      indefinite: false,
      raw: this.bytes.subarray(offset, contentsEnd),
      contents: this.bytes.subarray(contentsStart, contentsEnd),
      children,
    };
  }

  /** Parses the children of a definite-length constructed element, which fill [start, end) exactly. */
  private parseChildren(start: number, end: number, depth: number): Asn1Node[] {
    const children: Asn1Node[] = [];
    let position = start;
    while (position < end) {
      if (this.isEndOfContents(position, end)) {
        throw new Asn1Error('end-of-contents inside a definite-length element', { offset: position, expected: 'an element' });
      }
      const child = this.parseElement(position, end, depth + 1);
      children.push(child);
      position += child.raw.length;
    }
    return children;
  }

  /** Parses an indefinite-length element: children up to the end-of-contents octets 00 00. */
  private parseIndefinite(offset: number, limit: number, depth: number, header: Asn1Header): Asn1Node {
    const name = tagName(header.tagClass, header.tag);
    if (!header.constructed) {
      throw new Asn1Error(`primitive ${name} has the indefinite length form, which BER allows only for constructed elements`, {
        offset,
        expected: 'a definite length',
      });
    }

    const contentsStart = offset + header.headerLength;
    const children: Asn1Node[] = [];
    let position = contentsStart;
    for (;;) {
      if (position >= limit) {
        throw new Asn1Error(`indefinite-length ${name} has no end-of-contents before its enclosing data ends`, {
          offset: position,
          expected: 'end-of-contents (00 00)',
        });
      }
      if (this.isEndOfContents(position, limit)) break;
      const child = this.parseElement(position, limit, depth + 1);
      children.push(child);
      position += child.raw.length;
    }

    const end = position + 2;
    return {
      tagClass: header.tagClass,
      constructed: true,
      tag: header.tag,
      offset,
      headerLength: header.headerLength,
      length: position - contentsStart,
      indefinite: true,
      raw: this.bytes.subarray(offset, end),
      contents: this.bytes.subarray(contentsStart, position),
      children,
    };
  }

  /** True when an end-of-contents marker starts at `position`; a malformed one (00 with a non-zero length) is an error. */
  private isEndOfContents(position: number, limit: number): boolean {
    if (this.bytes[position] !== TAG_END_OF_CONTENTS) return false;
    if (position + 1 >= limit) {
      throw new Asn1Error('input ends inside an end-of-contents marker', { offset: position, expected: 'end-of-contents (00 00)' });
    }
    if (this.bytes[position + 1] !== 0) {
      throw new Asn1Error(`end-of-contents marker has length octet 0x${hexByte(this.bytes[position + 1])}`, {
        offset: position,
        expected: 'end-of-contents (00 00)',
      });
    }
    return true;
  }
}

/**
 * Reads only the identifier and length octets at `offset`, for cheap format checks that must
 * not parse a whole file. The length is not checked against the input.
 */
export function parseAsn1Header(bytes: Uint8Array, offset = 0): Asn1Header {
  return readHeader(bytes, offset, bytes.length);
}

function readHeader(bytes: Uint8Array, offset: number, limit: number): Asn1Header {
  let position = offset;
  const need = (count: number, part: string): void => {
    if (position + count > limit) {
      throw new Asn1Error(`input ends inside the ${part} of an element`, { offset, expected: `${count} more byte(s)` });
    }
  };

  // Identifier octets: class, constructed bit, tag number (base-128 when the low bits are all ones).
  need(1, 'identifier');
  const first = bytes[position++];
  const tagClass = TAG_CLASSES[first >> 6];
  const constructed = (first & 0x20) !== 0;
  let tag = first & 0x1f;
  if (tag === 0x1f) {
    tag = 0;
    let octets = 0;
    for (;;) {
      need(1, 'long-form tag');
      const octet = bytes[position++];
      if (octets === 0 && octet === 0x80) {
        throw new Asn1Error('long-form tag number starts with a 0x80 padding octet', { offset, expected: 'a minimal tag number' });
      }
      tag = tag * 128 + (octet & 0x7f);
      octets++;
      if (tag > MAX_TAG_NUMBER) {
        throw new Asn1Error(`tag number is larger than ${MAX_TAG_NUMBER}`, { offset, expected: 'a smaller tag number' });
      }
      if ((octet & 0x80) === 0) break;
    }
  }

  // Length octets: short form, long form with up to 4 length octets, or indefinite (0x80).
  need(1, 'length');
  const lengthOctet = bytes[position++];
  let length: number | null;
  if (lengthOctet < 0x80) {
    length = lengthOctet;
  } else if (lengthOctet === 0x80) {
    length = null;
  } else {
    const count = lengthOctet & 0x7f;
    if (count === 0x7f) {
      throw new Asn1Error('length octet 0xFF is reserved', { offset, expected: 'a short, long or indefinite length' });
    }
    if (count > 4) {
      throw new Asn1Error(`length takes ${count} octets, more than any input this reader accepts`, {
        offset,
        expected: 'at most 4 length octets',
      });
    }
    need(count, 'long-form length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[position++];
  }

  return { tagClass, constructed, tag, headerLength: position - offset, length };
}

function hexByte(value: number): string {
  return value.toString(16).padStart(2, '0').toUpperCase();
}

// The typed value readers (readOid, readInteger, readTime, expectSequence, ...) live in
// values.ts and are exported here too, so that one import gives the reader and its helpers.
export * from './values.ts';
