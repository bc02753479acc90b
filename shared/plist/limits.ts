// Limits that keep hostile input from exhausting memory or the stack.
// Each one is far above anything a real profile or stub reaches.

/**
 * Largest plist document accepted, in bytes. The biggest real profiles are a few MB
 * (embedded certificates and fonts); 64 MiB leaves room for generated benchmark profiles
 * of 30 MB while refusing a 100 MB upload before it is decoded.
 */
export const MAX_PLIST_BYTES = 64 * 1024 * 1024;

/**
 * Deepest nesting of arrays and dictionaries. Real profiles nest fewer than 15 levels
 * (privacy-preference and content-filter payloads are the deepest); the readers recurse,
 * so an unbounded depth would overflow the JavaScript stack.
 */
export const MAX_PLIST_DEPTH = 512;

/**
 * Most objects a binary plist may declare. Each object needs at least one byte of object
 * data plus its offset entry, so the reader also checks the count against the file size.
 */
export const MAX_BINARY_OBJECTS = 16 * 1024 * 1024;
