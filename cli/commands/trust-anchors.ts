// Reading `--ca` certificate files.

import { loadCertificates } from '../../electron/services/identity/index.ts';
import type { CliIo } from '../io.ts';

/** Reads every certificate in the `--ca` files (PEM bundles or DER). */
export async function loadTrustAnchors(files: readonly string[], io: CliIo): Promise<Uint8Array[]> {
  const anchors: Uint8Array[] = [];
  for (const file of files) anchors.push(...loadCertificates(await io.readFile(file), file));
  return anchors;
}
