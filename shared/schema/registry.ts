// The set of payload schemas the validator and the payload library use, looked up by payload type.
//
// A payload type may have several schemas (variants). Apple documents `com.apple.MCX` in six
// files, each covering some of its keys, and `com.apple.extensiblesso` twice: once in general
// and once for Apple's Kerberos extension. A variant is "specific" when some required string
// keys allow exactly one value (the Kerberos extension's `ExtensionIdentifier`); it applies to
// payloads that carry those values. The other variants of a type merge into one general schema.

import { carryAnnotations } from './annotate.ts';
import type { KeySchema, PayloadSchema } from './model.ts';
import { searchSchemas } from './search.ts';

/** A required string key that allows one value, which marks a payload as belonging to a variant. */
interface Discriminator {
  readonly key: string;
  readonly value: string;
}

interface TypeEntry {
  readonly general?: PayloadSchema;
  readonly specific: readonly { readonly schema: PayloadSchema; readonly discriminators: readonly Discriminator[] }[];
}

/** Payload values as far as variant selection needs them: a string for a key, or undefined. */
export type PayloadStringLookup = (key: string) => string | undefined;

export class SchemaRegistry {
  private readonly schemas: readonly PayloadSchema[];
  private readonly types = new Map<string, TypeEntry>();

  constructor(schemas: readonly PayloadSchema[]) {
    const byId = new Map<string, PayloadSchema>();
    for (const schema of schemas) byId.set(schema.id, schema);
    this.schemas = [...byId.values()];

    const grouped = new Map<string, PayloadSchema[]>();
    for (const schema of this.schemas) {
      const list = grouped.get(schema.payloadType) ?? [];
      list.push(schema);
      grouped.set(schema.payloadType, list);
    }
    for (const [payloadType, variants] of grouped) this.types.set(payloadType, indexVariants(payloadType, variants));
  }

  /** Returns the general schema of `payloadType` (variants merged), or undefined when none is known. */
  get(payloadType: string): PayloadSchema | undefined {
    const entry = this.types.get(payloadType);
    return entry?.general ?? entry?.specific[0]?.schema;
  }

  /** Returns the schema that applies to one payload of `payloadType`, choosing a specific variant when the payload matches it. */
  forPayload(payloadType: string, lookup: PayloadStringLookup): PayloadSchema | undefined {
    const entry = this.types.get(payloadType);
    if (!entry) return undefined;
    for (const variant of entry.specific) {
      if (matchesVariant(variant.discriminators, lookup)) return variant.schema;
    }
    return entry.general ?? entry.specific[0]?.schema;
  }

  /** Returns every schema of `payloadType`, as stored. */
  variants(payloadType: string): readonly PayloadSchema[] {
    return this.schemas.filter((s) => s.payloadType === payloadType);
  }

  /** Returns every stored schema, variants separately, in the order given. */
  all(): readonly PayloadSchema[] {
    return this.schemas;
  }

  /**
   * Returns a registry in which `overrides` replace every schema of the payload types they
   * cover. Facts Apple's files cannot state (secrets, payload references, stand-in keys) are
   * carried over from the replaced schema of the same id, or else of the same type.
   */
  withOverrides(overrides: readonly PayloadSchema[]): SchemaRegistry {
    const replacedTypes = new Set(overrides.map((s) => s.payloadType));
    const kept = this.schemas.filter((s) => !replacedTypes.has(s.payloadType));
    const byId = new Map(this.schemas.map((s) => [s.id, s]));
    const enriched = overrides.map((schema) => {
      const previous = byId.get(schema.id) ?? this.get(schema.payloadType);
      return previous ? carryAnnotations(schema, previous) : schema;
    });
    return new SchemaRegistry([...kept, ...enriched]);
  }

  /** Returns the payload schemas matching `query`, best first (see searchSchemas). */
  search(query: string): PayloadSchema[] {
    return searchSchemas(query, this);
  }
}

function indexVariants(payloadType: string, variants: readonly PayloadSchema[]): TypeEntry {
  if (variants.length === 1) return { general: variants[0], specific: [] };

  const specific: { schema: PayloadSchema; discriminators: Discriminator[] }[] = [];
  const general: PayloadSchema[] = [];
  for (const schema of variants) {
    const discriminators = discriminatorsOf(schema);
    if (discriminators.length > 0) specific.push({ schema, discriminators });
    else general.push(schema);
  }
  return { general: mergeGeneral(payloadType, general), specific };
}

function discriminatorsOf(schema: PayloadSchema): Discriminator[] {
  return schema.keys
    .filter((k) => k.type === 'string' && k.presence === 'required' && k.rangeList?.length === 1 && typeof k.rangeList[0] === 'string')
    .map((k) => ({ key: k.name, value: k.rangeList![0] as string }));
}

/**
 * Tests whether a payload belongs to a specific variant: at least one discriminating key carries
 * the variant's value and none carries another. Keys a platform omits (the Kerberos extension's
 * `TeamIdentifier` on iOS) do not count against the match.
 */
function matchesVariant(discriminators: readonly Discriminator[], lookup: PayloadStringLookup): boolean {
  let matched = false;
  for (const { key, value } of discriminators) {
    const actual = lookup(key);
    if (actual === undefined) continue;
    if (actual !== value) return false;
    matched = true;
  }
  return matched;
}

/** Merges general variants into one schema with the union of their keys; the first variant's key wins a name clash. */
function mergeGeneral(payloadType: string, variants: readonly PayloadSchema[]): PayloadSchema | undefined {
  if (variants.length === 0) return undefined;
  if (variants.length === 1) return variants[0];

  const keys = new Map<string, KeySchema>();
  for (const variant of variants) {
    for (const key of variant.keys) if (!keys.has(key.name)) keys.set(key.name, key);
  }
  const definitions = Object.assign({}, ...variants.map((v) => v.definitions ?? {}));
  const first = variants[0];
  return {
    ...first,
    id: payloadType,
    title: variants.map((v) => v.title).join(' / '),
    keys: [...keys.values()],
    ...(Object.keys(definitions).length > 0 ? { definitions } : {}),
  };
}
