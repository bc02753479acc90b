// What the export dialog asks the main process to write.

import type { ContentCipherName, SigningDigest } from '../cms/index.ts';
import type { ExportMode } from '../../../shared/export/results.ts';

export type { ExportMode, ExportProgress, ExportResult, ExportWarning, ExportWarningCode, WrittenFileCheck } from '../../../shared/export/results.ts';

export interface ExportRequest {
  /** The profile as the editor saves it (XML or binary plist bytes, unsigned). */
  readonly profile: Uint8Array;
  /** Named in messages. */
  readonly profileName: string;
  readonly mode: ExportMode;
  /** Signing identity: required for `signed`, optional for the encrypted modes (they then sign after encrypting). */
  readonly identityId?: string;
  readonly digest?: SigningDigest;
  /** Recipients for `encrypted` (all in one file) and `per-recipient` (one file each). */
  readonly recipientIds?: readonly string[];
  readonly cipher?: ContentCipherName;
  /** Output file for `unsigned`, `signed` and `encrypted`. */
  readonly outPath?: string;
  /** Output folder for `per-recipient`. */
  readonly outDir?: string;
}
