// Byte-level mutations of seed inputs, in the style of AFL's havoc stage. Each input gets a
// stack of one to eight random edits. Besides byte edits there are splices with another seed
// and tokens from a dictionary of the format (XML markup, DER length forms, PEM lines).

import { mutateAsn1, mutatePemBody } from './asn1-mutate.ts';
import type { Random } from './random.ts';

export interface MutationSource {
  /** The seed inputs; at least one. */
  readonly seeds: readonly Uint8Array[];
  /** Byte strings that mean something in the format. */
  readonly tokens: readonly Uint8Array[];
  /** Largest input produced, in bytes. */
  readonly maxLength: number;
  /** Adds the structure-aware mutation of DER/BER inputs, or of the DER inside PEM blocks. */
  readonly structure?: 'asn1' | 'pem';
}

/** Byte values at the edges of sizes, markers and signs. */
const INTERESTING_8 = [0x00, 0x01, 0x02, 0x0f, 0x10, 0x1f, 0x20, 0x30, 0x3f, 0x40, 0x7e, 0x7f, 0x80, 0x81, 0x82, 0x84, 0xa0, 0xfe, 0xff];

/** 16- and 32-bit values at the edges of lengths and counts, written big-endian like DER and bplist. */
const INTERESTING_WIDE = [0x0000, 0x0080, 0x00ff, 0x0100, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff];

type Mutator = (input: Uint8Array, random: Random, source: MutationSource) => Uint8Array;

const MUTATORS: readonly Mutator[] = [
  flipBit,
  setRandomByte,
  setInterestingByte,
  setInterestingWide,
  addToByte,
  deleteChunk,
  duplicateChunk,
  insertRandomBytes,
  insertToken,
  repeatToken,
  overwriteWithToken,
  spliceWithSeed,
  truncate,
];

/**
 * Returns a mutated copy of a seed chosen by `random`. With `structure` set, half the inputs
 * get one to three element edits that keep the DER framing valid, and a byte edit now and then.
 */
export function mutateSeed(random: Random, source: MutationSource): Uint8Array {
  let input: Uint8Array = random.pick(source.seeds).slice();
  let edits = 1 << random.below(4);
  if (source.structure !== undefined && random.chance(1, 2)) {
    const mutateStructure = source.structure === 'asn1' ? mutateAsn1 : mutatePemBody;
    for (let i = random.below(3); i >= 0; i--) input = mutateStructure(input, random, source.seeds) ?? input;
    edits = random.chance(1, 4) ? 1 : 0;
  }
  for (let i = 0; i < edits; i++) {
    input = random.pick(MUTATORS)(input, random, source);
    if (input.length > source.maxLength) input = input.subarray(0, source.maxLength);
  }
  return input;
}

function flipBit(input: Uint8Array, random: Random): Uint8Array {
  if (input.length === 0) return input;
  input[random.below(input.length)] ^= 1 << random.below(8);
  return input;
}

function setRandomByte(input: Uint8Array, random: Random): Uint8Array {
  if (input.length === 0) return input;
  input[random.below(input.length)] = random.below(256);
  return input;
}

function setInterestingByte(input: Uint8Array, random: Random): Uint8Array {
  if (input.length === 0) return input;
  input[random.below(input.length)] = random.pick(INTERESTING_8);
  return input;
}

function setInterestingWide(input: Uint8Array, random: Random): Uint8Array {
  const width = random.chance(1, 2) ? 2 : 4;
  if (input.length < width) return input;
  const at = random.below(input.length - width + 1);
  const value = random.pick(INTERESTING_WIDE);
  for (let i = 0; i < width; i++) input[at + i] = (value >>> (8 * (width - 1 - i))) & 0xff;
  return input;
}

function addToByte(input: Uint8Array, random: Random): Uint8Array {
  if (input.length === 0) return input;
  const at = random.below(input.length);
  input[at] = (input[at] + random.between(-16, 16)) & 0xff;
  return input;
}

function deleteChunk(input: Uint8Array, random: Random): Uint8Array {
  if (input.length < 2) return input;
  const start = random.below(input.length);
  const length = 1 + random.below(Math.min(input.length - start, chunkLimit(input, random)));
  return concat(input.subarray(0, start), input.subarray(start + length));
}

function duplicateChunk(input: Uint8Array, random: Random): Uint8Array {
  if (input.length === 0) return input;
  const start = random.below(input.length);
  const length = 1 + random.below(Math.min(input.length - start, chunkLimit(input, random)));
  const at = random.below(input.length + 1);
  return concat(input.subarray(0, at), input.subarray(start, start + length), input.subarray(at));
}

function insertRandomBytes(input: Uint8Array, random: Random): Uint8Array {
  const bytes = new Uint8Array(1 + random.below(16));
  const fill = random.chance(1, 2) ? random.below(256) : -1;
  for (let i = 0; i < bytes.length; i++) bytes[i] = fill >= 0 ? fill : random.below(256);
  const at = random.below(input.length + 1);
  return concat(input.subarray(0, at), bytes, input.subarray(at));
}

function insertToken(input: Uint8Array, random: Random, source: MutationSource): Uint8Array {
  if (source.tokens.length === 0) return input;
  const at = random.below(input.length + 1);
  return concat(input.subarray(0, at), random.pick(source.tokens), input.subarray(at));
}

/**
 * Inserts one token repeated hundreds to tens of thousands of times, up to the size limit. Such
 * runs expose readers whose time grows faster than their input (a quadratic scan per marker).
 */
function repeatToken(input: Uint8Array, random: Random, source: MutationSource): Uint8Array {
  if (source.tokens.length === 0) return input;
  const token = random.pick(source.tokens);
  const room = Math.max(0, source.maxLength - input.length);
  const count = Math.min(random.between(100, 20_000), Math.floor(room / Math.max(1, token.length)));
  if (count === 0) return input;
  const run = new Uint8Array(count * token.length);
  for (let i = 0; i < count; i++) run.set(token, i * token.length);
  const at = random.below(input.length + 1);
  return concat(input.subarray(0, at), run, input.subarray(at));
}

function overwriteWithToken(input: Uint8Array, random: Random, source: MutationSource): Uint8Array {
  if (source.tokens.length === 0) return input;
  const token = random.pick(source.tokens);
  if (input.length < token.length) return input;
  input.set(token, random.below(input.length - token.length + 1));
  return input;
}

/** Joins the start of this input to the end of another seed, as AFL's splice stage does. */
function spliceWithSeed(input: Uint8Array, random: Random, source: MutationSource): Uint8Array {
  const other = random.pick(source.seeds);
  return concat(input.subarray(0, random.below(input.length + 1)), other.subarray(random.below(other.length + 1)));
}

function truncate(input: Uint8Array, random: Random): Uint8Array {
  return input.subarray(0, random.below(input.length + 1));
}

/** Chunks are mostly small, sometimes up to the whole input. */
function chunkLimit(input: Uint8Array, random: Random): number {
  return random.chance(3, 4) ? 32 : input.length;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
