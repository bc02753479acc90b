// Identity import from bytes: a private key with its certificate and chain, from a PKCS#12
// file or from PEM/DER certificate and key files.

import type { KeyObject } from 'node:crypto';

import type { Certificate } from '../../../shared/x509/certificate.ts';
import { loadParsedCertificates } from './certificates.ts';
import { describeIdentity, type IdentityDescription } from './describe.ts';
import { IdentityError } from './errors.ts';
import { checkSupportedKey } from './key-type.ts';
import { readPkcs12 } from './pkcs12.ts';
import { containsPemPrivateKey, loadPrivateKeys } from './private-key.ts';
import { selectSigner, uniqueCertificates, type CertificateCandidate, type KeyCandidate } from './signer.ts';

export interface Identity {
  /** The signer certificate, DER. */
  readonly certificate: Uint8Array;
  readonly privateKey: KeyObject;
  /** The other certificates, DER: the issuer path from the signer upwards first, then the rest. */
  readonly chain: Uint8Array[];
  readonly description: IdentityDescription;
}

export interface ImportIdentityRequest {
  /** A PKCS#12 file (.p12/.pfx). Excludes certPem and keyPem. */
  readonly p12?: Uint8Array;
  /** Certificate file, PEM or DER; it may hold the chain and the key too. */
  readonly certPem?: Uint8Array;
  /** Private key file, PEM or DER; it may hold certificates too. */
  readonly keyPem?: Uint8Array;
  /** More certificate files (PEM bundles or DER), added to the chain. */
  readonly chain?: readonly Uint8Array[];
  /** The passphrase of the PKCS#12 file or the encrypted key; undefined when none was given. */
  readonly passphrase?: string;
  /** Name of the PKCS#12 file (or of the certificate file) for messages. */
  readonly file?: string;
  /** Names of the other files for messages. */
  readonly keyFile?: string;
  readonly chainFiles?: readonly string[];
  /** With several keys in one input: the friendlyName or hex localKeyId of the one to use. */
  readonly keyName?: string;
}

/**
 * Imports one identity. Raises IdentityError with a code ('wrong-passphrase',
 * 'passphrase-required', 'no-matching-certificate', 'unsupported-algorithm', 'malformed', ...)
 * and a message naming the file and saying what to do.
 */
export function importIdentity(request: ImportIdentityRequest): Identity {
  const hasPem = request.certPem !== undefined || request.keyPem !== undefined;
  if (request.p12 !== undefined && hasPem) {
    throw new IdentityError('invalid-arguments', 'Give either a PKCS#12 file or certificate and key files, not both.');
  }
  if (request.p12 === undefined && !hasPem) {
    throw new IdentityError('invalid-arguments', 'No identity given: pass a PKCS#12 file, or a certificate and a private key.');
  }

  const extra = (request.chain ?? []).flatMap((bytes, index) => loadParsedCertificates(bytes, request.chainFiles?.[index] ?? `chain file ${index + 1}`));
  const { keys, certificates, notes, label } = request.p12 !== undefined ? fromPkcs12(request.p12, request) : fromPem(request);
  const candidates: CertificateCandidate[] = [...certificates, ...extra.map((certificate) => ({ certificate }))];

  const selection = selectSigner(keys, candidates, label, request.keyName);
  checkSupportedKey(selection.key, label);
  return {
    certificate: new Uint8Array(selection.certificate.raw),
    privateKey: selection.key,
    chain: selection.chain.map((certificate) => new Uint8Array(certificate.raw)),
    description: describeIdentity(selection.certificate, selection.chain, notes),
  };
}

interface CollectedInput {
  readonly keys: KeyCandidate[];
  readonly certificates: CertificateCandidate[];
  readonly notes: string[];
  /** The input's name in messages about the key and certificate pairing. */
  readonly label: string;
}

function fromPkcs12(bytes: Uint8Array, request: ImportIdentityRequest): CollectedInput {
  const file = request.file ?? 'the PKCS#12 file';
  const contents = readPkcs12(bytes, request.passphrase, file);
  const keys = contents.keys.map(({ key, attributes }) => ({ key, ...attributes }));
  const certificates = contents.certificates.map(({ der, attributes }) => ({
    certificate: loadParsedCertificates(der, file)[0],
    ...(attributes.localKeyId !== undefined && { localKeyId: attributes.localKeyId }),
  }));
  return { keys, certificates, notes: contents.notes, label: file };
}

// The key may sit in the key file or, in a combined PEM, in the certificate file; certificates
// may sit in either.
function fromPem(request: ImportIdentityRequest): CollectedInput {
  const certFile = request.file ?? 'the certificate file';
  const keyFile = request.keyFile ?? 'the key file';

  let keys: KeyObject[];
  if (request.keyPem !== undefined) keys = loadPrivateKeys(request.keyPem, request.passphrase, keyFile);
  else if (request.certPem !== undefined && containsPemPrivateKey(request.certPem)) keys = loadPrivateKeys(request.certPem, request.passphrase, certFile);
  else throw new IdentityError('no-private-key', `${certFile} contains no private key. Give the key file too.`, { file: certFile });

  const certificates: Certificate[] = [];
  if (request.certPem !== undefined) certificates.push(...loadParsedCertificates(request.certPem, certFile));
  if (request.keyPem !== undefined && containsCertificates(request.keyPem)) certificates.push(...loadParsedCertificates(request.keyPem, keyFile));

  let label = keyFile;
  if (request.certPem !== undefined) label = request.keyPem !== undefined ? `${certFile} and ${keyFile}` : certFile;
  return { keys: keys.map((key) => ({ key })), certificates: uniqueCertificates(certificates).map((certificate) => ({ certificate })), notes: [], label };
}

function containsCertificates(bytes: Uint8Array): boolean {
  return Buffer.from(bytes).toString('latin1').includes('-----BEGIN CERTIFICATE-----');
}
