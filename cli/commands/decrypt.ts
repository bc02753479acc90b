// `mobileconfig decrypt IN -o OUT (--identity P12 | --cert PEM --key PEM)`

import path from 'node:path';
import { decryptProfile } from '../../electron/services/cms/index.ts';
import { writeFileAtomic } from '../../electron/services/files/atomic-write.ts';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { hasIdentityOptions, IDENTITY_HELP, IDENTITY_OPTIONS, loadIdentity } from '../identity-options.ts';
import { EXIT_FILE_FAILED, EXIT_OK, UsageError, type CliIo } from '../io.ts';
import { ensureOutputIsNotInput, openProfileInput } from '../profile-input.ts';
import { describeFailure, exitCodeFor } from '../report-error.ts';

const HELP = `Usage: mobileconfig decrypt IN -o OUT (--identity P12 | --cert FILE --key FILE)

Decrypts the EncryptedPayloadContent of a profile with a device identity and writes the profile
with PayloadContent restored in its place. The recipient is found by issuer and serial number or
by subject key identifier, in any position. A signed IN is unwrapped first; OUT is unsigned.

Options:
  -o, --output FILE   where to write the decrypted profile (written atomically)

${IDENTITY_HELP}
Exit codes: 0 decrypted, 1 IN or the identity failed (for example no recipient matches the
identity), 2 usage error.
`;

export const decryptCommand: Command = {
  name: 'decrypt',
  summary: 'decrypt an encrypted profile with a device identity',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs('decrypt', args, {
      output: { type: 'string', short: 'o' },
      ...IDENTITY_OPTIONS,
    });
    if (positionals.length !== 1) throw new UsageError('decrypt: give exactly one input file.');
    if (!values.output) throw new UsageError('decrypt: -o OUT is required.');
    if (!hasIdentityOptions(values)) throw new UsageError('decrypt: give the device identity with --identity FILE.p12, or --cert FILE and --key FILE.');
    const input = positionals[0];
    ensureOutputIsNotInput('decrypt', values.output, [values.identity, values.cert, values.key, values['passphrase-file'], ...(values.chain ?? [])]);

    try {
      const document = await openProfileInput(input, io, 'dropped');
      if (!document.encrypted) {
        io.stderr(`${input}: the profile is not encrypted (it has no EncryptedPayloadContent); nothing to decrypt.\n`);
        return EXIT_FILE_FAILED;
      }

      const identity = await loadIdentity(values, io);
      const profile = decryptProfile(document.plistBytes, identity, { file: input });
      // The output holds the decrypted payloads (passwords, keys): readable by its owner only.
      await writeFileAtomic(path.resolve(values.output), profile, { mode: 0o600 });
      if (document.signed) io.stderr(`${input}: note: the signature was dropped; ${values.output} is unsigned.\n`);
      io.stderr(`Decrypted ${input} with ${identity.description.subject} -> ${values.output} (readable by its owner only)\n`);
      return EXIT_OK;
    } catch (error) {
      io.stderr(`${describeFailure(input, error)}\n`);
      return exitCodeFor(error);
    }
  },
};
