// The expiry of a certificate or provisioning profile as a badge: expired, expiring, valid.

import type { ExpiryStatus } from '../../../shared/keystore/summaries.ts';
import { StatusBadge } from './StatusBadge.tsx';

export function ExpiryBadge({ expiry }: { expiry: ExpiryStatus }) {
  switch (expiry.state) {
    case 'expired':
      return <StatusBadge tone="bad" label={expiry.daysLeft === -1 ? 'Expired yesterday' : `Expired ${-expiry.daysLeft} days ago`} />;
    case 'expiring':
      return <StatusBadge tone="warning" label={expiresIn(expiry.daysLeft)} />;
    case 'not-yet-valid':
      return <StatusBadge tone="warning" label="Not yet valid" />;
    case 'valid':
      return <StatusBadge tone="good" label={expiresIn(expiry.daysLeft)} />;
    default: {
      const unknown: never = expiry.state;
      return <StatusBadge tone="neutral" label={String(unknown)} />;
    }
  }
}

/** `Expires today`, `Expires in 1 day`, `Expires in 12 days`. */
export function expiresIn(daysLeft: number): string {
  if (daysLeft <= 0) return 'Expires today';
  return `Expires in ${daysLeft} ${daysLeft === 1 ? 'day' : 'days'}`;
}
