// Replacement values offered for a value of the wrong type, where the intended value is clear.

import type { PlistValue } from '../plist/model.ts';
import type { ValueType } from '../schema/model.ts';
import { decodeBase64 } from '../text/encoding.ts';

const INTEGER_TEXT = /^[+-]?\d+$/;
const REAL_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Returns the value `value` was meant to be as `expected`, or undefined when that is not clear:
 * `<string>1</string>` or `<real>1</real>` for an integer, `<string>true</string>` for a boolean,
 * a number for a string, base64 text for data.
 */
export function suggestFixForType(value: PlistValue, expected: ValueType): PlistValue | undefined {
  switch (expected) {
    case 'integer':
      if (value.kind === 'string' && INTEGER_TEXT.test(value.value.trim())) return { kind: 'integer', value: BigInt(value.value.trim()) };
      if (value.kind === 'real' && Number.isInteger(value.value)) return { kind: 'integer', value: BigInt(value.value) };
      return undefined;
    case 'real':
      if (value.kind === 'string' && REAL_TEXT.test(value.value.trim())) return { kind: 'real', value: Number(value.value.trim()) };
      return undefined;
    case 'boolean': {
      const text = value.kind === 'string' ? value.value.trim().toLowerCase() : '';
      if (text === 'true' || text === 'false') return { kind: 'boolean', value: text === 'true' };
      return undefined;
    }
    case 'string':
      if (value.kind === 'integer' || value.kind === 'real') return { kind: 'string', value: String(value.value) };
      return undefined;
    case 'data': {
      if (value.kind !== 'string' || value.value.trim() === '') return undefined;
      const bytes = decodeBase64(value.value);
      return bytes && bytes.length > 0 ? { kind: 'data', value: bytes } : undefined;
    }
    case 'date':
    case 'array':
    case 'dictionary':
    case 'any':
      return undefined;
    default:
      return assertNeverType(expected);
  }
}

function assertNeverType(type: never): never {
  throw new Error(`unhandled value type ${String(type)}`);
}
