// Comparison of the VERSION a device reports against the bounds in custom provisioning rules.
//
// Devices report either a dotted OS version (`17.4.1`) or an OS build (`21E236`: major
// number, train letter, build number, optional suffix letter). Both forms order naturally
// within themselves; a version and a build cannot be compared with each other.

export type VersionForm = 'version' | 'build';

export interface ParsedVersion {
  readonly form: VersionForm;
  /** Numbers and letters to compare in order. */
  readonly parts: readonly (number | string)[];
}

const DOTTED = /^\d+(?:\.\d+){0,3}$/;
const BUILD = /^(\d+)([A-Z])(\d+)([a-z]?)$/;

/** Parses a dotted version or an OS build; returns null for anything else. */
export function parseVersion(text: string): ParsedVersion | null {
  const trimmed = text.trim();
  if (DOTTED.test(trimmed)) return { form: 'version', parts: trimmed.split('.').map(Number) };
  const build = BUILD.exec(trimmed);
  if (build) return { form: 'build', parts: [Number(build[1]), build[2], Number(build[3]), build[4]] };
  return null;
}

/**
 * Returns a negative number, zero or a positive number as `a` is before, equal to or after
 * `b`; missing dotted parts count as 0 (`17.4` equals `17.4.0`). Returns null when the forms differ.
 */
export function compareVersions(a: ParsedVersion, b: ParsedVersion): number | null {
  if (a.form !== b.form) return null;
  const length = Math.max(a.parts.length, b.parts.length);
  for (let i = 0; i < length; i++) {
    const left = a.parts[i] ?? (a.form === 'version' ? 0 : '');
    const right = b.parts[i] ?? (b.form === 'version' ? 0 : '');
    if (left === right) continue;
    if (typeof left === 'number' && typeof right === 'number') return left - right;
    return String(left) < String(right) ? -1 : 1;
  }
  return 0;
}
