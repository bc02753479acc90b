// Structure-aware mutation of DER and BER: parse the input into its TLV tree, change one
// element (its contents, tag, class, or its presence), and encode the tree again with correct
// lengths. Byte edits mostly break the outer lengths, so they stop at the first parse step.
// These edits keep the framing valid and reach the certificate, CMS and PKCS#12 field code.
// DER nested in OCTET STRING and BIT STRING (extensions, the PKCS#12 safes, keys) is descended too.

import { parseAsn1, type Asn1Node, type Asn1TagClass } from '../../../shared/asn1/reader.ts';
import { derTlv } from '../../../shared/asn1/writer.ts';
import { TAG_BIT_STRING, TAG_OCTET_STRING } from '../../../shared/asn1/tags.ts';
import { decodeBase64, encodeBase64 } from '../../../shared/text/encoding.ts';
import type { Random } from './random.ts';

/** An element of the tree, with its children or the DER element its string contents hold. */
interface Element {
  readonly node: Asn1Node;
  readonly children: readonly Element[];
  /** For an OCTET STRING or BIT STRING whose contents are one DER element: that element. */
  readonly inner?: { readonly prefix: Uint8Array; readonly element: Element };
}

const INTEGER_CONTENTS = [[], [0x00], [0xff], [0x80], [0x00, 0x80], [0x7f, 0xff, 0xff, 0xff], [0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], [0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]];
const CLASSES: readonly Asn1TagClass[] = ['universal', 'application', 'context', 'private'];

/** Returns `input` with one element changed, or null when `input` does not start with a BER element. */
export function mutateAsn1(input: Uint8Array, random: Random, donors: readonly Uint8Array[]): Uint8Array | null {
  let root: Element;
  try {
    root = toElement(parseAsn1(input, { allowTrailing: true, maxDepth: 48 }), 0);
  } catch {
    return null;
  }

  const elements: Element[] = [];
  collect(root, elements);
  const chosen = random.pick(elements);
  const replacement = replace(chosen, random, donors);
  const encoded = encode(root, chosen, replacement);
  const trailing = input.subarray(root.node.raw.length);
  const out = new Uint8Array(encoded.length + trailing.length);
  out.set(encoded);
  out.set(trailing, encoded.length);
  return out;
}

/** Returns `input` (PEM text) with the DER of one block changed, or null when it has no decodable block. */
export function mutatePemBody(input: Uint8Array, random: Random, donors: readonly Uint8Array[]): Uint8Array | null {
  const text = new TextDecoder('latin1').decode(input);
  const blocks = [...text.matchAll(/(-----BEGIN [A-Z0-9 ]+-----\r?\n)([A-Za-z0-9+/=\r\n]+?)(-----END )/g)];
  if (blocks.length === 0) return null;
  const block = random.pick(blocks);
  const der = decodeBase64(block[2]);
  if (der === null) return null;
  const mutated = mutateAsn1(der, random, donors);
  if (mutated === null) return null;

  const body = (encodeBase64(mutated).match(/.{1,64}/g) ?? []).join('\n') + '\n';
  const start = (block.index ?? 0) + block[1].length;
  const result = text.slice(0, start) + body + text.slice(start + block[2].length);
  return Uint8Array.from(result, (char) => char.charCodeAt(0) & 0xff);
}

function toElement(node: Asn1Node, depth: number): Element {
  const children = node.constructed ? node.children.map((child) => toElement(child, depth + 1)) : [];
  return { node, children, inner: node.constructed || depth > 40 ? undefined : innerElement(node, depth) };
}

/** Parses the contents of an OCTET STRING or BIT STRING as one whole DER element, when they are one. */
function innerElement(node: Asn1Node, depth: number): Element['inner'] {
  if (node.tagClass !== 'universal' || (node.tag !== TAG_OCTET_STRING && node.tag !== TAG_BIT_STRING)) return undefined;
  const prefix = node.tag === TAG_BIT_STRING ? node.contents.subarray(0, 1) : new Uint8Array(0);
  const body = node.contents.subarray(prefix.length);
  if (body.length < 2 || (body[0] & 0x20) === 0) return undefined;
  try {
    return { prefix, element: toElement(parseAsn1(body, { maxDepth: 48 }), depth + 1) };
  } catch {
    return undefined;
  }
}

function collect(element: Element, out: Element[]): void {
  out.push(element);
  for (const child of element.children) collect(child, out);
  if (element.inner) collect(element.inner.element, out);
}

/** Returns the encoded elements that take the place of `element`: none to delete it, two to duplicate it. */
function replace(element: Element, random: Random, donors: readonly Uint8Array[]): Uint8Array[] {
  const { node } = element;
  const withContents = (contents: Uint8Array): Uint8Array => derTlv(node.tagClass, false, node.tag, contents);
  switch (random.below(9)) {
    case 0:
      return [];
    case 1:
      return [node.raw, node.raw];
    case 2:
      return [derTlv(node.tagClass, node.constructed, random.chance(1, 4) ? random.between(31, 200) : random.below(31), node.contents)];
    case 3:
      return [derTlv(random.pick(CLASSES), node.constructed, node.tag, node.contents)];
    case 4:
      return [withContents(Uint8Array.from(random.pick(INTEGER_CONTENTS)))];
    case 5: {
      const bytes = new Uint8Array(random.below(12));
      for (let i = 0; i < bytes.length; i++) bytes[i] = random.below(256);
      return [withContents(bytes)];
    }
    case 6:
      return [derTlv(node.tagClass, node.constructed, node.tag, node.contents.subarray(0, random.below(node.contents.length + 1)))];
    case 7:
      return [donorElement(random, donors) ?? node.raw];
    default:
      // Primitive with constructed contents, or the reverse.
      return [derTlv(node.tagClass, !node.constructed, node.tag, node.contents)];
  }
}

/** Returns a random element of a random donor input, for splicing structures between seeds. */
function donorElement(random: Random, donors: readonly Uint8Array[]): Uint8Array | null {
  if (donors.length === 0) return null;
  try {
    const elements: Element[] = [];
    collect(toElement(parseAsn1(random.pick(donors), { allowTrailing: true, maxDepth: 48 }), 0), elements);
    return random.pick(elements).node.raw;
  } catch {
    return null;
  }
}

/** Encodes `element` with `chosen` replaced; only the ancestors of `chosen` are encoded anew. */
function encode(element: Element, chosen: Element, replacement: readonly Uint8Array[]): Uint8Array {
  return concat(encodeInto(element, chosen, replacement) ?? [element.node.raw]);
}

/** Returns the new encodings of `element` when `chosen` is inside it, or null when it is unchanged. */
function encodeInto(element: Element, chosen: Element, replacement: readonly Uint8Array[]): Uint8Array[] | null {
  if (element === chosen) return [...replacement];
  const { node } = element;

  for (let i = 0; i < element.children.length; i++) {
    const changed = encodeInto(element.children[i], chosen, replacement);
    if (changed === null) continue;
    const parts = element.children.map((child, index) => (index === i ? concat(changed) : child.node.raw));
    return [derTlv(node.tagClass, node.constructed, node.tag, concat(parts))];
  }
  if (element.inner) {
    const changed = encodeInto(element.inner.element, chosen, replacement);
    if (changed !== null) return [derTlv(node.tagClass, node.constructed, node.tag, concat([element.inner.prefix, ...changed]))];
  }
  return null;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
