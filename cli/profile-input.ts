// Reading the profile a command works on, and keeping outputs away from inputs.

import { statSync } from 'node:fs';
import path from 'node:path';
import { openDocument, type OpenedDocument } from '../shared/profile/open.ts';
import { UsageError, type CliIo } from './io.ts';

/** The fate of a signature found on the input: signed anew (`replaced`) or removed (`dropped`). */
export type SignatureFate = 'replaced' | 'dropped';

/** Raised when a signed input's signature does not verify, so its content is not trusted further. */
export class InvalidSignatureError extends Error {
  override readonly name = 'InvalidSignatureError';
}

/**
 * Opens `input` and prints its warnings. A signed input has its signature checked first.
 * A command that re-signs (`replaced`) rejects content whose signature fails, because signing it
 * anew would turn tampered content into a valid profile. A command that only unwraps
 * (`dropped`) goes on with a warning.
 */
export async function openProfileInput(input: string, io: CliIo, fate: SignatureFate): Promise<OpenedDocument> {
  const bytes = await io.readFile(input);
  // The commands that open their input here print no position inside it, and a 3 MB profile
  // reads about 20 ms faster without them. Errors and warnings still name line and column.
  const document = openDocument(bytes, { file: input, positions: false });
  for (const warning of document.warnings) io.stderr(`${input}: warning: ${warning}\n`);
  if (!document.signed) return document;

  // Imported here, because most inputs are not signed and the bundled CLI then skips loading
  // chain building and node:tls, whose import reads Node's root certificates (seen on Node 20).
  const { verify } = await import('../electron/services/cms/verify.ts');
  const check = verify(bytes);
  if (!check.signatureValid && fate === 'replaced') {
    throw new InvalidSignatureError(
      `${input}: the file is signed, but its signature does not verify (${check.message}), so its content may have been changed. It was not signed again. If you trust the content, unwrap it with 'mobileconfig convert ${input} -o FILE --to xml' and sign FILE.`,
    );
  }
  if (!check.signatureValid) io.stderr(`${input}: warning: the signature does not verify (${check.message}); the content may have been changed after signing.\n`);
  return document;
}

/**
 * Raises a usage error when `output` is the same file as one of `inputs` (after following links),
 * so that `-o` never overwrites an identity, key, passphrase or certificate file the command reads.
 */
export function ensureOutputIsNotInput(command: string, output: string, inputs: readonly (string | undefined)[]): void {
  const outputId = fileId(output);
  for (const input of inputs) {
    if (input === undefined) continue;
    const same = outputId !== null ? outputId === fileId(input) : path.resolve(output) === path.resolve(input);
    if (same) throw new UsageError(`${command}: -o ${output} is the same file as the input ${input}; choose another output file.`);
  }
}

function fileId(file: string): string | null {
  try {
    const info = statSync(file);
    return `${info.dev}:${info.ino}`;
  } catch {
    // A file that does not exist yet cannot be one of the inputs; compare paths instead.
    return null;
  }
}
