// Expiry arithmetic for provisioning profiles and their certificates, always against a given `now`.

/** Milliseconds in a day of 24 hours; expiry counts whole 24-hour periods, not calendar days. */
export const DAY_MS = 86_400_000;

/** Whole days from `now` until `time`, rounded down: 9.9 days left is 9, an hour past expiry is -1. */
export function daysUntil(time: number, now: number): number {
  return Math.floor((time - now) / DAY_MS);
}

/** True when the profile's `ExpirationDate` is `now` or earlier: a profile stops working at that instant. */
export function profileHasExpired(expiration: number, now: number): boolean {
  return expiration <= now;
}

/** True when the profile has not expired yet but will within `days` days of `now`. */
export function expiresWithin(expiration: number, now: number, days: number): boolean {
  return !profileHasExpired(expiration, now) && expiration - now <= days * DAY_MS;
}

/** True when `now` is after a certificate's notAfter; X.509 validity includes the notAfter second itself. */
export function certificateHasExpired(notAfter: number, now: number): boolean {
  return now > notAfter;
}
