// Reading the certificate files that options name (`--ca`, `--certfile`).

import { loadCertificates, looksLikePkcs12 } from '../../electron/services/identity/certificates.ts';
import type { CliIo } from '../io.ts';
import { describeFailure } from '../report-error.ts';

/** Raised when a file given to a certificate option cannot be read or contains no certificate; the message names the option and the file. */
export class CertificateOptionError extends Error {
  override readonly name = 'CertificateOptionError';
  readonly option: string;
  readonly file: string;

  constructor(option: string, file: string, reason: string, cause?: unknown) {
    super(`--${option} ${reason}`, cause === undefined ? undefined : { cause });
    this.option = option;
    this.file = file;
  }
}

/** Reads every certificate in the `--ca` files (PEM bundles or DER). */
export function loadTrustAnchors(files: readonly string[], io: CliIo): Promise<Uint8Array[]> {
  return loadCertificateOption('ca', files, io);
}

/**
 * Reads every certificate in the files given to `--option`. Raises CertificateOptionError
 * (`--ca nope.pem: file not found`) so that the message blames the option's file, not the
 * profile being checked.
 */
export async function loadCertificateOption(option: string, files: readonly string[], io: CliIo): Promise<Uint8Array[]> {
  const certificates: Uint8Array[] = [];
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = await io.readFile(file);
    } catch (error) {
      throw new CertificateOptionError(option, file, describeFailure(file, error), error);
    }

    // The generic advice for a PKCS#12 file names --identity, which these commands do not have.
    if (looksLikePkcs12(bytes)) {
      const advice = `extract its certificates with 'openssl pkcs12 -in ${file} -nokeys -out certificates.pem' and give that file`;
      throw new CertificateOptionError(option, file, `${file}: the file is a PKCS#12 identity, not a certificate: ${advice}`);
    }

    try {
      certificates.push(...loadCertificates(bytes, file));
    } catch (error) {
      throw new CertificateOptionError(option, file, describeFailure(file, error), error);
    }
  }
  return certificates;
}
