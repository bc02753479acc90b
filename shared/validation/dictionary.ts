// Checks a dictionary against a key list: each known key's value, unknown keys (with a
// "did you mean"), required keys that are missing, and keys that replace each other.

import type { PlistDict, PlistDictEntry } from '../plist/model.ts';
import type { KeySchema } from '../schema/model.ts';
import { DIAGNOSTIC_CODES } from './codes.ts';
import { childPath, type PathNode, type ValidationContext } from './context.ts';
import { indexKeys, suggestKey, type KeyIndex } from './key-index.ts';
import { checkValue, schemaTypeOf, type Scope } from './value.ts';

const NO_KEYS: readonly KeySchema[] = [];

export interface DictionaryOptions {
  /** Keys whose values are checked for their type only, because the caller checks them itself (the profile's `PayloadContent`). */
  readonly typeOnly?: ReadonlySet<string>;
  /** False where the key list is known to be incomplete (a payload type without a schema), so unknown keys are not reported. */
  readonly reportUnknown?: boolean;
  /** Words naming the dictionary in messages, such as `payload com.apple.wifi.managed`. */
  readonly owner?: string;
}

/**
 * Checks `dict` against `subkeys` (the named keys) and `anyKey` (the schema of keys the admin
 * names). With neither, the dictionary is free-form and only its presence was checked.
 */
export function checkDictionary(context: ValidationContext, dict: PlistDict, subkeys: readonly KeySchema[] | undefined, anyKey: KeySchema | undefined, path: PathNode | undefined, scope: Scope, options: DictionaryOptions = {}): void {
  if (!subkeys && !anyKey) return;
  const index = indexKeys(subkeys ?? NO_KEYS);
  // Key name to its place in the dictionary, for presence checks and for telling which of two keys came later.
  const present = new Map<string, number>();
  for (let i = 0; i < dict.entries.length; i++) present.set(dict.entries[i].key, i);

  // Values, keys that replace each other, and keys the schema does not list
  for (let i = 0; i < dict.entries.length; i++) {
    const entry = dict.entries[i];
    const entryPath = childPath(path, entry.key);
    const key = index.byName.get(entry.key);
    if (key) {
      if (options.typeOnly?.has(entry.key)) checkTypeOnly(context, entry, key, entryPath, scope);
      else checkValue(context, entry.value, key, entryPath, scope);
      if (key.exclusiveWith) reportExclusiveKeys(context, entry, i, key.exclusiveWith, present, entryPath);
    } else if (anyKey) {
      checkValue(context, entry.value, anyKey, entryPath, scope);
    } else {
      reportUnknownKey(context, entry, index, present, entryPath, options.owner, options.reportUnknown !== false);
    }
  }

  // Required keys that are missing
  for (const key of index.required) {
    if (present.has(key.name)) continue;
    if (key.exclusiveWith?.some((other) => present.has(other))) continue;
    // A key written in the wrong case was reported as an error above, with the rename as its fix.
    if (hasCaseVariant(dict, key.name)) continue;
    const where = options.owner ? ` in ${options.owner}` : '';
    const alternatives = key.exclusiveWith?.length ? ` (or ${key.exclusiveWith.map((k) => `\`${k}\``).join(' or ')})` : '';
    context.report('error', DIAGNOSTIC_CODES.missingKey, `Required key \`${key.name}\`${alternatives} is missing${where}; add it${describeExpected(key)}.`, childPath(path, key.name), dict.pos);
  }
}

/** Reports `entry` when a key it replaces came earlier in the dictionary, so each pair is reported once, on the later key. */
function reportExclusiveKeys(context: ValidationContext, entry: PlistDictEntry, place: number, others: readonly string[], present: ReadonlyMap<string, number>, path: PathNode): void {
  const earlier = others.find((other) => (present.get(other) ?? place) < place);
  if (earlier === undefined) return;
  context.report('error', DIAGNOSTIC_CODES.exclusiveKeys, `\`${entry.key}\` and \`${earlier}\` must not both be set; keep one of them.`, path, entry.value.pos);
}

function checkTypeOnly(context: ValidationContext, entry: PlistDictEntry, key: KeySchema, path: PathNode, scope: Scope): void {
  const actual = schemaTypeOf(entry.value);
  if (key.type === 'any' || actual === key.type) return;
  // Let the full check word the type error (and offer its fixes).
  checkValue(context, entry.value, key, path, scope);
}

/**
 * Reports a key `index` does not list. With `complete` false (the key list is only part of
 * the schema) only keys that differ from a listed key in case are reported.
 */
function reportUnknownKey(context: ValidationContext, entry: PlistDictEntry, index: KeyIndex, present: ReadonlyMap<string, number>, path: PathNode, owner: string | undefined, complete: boolean): void {
  const sameLetters = index.byLowerName.get(entry.key.toLowerCase());
  if (!complete && !sameLetters) return;
  const suggestion = suggestKey(index, entry.key);
  const where = owner ? ` for ${owner}` : '';
  const pos = entry.value.pos;

  if (suggestion && suggestion.toLowerCase() === entry.key.toLowerCase() && !present.has(suggestion)) {
    const intended = index.byName.get(suggestion);
    const required = intended?.presence === 'required' && !intended.exclusiveWith?.some((other) => present.has(other));
    const consequence = required ? `, so the required key \`${suggestion}\` is missing` : `, so devices ignore it`;
    context.report(required ? 'error' : 'warning', DIAGNOSTIC_CODES.keyCaseMismatch, `Unknown key \`${entry.key}\`${where}; did you mean \`${suggestion}\`? Keys are case-sensitive${consequence}. Rename the key.`, path, pos, {
      kind: 'rename-key',
      at: path,
      value: suggestion,
    });
    return;
  }

  if (suggestion && !present.has(suggestion)) {
    context.report('warning', DIAGNOSTIC_CODES.unknownKey, `Unknown key \`${entry.key}\`${where}; did you mean \`${suggestion}\`? Devices ignore keys they do not know.`, path, pos, {
      kind: 'rename-key',
      at: path,
      value: suggestion,
    });
    return;
  }
  context.report('warning', DIAGNOSTIC_CODES.unknownKey, `Unknown key \`${entry.key}\`${where}; devices ignore keys they do not know. Check its spelling, or remove it.`, path, pos);
}

function hasCaseVariant(dict: PlistDict, name: string): boolean {
  const lower = name.toLowerCase();
  return dict.entries.some((e) => e.key !== name && e.key.toLowerCase() === lower);
}

function describeExpected(key: KeySchema): string {
  if (key.rangeList?.length === 1) return ` with the value ${JSON.stringify(key.rangeList[0])}`;
  switch (key.type) {
    case 'any':
      return '';
    case 'integer':
      return ' (an integer)';
    case 'array':
      return ' (an array)';
    case 'data':
      return ' (data)';
    default:
      return ` (a ${key.type})`;
  }
}
