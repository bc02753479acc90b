// Reading certificates from PEM bundles and DER files (.pem, .crt, .cer).

import { X509Certificate } from 'node:crypto';

import { Asn1Error } from '../../../shared/asn1/errors.ts';
import { parseAsn1 } from '../../../shared/asn1/reader.ts';
import { parseCertificate, type Certificate } from '../../../shared/x509/certificate.ts';
import { IdentityError } from './errors.ts';
import { looksLikePem, parsePemBlocks } from './pem.ts';

/** PEM labels that hold one X.509 certificate. `TRUSTED CERTIFICATE` adds OpenSSL trust settings after it. */
const CERTIFICATE_LABELS: ReadonlySet<string> = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);

/** Largest certificate file read, far above real bundles (Debian 12's ca-certificates.crt is 215 KiB). */
export const MAX_CERTIFICATE_FILE_BYTES = 16 * 1024 * 1024;

/**
 * Returns the DER certificates in `bytes`: every certificate block of PEM text, in order, or
 * the certificates of a DER file (one, or several concatenated). Raises IdentityError
 * 'malformed' naming `file` when there is none or one cannot be parsed.
 */
export function loadCertificates(bytes: Uint8Array, file: string): Uint8Array[] {
  // Copies, so that the result neither shares memory with `bytes` nor is a Buffer when it is one.
  return loadParsedCertificates(bytes, file).map((certificate) => new Uint8Array(certificate.raw));
}

/** Like loadCertificates, and returns the parsed certificates. */
export function loadParsedCertificates(bytes: Uint8Array, file: string): Certificate[] {
  if (bytes.length > MAX_CERTIFICATE_FILE_BYTES) {
    throw new IdentityError('limit-exceeded', `${file} is ${bytes.length} bytes, more than the ${MAX_CERTIFICATE_FILE_BYTES} bytes a certificate file may have.`, { file });
  }
  if (bytes.length === 0) throw new IdentityError('malformed', `${file} is empty. Expected PEM or DER certificates.`, { file });
  return looksLikePem(bytes) ? certificatesFromPem(bytes, file) : certificatesFromDer(bytes, file);
}

function certificatesFromPem(bytes: Uint8Array, file: string): Certificate[] {
  const blocks = parsePemBlocks(Buffer.from(bytes).toString('utf8'), (problem, line) => {
    throw new IdentityError('malformed', `${file}:${line}: ${problem}.`, { file });
  });

  const certificates: Certificate[] = [];
  for (const block of blocks) {
    if (!CERTIFICATE_LABELS.has(block.label)) continue;
    if (block.der === null) throw new IdentityError('malformed', `${file}:${block.line}: the ${block.label} block is not valid base64.`, { file });
    // A TRUSTED CERTIFICATE block continues after the certificate, so read only its first element.
    const der = block.label === 'TRUSTED CERTIFICATE' ? firstElement(block.der, `${file}:${block.line}`, file) : block.der;
    certificates.push(parseOrExplain(der, `${file}:${block.line}`, file));
  }

  if (certificates.length === 0) {
    const labels = [...new Set(blocks.map((block) => block.label))];
    const found = labels.length === 0 ? 'no PEM blocks' : `only ${labels.join(', ')} blocks`;
    const hint = labels.includes('PKCS7') ? ' Convert it with `openssl pkcs7 -print_certs -in FILE`.' : '';
    throw new IdentityError('malformed', `${file} contains no certificate (${found}).${hint}`, { file });
  }
  return certificates;
}

function certificatesFromDer(bytes: Uint8Array, file: string): Certificate[] {
  const certificates: Certificate[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    let element: Uint8Array;
    try {
      element = parseAsn1(bytes.subarray(offset), { allowTrailing: true }).raw;
    } catch (error) {
      if (!(error instanceof Asn1Error)) throw error;
      // The Asn1Error message counts bytes from the start of the element, which is also the start
      // of the file only for the first element. A later element therefore names its own offset.
      const elementLocation = offset === 0 ? '' : `, in the element that starts at byte ${offset} of the file`;
      throw new IdentityError('malformed', `${file} is neither PEM nor a DER certificate: ${error.message}${elementLocation}.`, { file, cause: error });
    }
    if (offset === 0 && looksLikePkcs12(element)) {
      throw new IdentityError('malformed', `${file} is a PKCS#12 file, not a certificate. Pass it as the identity (--identity) instead.`, { file });
    }
    certificates.push(parseOrExplain(element, `${file} at byte ${offset}`, file));
    offset += element.length;
  }
  return certificates;
}

/** True when `der` starts like a PFX: a SEQUENCE whose first element is INTEGER 3. */
export function looksLikePkcs12(der: Uint8Array): boolean {
  return der.length > 5 && der[0] === 0x30 && startsWithVersion3(der);
}

function startsWithVersion3(der: Uint8Array): boolean {
  try {
    const first = parseAsn1(der, { allowTrailing: true }).children[0];
    return first !== undefined && first.tagClass === 'universal' && first.tag === 2 && first.contents.length === 1 && first.contents[0] === 3;
  } catch (error) {
    if (error instanceof Asn1Error) return false;
    throw error;
  }
}

function firstElement(der: Uint8Array, where: string, file: string): Uint8Array {
  try {
    return parseAsn1(der, { allowTrailing: true }).raw;
  } catch (error) {
    if (!(error instanceof Asn1Error)) throw error;
    throw new IdentityError('malformed', `${where}: not a valid X.509 certificate: ${error.message}.`, { file, cause: error });
  }
}

function parseOrExplain(der: Uint8Array, where: string, file: string): Certificate {
  let certificate: Certificate;
  try {
    certificate = parseCertificate(der);
  } catch (error) {
    if (!(error instanceof Asn1Error)) throw error;
    throw new IdentityError('malformed', `${where}: not a valid X.509 certificate: ${error.message}.`, { file, cause: error });
  }

  // Signing and chain checks hand the certificate to Node's OpenSSL, which is stricter than
  // the shared parser (it decodes the public key and every extension), so it must accept it too.
  try {
    new X509Certificate(der);
  } catch (error) {
    throw new IdentityError('malformed', `${where}: not a valid X.509 certificate: OpenSSL rejects it (${(error as Error).message}).`, { file, cause: error });
  }
  return certificate;
}
