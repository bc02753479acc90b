// Short constructors for writing the built-in schemas by hand.
//
// Each returns plain model data. Options left out stay out of the result, so that a schema
// serialises to the same JSON as one read from Apple's YAML.

import type { KeySchema, PayloadSchema, SupportedOS, ValueType } from '../model.ts';

type MutableKey = { -readonly [K in keyof KeySchema]: KeySchema[K] };

/** Everything a key may state besides its name, type and children; `required` sets `presence`. */
export type KeyOptions = Omit<Partial<KeySchema>, 'name' | 'type' | 'presence' | 'subkeys' | 'items' | 'anyKey'> & {
  readonly required?: boolean;
  /** Shorthand for `supportedOS`. */
  readonly os?: SupportedOS;
};

function makeKey(name: string, type: ValueType, options: KeyOptions = {}): MutableKey {
  const { required, os, ...rest } = options;
  const key: MutableKey = { name, type, presence: required ? 'required' : 'optional' };
  for (const [field, value] of Object.entries(rest)) {
    if (value !== undefined) (key as Record<string, unknown>)[field] = value;
  }
  if (os) key.supportedOS = os;
  return key;
}

export const text = (name: string, options?: KeyOptions): KeySchema => makeKey(name, 'string', options);
export const integer = (name: string, options?: KeyOptions): KeySchema => makeKey(name, 'integer', options);
export const real = (name: string, options?: KeyOptions): KeySchema => makeKey(name, 'real', options);
export const boolean = (name: string, options?: KeyOptions): KeySchema => makeKey(name, 'boolean', options);
export const date = (name: string, options?: KeyOptions): KeySchema => makeKey(name, 'date', options);
export const data = (name: string, options?: KeyOptions): KeySchema => makeKey(name, 'data', options);
export const anyValue = (name: string, options?: KeyOptions): KeySchema => makeKey(name, 'any', options);

/** Builds an array key whose items follow `item`. */
export function array(name: string, item: KeySchema, options?: KeyOptions): KeySchema {
  return { ...makeKey(name, 'array', options), items: item };
}

/** Builds a dictionary key with the named `subkeys`. */
export function dictionary(name: string, subkeys: readonly KeySchema[], options?: KeyOptions): KeySchema {
  return { ...makeKey(name, 'dictionary', options), subkeys };
}

/** Builds a dictionary key whose keys the admin names (bundle ids, team ids, languages), each holding a `value`. */
export function map(name: string, value: KeySchema, options?: KeyOptions): KeySchema {
  return { ...makeKey(name, 'dictionary', options), anyKey: value };
}

/** Builds an array or dictionary key whose structure is the payload's definition `ref` (for self-containing structures). */
export function recursive(name: string, type: 'array' | 'dictionary', ref: string, options?: KeyOptions): KeySchema {
  return { ...makeKey(name, type, options), ref };
}

/** Builds an array of strings, the most common array in profiles. */
export function textList(name: string, options?: KeyOptions, itemOptions?: KeyOptions): KeySchema {
  return array(name, text(`${name}Item`, itemOptions), options);
}

export interface PayloadDefinition {
  readonly payloadType: string;
  readonly id?: string;
  readonly title: string;
  readonly description?: string;
  readonly supportedOS?: SupportedOS;
  readonly role?: PayloadSchema['role'];
  readonly keys: readonly KeySchema[];
  readonly definitions?: PayloadSchema['definitions'];
}

/** Builds a built-in payload schema. */
export function payload(definition: PayloadDefinition): PayloadSchema {
  const schema: { -readonly [K in keyof PayloadSchema]: PayloadSchema[K] } = {
    id: definition.id ?? definition.payloadType,
    payloadType: definition.payloadType,
    title: definition.title,
    role: definition.role ?? 'payload',
    keys: definition.keys,
    origin: { kind: 'builtin' },
  };
  if (definition.description) schema.description = definition.description;
  if (definition.supportedOS) schema.supportedOS = definition.supportedOS;
  if (definition.definitions) schema.definitions = definition.definitions;
  return schema;
}

// Platform support shorthands for keys and payloads.

/** Supported on macOS only (from `introduced`), listed as unavailable elsewhere. */
export function macOnly(introduced?: string): SupportedOS {
  return {
    iOS: { unavailable: true },
    macOS: introduced ? { introduced } : {},
    tvOS: { unavailable: true },
    visionOS: { unavailable: true },
    watchOS: { unavailable: true },
  };
}

/** Shorthand for a platform that never supports the payload or key. */
export const NA = { unavailable: true } as const;

/**
 * The pattern Apple's schemas give UUID-valued keys. It allows any letters and digits in the
 * 8-4-4-4-12 groups, so it is looser than a hexadecimal UUID check.
 */
export const UUID_FORMAT = '^[0-9A-Za-z]{8}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{12}$';
