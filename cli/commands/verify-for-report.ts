// The signature check that `inspect` runs on signed files.

import type { SignatureReport } from '../../electron/services/inspect/report.ts';
import { signatureVerifier } from '../../electron/services/inspect/signature-verifier.ts';
import type { CliIo } from '../io.ts';
import { loadTrustAnchors } from './trust-anchors.ts';

/** Returns a verifier for inspect reports, trusting the `--ca` files besides the system roots. */
export async function verifyForReport(caFiles: string[], io: CliIo): Promise<(bytes: Uint8Array) => Promise<SignatureReport>> {
  return signatureVerifier(await loadTrustAnchors(caFiles, io));
}
