// The signature check that `inspect` runs on signed files.

import { verify } from '../../electron/services/cms/index.ts';
import type { SignatureReport } from '../../electron/services/inspect/report.ts';
import type { CliIo } from '../io.ts';
import { loadTrustAnchors } from './trust-anchors.ts';

/** Returns a verifier for inspect reports, trusting the `--ca` files besides the system roots. */
export async function verifyForReport(caFiles: string[], io: CliIo): Promise<(bytes: Uint8Array) => Promise<SignatureReport>> {
  const anchors = await loadTrustAnchors(caFiles, io);
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
