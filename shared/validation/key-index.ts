// Lookup tables for a schema's key list, built once per list and reused for every dictionary
// that follows it, and "did you mean" suggestions for unknown keys.

import type { KeySchema } from '../schema/model.ts';

/** Largest edit distance for a suggestion; two catches a dropped, doubled or swapped letter. */
const MAX_SUGGESTION_DISTANCE = 2;

/** Suggestions remembered per key list before the memory is cleared, so that typing never grows it without bound. */
const MAX_REMEMBERED_SUGGESTIONS = 10_000;

export interface KeyIndex {
  readonly byName: ReadonlyMap<string, KeySchema>;
  /** Lower-cased name to the real name, for keys typed in the wrong case. */
  readonly byLowerName: ReadonlyMap<string, string>;
  readonly required: readonly KeySchema[];
  /** Suggestions already computed for unknown names: the same typo tends to repeat across a profile. */
  readonly suggestions: Map<string, string | null>;
}

const indexes = new WeakMap<readonly KeySchema[], KeyIndex>();

/** Returns the index of `keys`, building it on first use. */
export function indexKeys(keys: readonly KeySchema[]): KeyIndex {
  let index = indexes.get(keys);
  if (index) return index;

  const byName = new Map<string, KeySchema>();
  const byLowerName = new Map<string, string>();
  for (const key of keys) {
    byName.set(key.name, key);
    if (!byLowerName.has(key.name.toLowerCase())) byLowerName.set(key.name.toLowerCase(), key.name);
  }
  index = { byName, byLowerName, required: keys.filter((k) => k.presence === 'required'), suggestions: new Map() };
  indexes.set(keys, index);
  return index;
}

/** Returns the known key `name` was probably meant to be (same letters in another case, or a near spelling), or undefined. */
export function suggestKey(index: KeyIndex, name: string): string | undefined {
  const sameLetters = index.byLowerName.get(name.toLowerCase());
  if (sameLetters) return sameLetters;

  const cached = index.suggestions.get(name);
  if (cached !== undefined) return cached ?? undefined;

  let best: string | undefined;
  let bestDistance = MAX_SUGGESTION_DISTANCE + 1;
  const limit = Math.min(MAX_SUGGESTION_DISTANCE, Math.floor(name.length / 3));
  for (const candidate of index.byName.keys()) {
    if (Math.abs(candidate.length - name.length) > limit) continue;
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase(), limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const suggestion = bestDistance <= limit ? best : undefined;
  if (index.suggestions.size >= MAX_REMEMBERED_SUGGESTIONS) index.suggestions.clear();
  index.suggestions.set(name, suggestion ?? null);
  return suggestion;
}

/** Computes the Levenshtein distance, giving up (returning limit + 1) once every path exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}
