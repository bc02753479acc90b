// Typed reads of provisioning-profile keys that note a wrong type as a warning instead of failing.

import { dictGet, type PlistDict, type PlistValue } from '../plist/model.ts';

/** Returns the value under `key` when it has `kind`; a value of another kind is named in `warnings`. */
function readKind<K extends PlistValue['kind']>(dict: PlistDict, key: string, kind: K, warnings: string[], path = key): Extract<PlistValue, { kind: K }> | undefined {
  const value = dictGet(dict, key);
  if (value === undefined) return undefined;
  if (value.kind !== kind) {
    warnings.push(`${path} is ${value.kind}, expected ${kind}; it was ignored`);
    return undefined;
  }
  return value as Extract<PlistValue, { kind: K }>;
}

export function readString(dict: PlistDict, key: string, warnings: string[], path = key): string | undefined {
  return readKind(dict, key, 'string', warnings, path)?.value;
}

export function readBoolean(dict: PlistDict, key: string, warnings: string[], path = key): boolean | undefined {
  return readKind(dict, key, 'boolean', warnings, path)?.value;
}

/** Returns the date under `key` in milliseconds since the epoch. */
export function readDate(dict: PlistDict, key: string, warnings: string[]): number | undefined {
  return readKind(dict, key, 'date', warnings)?.value;
}

/** Returns the integer under `key` as a number; integers beyond the safe range are reported and ignored. */
export function readInteger(dict: PlistDict, key: string, warnings: string[]): number | undefined {
  const value = readKind(dict, key, 'integer', warnings)?.value;
  if (value === undefined) return undefined;
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    warnings.push(`${key} is ${value}, outside the range this report shows; it was ignored`);
    return undefined;
  }
  return Number(value);
}

export function readData(dict: PlistDict, key: string, warnings: string[]): Uint8Array | undefined {
  return readKind(dict, key, 'data', warnings)?.value;
}

export function readArray(dict: PlistDict, key: string, warnings: string[]): readonly PlistValue[] | undefined {
  return readKind(dict, key, 'array', warnings)?.items;
}

export function readDict(dict: PlistDict, key: string, warnings: string[]): PlistDict | undefined {
  return readKind(dict, key, 'dict', warnings);
}

/** Returns the strings of the array under `key`; items of another kind are named in `warnings` and left out. */
export function readStringArray(dict: PlistDict, key: string, warnings: string[]): string[] | undefined {
  const items = readArray(dict, key, warnings);
  if (items === undefined) return undefined;

  const strings: string[] = [];
  for (const [index, item] of items.entries()) {
    if (item.kind === 'string') strings.push(item.value);
    else warnings.push(`${key}[${index}] is ${item.kind}, expected string; it was ignored`);
  }
  return strings;
}
