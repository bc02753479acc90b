// Search over payload schemas for the app's payload library.

import type { KeySchema, PayloadSchema } from './model.ts';

/** Source of schemas for searchSchemas, such as a SchemaRegistry. */
export interface SchemaSource {
  all(): readonly PayloadSchema[];
}

/** Match weights: a hit in the payload type or title ranks above one in a description or key name. */
const WEIGHT = {
  exactType: 100,
  titleStart: 40,
  title: 25,
  type: 20,
  keyName: 8,
  description: 5,
} as const;

/**
 * Returns the payload schemas (role `payload`) in which every word of `query` occurs, ignoring
 * case. Words are looked for in the payload type, title, description and top-level key names.
 * The best match comes first, ties by title; an empty query returns all payload schemas by title.
 */
export function searchSchemas(query: string, source: SchemaSource): PayloadSchema[] {
  const payloads = source.all().filter((s) => s.role === 'payload');
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const byTitle = (a: PayloadSchema, b: PayloadSchema) => a.title.localeCompare(b.title);
  if (words.length === 0) return [...payloads].sort(byTitle);

  const scored: { schema: PayloadSchema; score: number }[] = [];
  for (const schema of payloads) {
    const score = scoreSchema(schema, words, query.trim().toLowerCase());
    if (score > 0) scored.push({ schema, score });
  }
  scored.sort((a, b) => b.score - a.score || byTitle(a.schema, b.schema));
  return scored.map((s) => s.schema);
}

function scoreSchema(schema: PayloadSchema, words: readonly string[], whole: string): number {
  const type = schema.payloadType.toLowerCase();
  const title = schema.title.toLowerCase();
  const description = (schema.description ?? '').toLowerCase();
  const keyText = keyWords(schema.keys).join(' ');

  let total = type === whole ? WEIGHT.exactType : 0;
  for (const word of words) {
    let best = 0;
    if (title.startsWith(word)) best = Math.max(best, WEIGHT.titleStart);
    if (title.includes(word)) best = Math.max(best, WEIGHT.title);
    if (type.includes(word)) best = Math.max(best, WEIGHT.type);
    if (keyText.includes(word)) best = Math.max(best, WEIGHT.keyName);
    if (description.includes(word)) best = Math.max(best, WEIGHT.description);
    // Every word must match somewhere.
    if (best === 0) return 0;
    total += best;
  }
  return total;
}

/** Top-level key names and titles, lower-cased; sub-keys are left out so that generic names deep down do not flood results. */
function keyWords(keys: readonly KeySchema[]): string[] {
  const out: string[] = [];
  for (const key of keys) {
    out.push(key.name.toLowerCase());
    if (key.title) out.push(key.title.toLowerCase());
  }
  return out;
}
