// `mobileconfig sign IN -o OUT (--identity P12 | --cert PEM --key PEM) [--chain PEM] [--digest ...]`

import path from 'node:path';
import { SIGNING_DIGESTS, type SigningDigest } from '../../electron/services/cms/algorithms.ts';
import { sign } from '../../electron/services/cms/sign.ts';
import { writeFileAtomic } from '../../electron/services/files/atomic-write.ts';
import { parseChoice, parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { hasIdentityOptions, IDENTITY_HELP, IDENTITY_OPTIONS, loadIdentity } from '../identity-options.ts';
import { EXIT_OK, UsageError, type CliIo } from '../io.ts';
import { ensureOutputIsNotInput, openProfileInput } from '../profile-input.ts';
import { describeFailure, exitCodeFor } from '../report-error.ts';

const HELP = `Usage: mobileconfig sign IN -o OUT (--identity P12 | --cert FILE --key FILE) [--chain FILE]... [--digest sha256|sha384|sha512]

Signs a profile as CMS SignedData (DER) with the content embedded byte for byte, signed
attributes contentType, messageDigest and signingTime, and the signer's intermediate
certificates (not the root). RSA keys sign with PKCS#1 v1.5, EC keys with ECDSA. A profile that
is already signed is re-signed: its content is signed anew and the old signature is dropped.
Warns when the signer has expired, expires within 30 days, or its issuer is missing from the chain.

Options:
  -o, --output FILE   where to write the signed profile (written atomically)
  --digest NAME       sha256 (default), sha384 or sha512

${IDENTITY_HELP}
Exit codes: 0 signed, 1 a file or the identity failed, 2 usage error.
`;

export const signCommand: Command = {
  name: 'sign',
  summary: 'sign a profile with a certificate and key (CMS SignedData)',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs('sign', args, {
      output: { type: 'string', short: 'o' },
      digest: { type: 'string' },
      ...IDENTITY_OPTIONS,
    });
    if (positionals.length !== 1) throw new UsageError('sign: give exactly one input file.');
    if (!values.output) throw new UsageError('sign: -o OUT is required.');
    if (!hasIdentityOptions(values)) throw new UsageError('sign: give the signer with --identity FILE.p12, or --cert FILE and --key FILE.');
    const digest = parseChoice<SigningDigest>('sign', 'digest', values.digest, SIGNING_DIGESTS, 'sha256');
    const input = positionals[0];

    ensureOutputIsNotInput('sign', values.output, [values.identity, values.cert, values.key, values['passphrase-file'], ...(values.chain ?? [])]);

    try {
      const content = (await openProfileInput(input, io, 'replaced')).plistBytes;
      const identity = await loadIdentity(values, io);
      const result = sign(content, identity, { digest });
      for (const warning of result.warnings) io.stderr(`${input}: warning: ${warning.message}\n`);

      await writeFileAtomic(path.resolve(values.output), result.der);
      io.stderr(`Signed ${input} as ${identity.description.subject} (${digest}) -> ${values.output}\n`);
      return EXIT_OK;
    } catch (error) {
      io.stderr(`${describeFailure(input, error)}\n`);
      return exitCodeFor(error);
    }
  },
};
