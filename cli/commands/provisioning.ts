// `mobileconfig provisioning report DIR [--json] [--expiring-within DAYS] [--device UDID]`

import { DEFAULT_EXPIRING_WITHIN_DAYS, ProvisioningFolderError, reportProvisioningFolder } from '../../electron/services/provisioning/index.ts';
import type { ProvisioningFolderReport } from '../../electron/services/provisioning/report.ts';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { EXIT_FILE_FAILED, EXIT_OK, UsageError, type CliIo } from '../io.ts';
import { formatProvisioningReport } from './provisioning-text.ts';
import { verifyForReport } from './verify-for-report.ts';

const HELP = `Usage: mobileconfig provisioning report DIR [--json] [--expiring-within DAYS] [--device UDID]
                                        [--as-of DATE] [--ca FILE]...

Lists every app provisioning profile (.mobileprovision, .provisionprofile) directly in DIR,
for example the folder Xcode keeps them in, soonest expiry first: name, App ID, type, expiry
and days left. It flags expired profiles, profiles expiring soon, and profiles whose every
developer certificate has expired, so that no one can sign with them. It lists profiles that
share a UUID (one profile saved twice) or an App ID, and with --device it lists the profiles
that include that device. Files are recognised by content; subfolders are not scanned.

The type is derived from three keys: ProvisionsAllDevices true is enterprise (Developer ID
when the only platform is OSX); otherwise get-task-allow true is development; otherwise a
ProvisionedDevices list is ad hoc; otherwise App Store.

Options:
  --json                  print the report as one JSON object (fields listed in the README)
  --expiring-within DAYS  flag profiles that expire within DAYS days (whole number, 0 or more;
                          default ${DEFAULT_EXPIRING_WITHIN_DAYS})
  --device UDID           list the profiles that include this device UDID (any letter case),
                          and those that provision all devices
  --as-of DATE            compute expiry at DATE (ISO-8601, such as 2026-06-30 or
                          2026-06-30T12:00:00Z) instead of now; signatures are still checked now
  --ca FILE               PEM or DER certificate trusted as a root when checking the profiles'
                          signatures (repeatable), for example Apple's root certificate

Exit codes: 0 the folder was read and every profile file opened, even when some profiles have
expired (a report is not a check); 1 a file named .mobileprovision or .provisionprofile could
not be read as a profile, or the folder could not be listed; 2 usage error.
`;

const SUBCOMMANDS = ['report'] as const;

export const provisioningCommand: Command = {
  name: 'provisioning',
  summary: 'report the app provisioning profiles in a folder and what expires',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs('provisioning', args, {
      json: { type: 'boolean' },
      'expiring-within': { type: 'string' },
      device: { type: 'string' },
      'as-of': { type: 'string' },
      ca: { type: 'string', multiple: true },
    });

    // The command line.
    const [subcommand, folder, ...extra] = positionals;
    if (subcommand === undefined) throw new UsageError(`provisioning: give a subcommand: ${SUBCOMMANDS.join(', ')}. Run 'mobileconfig provisioning --help' for the usage.`);
    if (subcommand !== 'report') throw new UsageError(`provisioning: unknown subcommand '${subcommand}'; the subcommands are: ${SUBCOMMANDS.join(', ')}.`);
    if (folder === undefined) throw new UsageError('provisioning report: give the folder to scan.');
    if (extra.length > 0) throw new UsageError(`provisioning report: give exactly one folder, not ${positionals.length - 1}.`);
    const expiringWithinDays = parseDays(values['expiring-within']);
    const now = parseAsOf(values['as-of']);
    const device = parseDevice(values.device);

    // The report.
    const verify = await verifyForReport(values.ca ?? [], io);
    let report: ProvisioningFolderReport;
    try {
      report = await reportProvisioningFolder(folder, { now, expiringWithinDays, device, verify });
    } catch (error) {
      if (!(error instanceof ProvisioningFolderError)) throw error;
      io.stderr(`${error.message}\n`);
      return EXIT_FILE_FAILED;
    }

    io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatProvisioningReport(report));
    for (const failure of report.failures) io.stderr(`${failure.file}: ${failure.error}\n`);
    return report.failures.length === 0 ? EXIT_OK : EXIT_FILE_FAILED;
  },
};

function parseDays(value: string | undefined): number {
  if (value === undefined) return DEFAULT_EXPIRING_WITHIN_DAYS;
  if (!/^\d{1,6}$/.test(value)) throw new UsageError(`provisioning report: --expiring-within must be a whole number of days, 0 or more, not '${value}'.`);
  return Number(value);
}

function parseAsOf(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
  const time = iso.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) throw new UsageError(`provisioning report: --as-of must be an ISO-8601 date such as 2026-06-30 or 2026-06-30T12:00:00Z, not '${value}'.`);
  return new Date(time);
}

function parseDevice(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === '') throw new UsageError('provisioning report: --device needs a UDID, such as 00008030-001544522E60802E.');
  return value.trim();
}
