// The signature check inspection runs on signed files, shared by the CLI's inspect and the app.

import { verify } from '../cms/index.ts';
import type { SignatureReport } from './report.ts';

/** Returns a verifier that trusts `anchors` (DER certificates) besides the system's roots. */
export function signatureVerifier(anchors: readonly Uint8Array[] = []): (bytes: Uint8Array) => Promise<SignatureReport> {
  return async (bytes) => {
    const result = verify(bytes, { anchors });
    return {
      status: result.status,
      signatureValid: result.signatureValid,
      chainComplete: result.chainComplete,
      chainTrusted: result.chainTrusted,
      signerExpired: result.signerExpired,
      message: result.message,
    };
  };
}
