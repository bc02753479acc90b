// The workbench PKI: a small certificate authority, PKCS #10 requests and self-signed device
// certificates, all built with Node's crypto and the project's DER writer. Plain Node modules;
// nothing here imports electron.

export { CA_CERTIFICATE_FILE, CA_KEY_FILE, CertificateAuthority, selfSignedCertificate, type CreateCaOptions, type IssuedCertificate, type IssueOptions } from './ca.ts';
export { randomSerialNumber } from './certificate-builder.ts';
export type { CertificateKind } from './certificate-kinds.ts';
export { buildCsr, parseCsr, verifyCsrSignature, type CertificateRequest, type CsrOptions } from './csr.ts';
export { PkiError, type PkiErrorCode } from './errors.ts';
export { generateKeys, publicKeyInfoDer, type KeyPair, type KeySpec } from './keys.ts';
export { encodeName, parseNameText, type NameEntry } from './names.ts';
export { decodePemOrDer, encodePem } from './pem.ts';
