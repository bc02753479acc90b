// Text forms of <integer> and <real>: parsing what Apple's tools, plistlib and libplist
// write, and writing what reads back exactly.

import { trimXmlWhitespace } from './xml-chars.ts';

/** Smallest and largest integers of the model (the binary format's 128-bit range). */
export const MIN_PLIST_INTEGER = -(1n << 127n);
export const MAX_PLIST_INTEGER = (1n << 128n) - 1n;

/** Receives the reason a text is invalid and throws; the caller adds the location. */
export type FailWith = (reason: string) => never;

const INTEGER_PATTERN = /^([+-]?)(?:0[xX]([0-9A-Fa-f]+)|([0-9]+))$/;
const DECIMAL_REAL_PATTERN = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const SPECIAL_REAL_PATTERN = /^([+-]?)(nan|inf|infinity)$/i;

/**
 * Parses the content of an `<integer>`: decimal, or hexadecimal after `0x` (Apple's
 * CoreFoundation and plistlib read both), with an optional sign on either, surrounded by
 * optional white space. Values outside -2^127 to 2^128-1 are rejected.
 */
export function parseIntegerText(raw: string, fail: FailWith): bigint {
  const text = trimXmlWhitespace(raw);
  if (text === '') fail('empty <integer>: expected a number such as 42 or 0x2A');

  const match = INTEGER_PATTERN.exec(text);
  if (!match) fail(`invalid integer ${quoteValue(text)}: expected decimal digits, or 0x and hex digits, with an optional sign`);

  const [, sign, hexDigits, decimalDigits] = match;
  const digits = (hexDigits ?? decimalDigits).replace(/^0+(?=.)/, '');

  // 2^128 has 39 decimal or 33 hex digits; checking the length first keeps BigInt off megabyte-long digit strings.
  const tooLong = hexDigits !== undefined ? digits.length > 33 : digits.length > 39;
  const magnitude = tooLong ? MAX_PLIST_INTEGER + 1n : BigInt(hexDigits !== undefined ? `0x${digits}` : digits);
  const value = sign === '-' ? -magnitude : magnitude;
  if (value < MIN_PLIST_INTEGER || value > MAX_PLIST_INTEGER) {
    fail(`integer ${quoteValue(text)} is out of range: a plist integer must lie between -2^127 and 2^128-1`);
  }
  return value;
}

/**
 * Parses the content of a `<real>`: a decimal number with optional fraction and exponent,
 * or `nan`, `inf`, `infinity` in any case with an optional sign (plistlib writes `nan`,
 * `inf`, `-inf`, and libplist writes `-infinity`). Like Python's float(), values beyond
 * the double range become infinities. Unlike float(), `_` digit separators are rejected.
 */
export function parseRealText(raw: string, fail: FailWith): number {
  const text = trimXmlWhitespace(raw);
  if (DECIMAL_REAL_PATTERN.test(text)) return Number(text);

  const special = SPECIAL_REAL_PATTERN.exec(text);
  if (special) {
    if (special[2].toLowerCase() === 'nan') return NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }

  if (text === '') fail('empty <real>: expected a number such as 1.5');
  fail(`invalid real ${quoteValue(text)}: expected a decimal number such as 1.5 or 2e-3, or nan, inf, -inf`);
}

/**
 * Formats a real the way Python's repr() does, which is what plistlib writes. The result is
 * the shortest decimal that reads back to the same double. It always has a `.` or an
 * exponent, so it never looks like an integer. Exponents -4 to 15 use fixed notation and
 * others the `1e+16` form; NaN and the infinities are `nan`, `inf` and `-inf`.
 */
export function formatReal(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';

  // toExponential() with no argument gives the shortest round-trip digits, as in "-1.2345e+21".
  const [mantissa, exponentText] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');

  if (exponent >= -4 && exponent < 16) {
    if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
    const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
    const fraction = digits.slice(exponent + 1) || '0';
    return `${sign}${whole}.${fraction}`;
  }

  const significand = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const exponentSign = exponent < 0 ? '-' : '+';
  return `${sign}${significand}e${exponentSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

/** Quotes a value for a message, cut to 40 characters so that a megabyte of digits stays readable. */
export function quoteValue(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}
