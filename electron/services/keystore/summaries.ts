// The summaries live in shared/ so that the renderer can read them; this module keeps the
// services' import path.

export { EXPIRING_WITHIN_DAYS, expiryStatus, type ExpiryStatus, type IdentitySummary, type Persistence, type RecipientSummary } from '../../../shared/keystore/summaries.ts';
