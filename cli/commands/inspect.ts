// `mobileconfig inspect FILE... [--json]`

import { inspectBytes } from '../../electron/services/inspect/inspect-file.ts';
import type { InspectReport } from '../../electron/services/inspect/report.ts';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { EXIT_FILE_FAILED, EXIT_OK, UsageError, type CliIo } from '../io.ts';
import { describeFailure } from '../report-error.ts';
import { formatInspectReport } from './inspect-text.ts';
import { verifyForReport } from './verify-for-report.ts';

const HELP = `Usage: mobileconfig inspect FILE... [--json] [--ca PEM]...

Shows what each file holds: its format (XML or binary plist, CMS-signed, PEM-armoured), its kind
(configuration profile, iOS profile stub, other plist), the signature and its certificates, the
recipients of encrypted content, the top-level settings and the payloads. Formats are detected
by content, never by file name.

Options:
  --json      print a JSON array with one object per file (fields listed in the README)
  --ca FILE   PEM or DER certificate trusted as a root when checking signatures (repeatable)

Exit codes: 0 every file opened, 1 at least one file could not be read, 2 usage error.
`;

export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'show the format, signature, settings and payloads of files',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs('inspect', args, {
      json: { type: 'boolean' },
      ca: { type: 'string', multiple: true },
    });
    if (positionals.length === 0) throw new UsageError('inspect: give at least one file.');

    const verify = await verifyForReport(values.ca ?? [], io);
    const reports: InspectReport[] = [];
    for (const file of positionals) {
      let report: InspectReport;
      try {
        report = await inspectBytes(await io.readFile(file), file, { verify });
      } catch (error) {
        report = { file, ok: false, error: describeFailure(file, error).slice(file.length + 2), warnings: [] };
      }
      reports.push(report);
      if (!values.json) io.stdout(formatInspectReport(report));
      if (!report.ok) io.stderr(`${file}: ${report.error}\n`);
    }

    if (values.json) io.stdout(`${JSON.stringify(reports, null, 2)}\n`);
    return reports.every((r) => r.ok) ? EXIT_OK : EXIT_FILE_FAILED;
  },
};
