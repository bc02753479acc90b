// Display forms of certificate facts.

/** Formats a hex digest as upper-case byte pairs separated by colons, as certificate viewers show fingerprints. */
export function formatFingerprint(hex: string): string {
  return (hex.toUpperCase().match(/.{1,2}/g) ?? []).join(':');
}

/** Formats an ISO-8601 time as `2026-03-01 12:00 UTC`. */
export function formatUtc(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}
