// The 32-byte bplist00 trailer: where the offset table is and how wide its entries are.
//
// Every field is checked against the file's length before the reader allocates anything
// or follows any offset, so a hostile trailer costs a constant amount of work.

import { PlistError } from '../errors.ts';
import { MAX_BINARY_OBJECTS } from '../limits.ts';
import { HEADER_LENGTH, TRAILER_LENGTH } from './format.ts';

export interface BinaryTrailer {
  /** Width in bytes (1 to 8) of each offset table entry. */
  readonly offsetSize: number;
  /** Width in bytes (1 to 8) of each object reference inside arrays and dictionaries. */
  readonly refSize: number;
  readonly objectCount: number;
  /** Index of the root object in the offset table. */
  readonly topObject: number;
  readonly offsetTableOffset: number;
}

/** Reads and validates the trailer of `bytes`, which starts with the bplist00 header. */
export function readTrailer(bytes: Uint8Array, file?: string): BinaryTrailer {
  // Header, at least one object byte, trailer.
  const minLength = HEADER_LENGTH + 1 + TRAILER_LENGTH;
  if (bytes.length < minLength) {
    throw new PlistError(
      `binary plist is truncated: it is ${bytes.length} bytes, but the header, one object and the ${TRAILER_LENGTH}-byte trailer need at least ${minLength}`,
      { file, offset: bytes.length },
    );
  }

  const start = bytes.length - TRAILER_LENGTH;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fail = (reason: string, fieldOffset: number): never => {
    throw new PlistError(`invalid binary plist trailer: ${reason}`, { file, offset: start + fieldOffset });
  };

  // Entry widths.
  const offsetSize = bytes[start + 6];
  if (offsetSize < 1 || offsetSize > 8) fail(`offset table entry size is ${offsetSize}, but it must be 1 to 8 bytes`, 6);
  const refSize = bytes[start + 7];
  if (refSize < 1 || refSize > 8) fail(`object reference size is ${refSize}, but it must be 1 to 8 bytes`, 7);

  // The object area runs from the header to the offset table, and each object takes at
  // least one byte of it, which bounds the count before anything is allocated.
  const offsetTableOffset = view.getBigUint64(start + 24);
  const objectCount = view.getBigUint64(start + 8);
  if (offsetTableOffset <= BigInt(HEADER_LENGTH) || offsetTableOffset >= BigInt(start)) {
    fail(`offset table offset ${offsetTableOffset} is outside the file's object area (bytes ${HEADER_LENGTH + 1} to ${start - 1})`, 24);
  }
  const objectAreaLength = Number(offsetTableOffset) - HEADER_LENGTH;
  if (objectCount === 0n) fail('object count is 0, so there is no root object', 8);
  if (objectCount > BigInt(objectAreaLength)) {
    fail(`object count ${objectCount} is more than the ${objectAreaLength} bytes of the object area could hold`, 8);
  }
  if (objectCount > BigInt(MAX_BINARY_OBJECTS)) {
    fail(`object count ${objectCount} is over the limit of ${MAX_BINARY_OBJECTS} objects`, 8);
  }

  // The offset table must end where the trailer starts or before.
  const count = Number(objectCount);
  const tableEnd = Number(offsetTableOffset) + count * offsetSize;
  if (tableEnd > start) {
    fail(`offset table of ${count} entries of ${offsetSize} bytes at offset ${offsetTableOffset} runs ${tableEnd - start} bytes into the trailer`, 24);
  }

  const topObject = view.getBigUint64(start + 16);
  if (topObject >= objectCount) fail(`top object index ${topObject} is out of range: the file has ${count} objects`, 16);

  return { offsetSize, refSize, objectCount: count, topObject: Number(topObject), offsetTableOffset: Number(offsetTableOffset) };
}
