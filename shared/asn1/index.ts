// The ASN.1 module: BER/DER reader with typed value helpers, DER writer, error type and tags.
// OIDs are imported from './oids.ts' directly.

export * from './bytes.ts';
export * from './errors.ts';
export * from './reader.ts';
export * from './tags.ts';
export * from './writer.ts';
