// Conversion of plist values into plain JSON for reports (`inspect --json`, diffs).
//
// JSON cannot keep every plist type apart, so reports use these rules: integers become numbers
// when they are safe integers and decimal strings otherwise, dates become ISO-8601 strings,
// data becomes `{ "base64": ... }` (or its length when `dataAsLength`), UIDs `{ "uid": n }`.

import { assertNever, type PlistValue } from '../plist/model.ts';
import { encodeBase64 } from '../text/encoding.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface JsonOptions {
  /** Replace data with `{ "bytes": length }` so that reports stay short. */
  readonly dataAsLength?: boolean;
}

export function plistToJson(value: PlistValue, options: JsonOptions = {}): JsonValue {
  switch (value.kind) {
    case 'string':
    case 'boolean':
      return value.value;
    case 'real':
      return Number.isFinite(value.value) ? value.value : String(value.value);
    case 'integer':
      return integerToJson(value.value);
    case 'date':
      return formatPlistDate(value.value);
    case 'data':
      return options.dataAsLength ? { bytes: value.value.length } : { base64: encodeBase64(value.value) };
    case 'uid':
      return { uid: integerToJson(value.value) };
    case 'array':
      return value.items.map((item) => plistToJson(item, options));
    case 'dict': {
      const out: { [key: string]: JsonValue } = {};
      for (const entry of value.entries) out[entry.key] = plistToJson(entry.value, options);
      return out;
    }
    default:
      return assertNever(value);
  }
}

export function integerToJson(value: bigint): number | string {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
}

/** Formats a plist date as ISO-8601 UTC, with milliseconds only when there are any. */
export function formatPlistDate(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}
