// What a fuzz target is: a reader, the errors it may raise, and the inputs it starts from.

/** A class of error a reader may raise for bad input. */
export type ErrorClass = abstract new (...args: never[]) => Error;

export interface FuzzTarget {
  /** Name for `--target` and the regression folder. */
  readonly name: string;
  /** The reader and the checks, in one line, for `--list` and docs/reliability.md. */
  readonly description: string;
  /** The errors that count as a clean rejection; anything else thrown is a finding. */
  readonly expectedErrors: readonly ErrorClass[];
  /** Byte strings that mean something in the format, for the token mutations. */
  readonly tokens: readonly Uint8Array[];
  /** Largest input the mutator makes, in bytes. */
  readonly maxInputLength: number;
  /** Turns on the structure-aware mutation of DER inputs, or of the DER in PEM blocks. */
  readonly structure?: 'asn1' | 'pem';
  /** The seed inputs: the project's own fixtures, then corpus files when the corpus is present. */
  seeds(): Uint8Array[];
  /** Runs the reader on one input. Throws what the reader throws, or FuzzOracleError. */
  execute(input: Uint8Array): void;
}

/** Raised by a target when the reader accepted an input but broke a property it must keep. */
export class FuzzOracleError extends Error {
  override readonly name = 'FuzzOracleError';
}

/** Returns the UTF-8 bytes of each string token, and the bytes of each number array as they are. */
export function tokenBytes(tokens: readonly (string | readonly number[])[]): Uint8Array[] {
  return tokens.map((token) => (typeof token === 'string' ? new TextEncoder().encode(token) : Uint8Array.from(token)));
}
