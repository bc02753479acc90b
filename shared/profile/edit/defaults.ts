// Initial values for keys the admin adds from a schema.

import { assertNever, type PlistValue } from '../../plist/model.ts';
import type { KeySchema, SchemaScalar, ValueType } from '../../schema/model.ts';

/**
 * Returns the value a new key starts with: the schema's default, else its first allowed value,
 * else an empty value of its type. Dictionaries start with their required sub-keys.
 */
export function initialValueFor(key: KeySchema): PlistValue {
  const preset = key.default ?? key.rangeList?.[0];
  if (preset !== undefined) {
    const converted = scalarToPlist(preset, key.type);
    if (converted) return converted;
  }
  return emptyValueOf(key.type, key);
}

/** Returns an empty value of `type`: "", 0, false, now, no bytes, [] or {} (with required sub-keys when `key` lists them). */
export function emptyValueOf(type: ValueType, key?: KeySchema): PlistValue {
  switch (type) {
    case 'string':
    case 'any':
      return { kind: 'string', value: '' };
    case 'integer':
      return { kind: 'integer', value: 0n };
    case 'real':
      return { kind: 'real', value: 0 };
    case 'boolean':
      return { kind: 'boolean', value: false };
    case 'date':
      return { kind: 'date', value: Math.floor(Date.now() / 1000) * 1000 };
    case 'data':
      return { kind: 'data', value: new Uint8Array() };
    case 'array':
      return { kind: 'array', items: [] };
    case 'dictionary': {
      const required = (key?.subkeys ?? []).filter((sub) => sub.presence === 'required');
      return { kind: 'dict', entries: required.map((sub) => ({ key: sub.name, value: initialValueFor(sub) })) };
    }
    default:
      return assertNever(type);
  }
}

/** Converts a schema default or allowed value into a plist value of `type`, or null when they do not fit. */
export function scalarToPlist(value: SchemaScalar, type: ValueType): PlistValue | null {
  switch (type) {
    case 'string':
      return typeof value === 'string' ? { kind: 'string', value } : { kind: 'string', value: String(value) };
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) ? { kind: 'integer', value: BigInt(value) } : null;
    case 'real':
      return typeof value === 'number' ? { kind: 'real', value } : null;
    case 'boolean':
      return typeof value === 'boolean' ? { kind: 'boolean', value } : null;
    case 'date': {
      const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
      return Number.isNaN(ms) ? null : { kind: 'date', value: ms };
    }
    case 'any':
      if (typeof value === 'string') return { kind: 'string', value };
      if (typeof value === 'boolean') return { kind: 'boolean', value };
      return Number.isInteger(value) ? { kind: 'integer', value: BigInt(value) } : { kind: 'real', value };
    case 'data':
    case 'array':
    case 'dictionary':
      return null;
    default:
      return assertNever(type);
  }
}
