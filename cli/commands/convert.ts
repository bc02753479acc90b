// `mobileconfig convert IN -o OUT --to xml|binary`

import path from 'node:path';
import { writePlist } from '../../shared/plist/index.ts';
import { writeFileAtomic } from '../../electron/services/files/atomic-write.ts';
import { parseChoice, parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { EXIT_FILE_FAILED, EXIT_OK, UsageError, type CliIo } from '../io.ts';
import { openProfileInput } from '../profile-input.ts';
import { describeFailure } from '../report-error.ts';

const HELP = `Usage: mobileconfig convert IN -o OUT --to xml|binary

Writes the property list in IN to OUT as XML (Apple's layout) or as a binary plist (bplist00).
For a signed IN, the signed content is written and the signature is dropped (a note on stderr
says so); sign OUT again with 'mobileconfig sign'. OUT is written atomically (temporary file,
then rename). IN is never overwritten unless -o names it.

Options:
  -o, --output FILE   where to write (required)
  --to FORMAT         xml or binary (required)

Exit codes: 0 written, 1 IN could not be read or OUT could not be written, 2 usage error.
`;

export const convertCommand: Command = {
  name: 'convert',
  summary: 'convert a profile or plist between XML and binary',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs('convert', args, {
      output: { type: 'string', short: 'o' },
      to: { type: 'string' },
    });
    if (positionals.length !== 1) throw new UsageError('convert: give exactly one input file.');
    if (!values.output) throw new UsageError('convert: -o OUT is required.');
    if (!values.to) throw new UsageError('convert: --to xml|binary is required.');
    const format = parseChoice('convert', 'to', values.to, ['xml', 'binary'] as const, 'xml');
    const input = positionals[0];

    try {
      const document = await openProfileInput(input, io, 'dropped');
      if (document.signed) io.stderr(`${input}: note: the signature was dropped; ${values.output} holds the signed content unsigned.\n`);

      await writeFileAtomic(path.resolve(values.output), writePlist(document.value, format));
      return EXIT_OK;
    } catch (error) {
      io.stderr(`${describeFailure(input, error)}\n`);
      return EXIT_FILE_FAILED;
    }
  },
};
