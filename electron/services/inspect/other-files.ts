// Files dropped for inspection that are not plists: certificates and PKCS#12 identity files.

import { parsePfx } from '../../../shared/pkcs12/pfx.ts';
import { describeCertificateDer } from '../../../shared/profile/signed.ts';
import { loadCertificates } from '../identity/index.ts';
import type { InspectReport } from './report.ts';

/**
 * Returns a report when `bytes` is a PKCS#12 file or a certificate file (PEM bundle or DER), or
 * null when it is neither, so that the caller reports its own error.
 */
export function inspectOtherFile(bytes: Uint8Array, file: string): InspectReport | null {
  if (isPkcs12(bytes)) {
    return {
      file,
      ok: true,
      kind: 'identity',
      warnings: ['a PKCS#12 identity file: its key and certificates are encrypted; import it in the certificate manager (or pass it to --identity) with its passphrase to see them'],
    };
  }

  let certificates: Uint8Array[];
  try {
    certificates = loadCertificates(bytes, file);
  } catch {
    // Not a certificate file either: the caller reports why the file is not a plist.
    return null;
  }
  if (certificates.length === 0) return null;
  return { file, ok: true, kind: 'certificate', certificates: certificates.map(describeCertificateDer), warnings: [] };
}

function isPkcs12(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || bytes[0] !== 0x30) return false;
  try {
    parsePfx(bytes);
    return true;
  } catch {
    // A DER file that is not a PFX (a certificate, a CMS message) is handled elsewhere.
    return false;
  }
}
