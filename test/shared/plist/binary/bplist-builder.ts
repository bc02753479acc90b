// Assembles bplist00 files from hand-encoded objects, so that reader tests can state every
// byte of their input and break any field of the trailer on purpose.

export interface BplistParts {
  /** Each object's bytes, marker first, with references already encoded by the caller. */
  readonly objects: readonly (readonly number[])[];
  /** Offset table entry width; defaults to the smallest width that fits every offset. */
  readonly offsetSize?: number;
  /** Reference width stored in the trailer; the caller encodes references in `objects` to match. Defaults to 1. */
  readonly refSize?: number;
  /** Trailer fields; each defaults to the value that describes `objects` correctly. */
  readonly objectCount?: bigint;
  readonly topObject?: bigint;
  readonly offsetTableOffset?: bigint;
  /** Offset table entries in place of the real object offsets. */
  readonly offsets?: readonly number[];
  /** First 8 bytes; defaults to `bplist00`. */
  readonly header?: string;
}

/** Returns a bplist00 file: header, objects, offset table and the 32-byte trailer. */
export function buildBplist(parts: BplistParts): Uint8Array {
  const bytes: number[] = [...Buffer.from(parts.header ?? 'bplist00', 'latin1')];

  // Objects, remembering where each starts.
  const realOffsets: number[] = [];
  for (const object of parts.objects) {
    realOffsets.push(bytes.length);
    for (const byte of object) bytes.push(byte);
  }

  // Offset table.
  const offsets = parts.offsets ?? realOffsets;
  const tableOffset = bytes.length;
  const largest = Math.max(0, ...offsets);
  let offsetSize = 4;
  if (largest < 0x10000) offsetSize = 2;
  if (largest < 0x100) offsetSize = 1;
  if (parts.offsetSize !== undefined) offsetSize = parts.offsetSize;
  for (const offset of offsets) bytes.push(...bigEndian(BigInt(offset), offsetSize));

  // Trailer.
  bytes.push(0, 0, 0, 0, 0, 0, offsetSize, parts.refSize ?? 1);
  bytes.push(...bigEndian(parts.objectCount ?? BigInt(parts.objects.length), 8));
  bytes.push(...bigEndian(parts.topObject ?? 0n, 8));
  bytes.push(...bigEndian(parts.offsetTableOffset ?? BigInt(tableOffset), 8));
  return Uint8Array.from(bytes);
}

/** Returns the low `width` bytes of `value`, most significant first. */
export function bigEndian(value: bigint, width: number): number[] {
  const out: number[] = [];
  for (let i = width - 1; i >= 0; i--) out.push(Number((value >> BigInt(8 * i)) & 0xffn));
  return out;
}

/** Returns the bytes of an ASCII string object (marker 0x5n, length in the nibble; under 15 characters). */
export function asciiObject(text: string): number[] {
  return [0x50 | text.length, ...Buffer.from(text, 'latin1')];
}

/** Returns the bytes of a hex string with spaces ignored, as an array. */
export function hexBytes(hex: string): number[] {
  return [...Buffer.from(hex.replace(/\s+/g, ''), 'hex')];
}
