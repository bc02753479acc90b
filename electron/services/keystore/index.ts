// Identities and encryption recipients kept by the app's main process.

export { Keystore, KeystoreError, type KeystoreErrorCode, type KeystoreOptions, type Persistence } from './keystore.ts';
export type { KeystoreStorage, SecretCipher } from './secret-box.ts';
export { EXPIRING_WITHIN_DAYS, expiryStatus, type ExpiryStatus, type IdentitySummary, type RecipientSummary } from './summaries.ts';
