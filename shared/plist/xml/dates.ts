// Text form of <date>: ISO 8601 in UTC, as Apple's tools write it.

import { trimXmlWhitespace } from './xml-chars.ts';
import { quoteValue, type FailWith } from './numbers.ts';

const DATE_PATTERN = /^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]+))?Z$/;

/**
 * Parses the content of a `<date>`, `YYYY-MM-DDTHH:MM:SSZ`, and returns milliseconds since
 * 1970. Fractional seconds such as `.034Z` are accepted (some tools write them) and kept;
 * plistlib rejects them. Every field is range-checked, including the day of the month.
 */
export function parseDateText(raw: string, fail: FailWith): number {
  const text = trimXmlWhitespace(raw);
  const match = DATE_PATTERN.exec(text);
  if (!match) fail(`invalid date ${quoteValue(text)}: expected YYYY-MM-DDTHH:MM:SSZ in UTC, such as 2024-05-01T12:00:00Z`);

  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const fraction = match[7] ?? '';
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    fail(`invalid date ${quoteValue(text)}: a field is out of range (month 01-12, day within the month, hour 00-23, minute and second 00-59)`);
  }

  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);

  // Whole milliseconds from the first three digits, so that .034 is exactly 34 and not 34.00000000000001.
  const wholeMilliseconds = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const subMilliseconds = fraction.length > 3 ? Number(`0.${fraction.slice(3)}`) : 0;
  return date.getTime() + wholeMilliseconds + subMilliseconds;
}

/** Formats milliseconds since 1970 as `YYYY-MM-DDTHH:MM:SSZ`, dropping the fraction of a second; returns null outside years 0000-9999. */
export function formatDate(milliseconds: number): string | null {
  if (!Number.isFinite(milliseconds)) return null;
  const date = new Date(Math.floor(milliseconds / 1000) * 1000);
  const year = date.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) return null;

  const pad = (n: number): string => String(n).padStart(2, '0');
  const day = `${String(year).padStart(4, '0')}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  return `${day}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}Z`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
