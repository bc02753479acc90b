// CMS services for the CLI and (later) the app's IPC: sign, verify, encrypt, decrypt, and the
// profile-level encryption helpers. Plain Node modules; nothing here imports electron.

export { sign, type SignerIdentity, type SignOptions, type SignResult, type SignWarning } from './sign.ts';
export { EXPIRY_WARNING_DAYS, type SignWarningCode } from './sign-warnings.ts';
export { verify, type VerifyOptions, type VerifyResult, type VerifyStatus } from './verify.ts';
export { encrypt, type EncryptOptions } from './encrypt.ts';
export { decrypt, type DecryptIdentity } from './decrypt.ts';
export { decryptProfile, encryptProfile, prepareProfileEncryption, type ProfileDecryptionOptions, type ProfileEncryptionOptions, type ProfileEncryptor } from './profile-encryption.ts';
export { CONTENT_CIPHERS, DEFAULT_CONTENT_CIPHER, SIGNING_DIGESTS, type ContentCipherName, type SigningDigest } from './algorithms.ts';
export { CmsError, type CmsErrorCode } from '../../../shared/cms/errors.ts';
