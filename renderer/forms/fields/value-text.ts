// Conversions between plist scalars and the text shown in inputs, with the parse errors the
// form reports when typed text does not fit the type.

import type { PlistValue } from '../../../shared/plist/model.ts';
import type { SchemaScalar } from '../../../shared/schema/model.ts';
import { decodeBase64, encodeBase64 } from '../../../shared/text/encoding.ts';

export type Parsed = { readonly ok: true; readonly value: PlistValue } | { readonly ok: false; readonly error: string };

const INTEGER = /^[+-]?(?:\d+|0[xX][0-9a-fA-F]+)$/;

/** Parses a whole number in decimal or 0x hex, as plist integers are written; the full 128-bit range is kept. */
export function parseIntegerText(text: string): Parsed {
  const trimmed = text.trim();
  if (!INTEGER.test(trimmed)) return { ok: false, error: `“${trimmed}” is not a whole number; enter digits such as 30.` };
  const negative = trimmed.startsWith('-');
  const digits = trimmed.replace(/^[+-]/, '');
  const magnitude = BigInt(digits);
  return { ok: true, value: { kind: 'integer', value: negative ? -magnitude : magnitude } };
}

export function parseRealText(text: string): Parsed {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (trimmed === '' || Number.isNaN(value)) return { ok: false, error: `“${trimmed}” is not a number; enter a value such as 1.5.` };
  return { ok: true, value: { kind: 'real', value } };
}

/** Parses the `datetime-local` input value (no zone), read as UTC because plist dates are UTC. */
export function parseDateText(text: string): Parsed {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!match) return { ok: false, error: 'Enter a date and time.' };
  const [, y, mo, d, h, mi, s] = match;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? '0'));
  return { ok: true, value: { kind: 'date', value: ms } };
}

/** Formats a plist date for a `datetime-local` input, in UTC. */
export function dateInputText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

export function parseDataText(text: string): Parsed {
  const bytes = decodeBase64(text);
  if (bytes === null) return { ok: false, error: 'This is not valid base64: use only A–Z, a–z, 0–9, + and /, with = padding at the end.' };
  return { ok: true, value: { kind: 'data', value: bytes } };
}

/** Returns the text an input shows for `value`; containers and UIDs have none. */
export function scalarText(value: PlistValue): string {
  switch (value.kind) {
    case 'string':
      return value.value;
    case 'integer':
    case 'uid':
      return value.value.toString();
    case 'real':
      return String(value.value);
    case 'boolean':
      return value.value ? 'true' : 'false';
    case 'date':
      return dateInputText(value.value);
    case 'data':
      return encodeBase64(value.value);
    case 'array':
    case 'dict':
      return '';
  }
}

/** Returns how a schema default or allowed value reads in the form. */
export function schemaScalarText(value: SchemaScalar): string {
  return typeof value === 'boolean' ? (value ? 'Yes' : 'No') : String(value);
}

/** True when `value` equals the schema scalar `scalar` (numbers compare across integer and real). */
export function matchesScalar(value: PlistValue, scalar: SchemaScalar): boolean {
  switch (value.kind) {
    case 'string':
      return value.value === scalar;
    case 'integer':
      return typeof scalar === 'number' && BigInt(Math.trunc(scalar)) === value.value && Number.isInteger(scalar);
    case 'real':
      return value.value === scalar;
    case 'boolean':
      return value.value === scalar;
    default:
      return false;
  }
}
