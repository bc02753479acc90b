// Identity import: a private key with its certificate and chain, from a PKCS#12 file or from
// PEM/DER certificate and key files. Used by the CLI's sign and decrypt commands now, and by
// the app's IPC later (which sends the renderer `description` only, never the key).

export { loadCertificates } from './certificates.ts';
export type { IdentityDescription } from './describe.ts';
export { IdentityError, type IdentityErrorCode } from './errors.ts';
export { importIdentity, type Identity, type ImportIdentityRequest } from './import-identity.ts';
export { importIdentityFromFiles, readIdentityFiles, type IdentityFiles, type PassphraseContext } from './import-files.ts';
export { describeKeyObject } from './key-type.ts';
export * from './passphrase.ts';
