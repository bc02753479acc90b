// Input handling shared by the CMS services: text armour and ASN.1 errors.

import { Asn1Error } from '../../../shared/asn1/errors.ts';
import { decodeCmsArmour } from '../../../shared/cms/pem.ts';
import { CmsError } from '../../../shared/cms/errors.ts';
import { parseCertificate, type Certificate } from '../../../shared/x509/certificate.ts';

/** Returns the DER of CMS input that may be PEM or base64 armoured; other input is returned unchanged. */
export function cmsBytes(input: Uint8Array): Uint8Array {
  return decodeCmsArmour(input)?.der ?? input;
}

/** Runs `parse`, turning an Asn1Error into a CmsError ('truncated' or 'malformed') that names `what`. */
export function parseOrThrow<T>(what: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof Asn1Error) {
      const truncated = /runs past the end|ends inside|no end-of-contents|input is empty/.test(error.reason);
      const hint = truncated ? 'the file is cut short; get a complete copy' : 'the file is damaged or is not CMS';
      throw new CmsError(truncated ? 'truncated' : 'malformed', `${what} is not valid: ${error.message}; ${hint}`, { field: error.structure, cause: error });
    }
    throw error;
  }
}

/** Parses a DER certificate given by a caller; `role` names it in the error (`recipient certificate 2`). */
export function parseCallerCertificate(der: Uint8Array, role: string): Certificate {
  try {
    return parseCertificate(der);
  } catch (error) {
    if (error instanceof Asn1Error) {
      throw new CmsError('invalid-certificate', `${role} is not a valid DER X.509 certificate: ${error.message}`, { field: error.structure, cause: error });
    }
    throw error;
  }
}
