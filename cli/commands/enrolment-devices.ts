// `mobileconfig enrolment devices --dir FOLDER [--json | --csv] [-o FILE]` and
// `mobileconfig enrolment revoke --dir FOLDER --device ID`: the registry, read from its file.

import path from 'node:path';

import { checkStateFolder, openExistingRegistry, openRegistry, rejectWhileServed } from '../../electron/services/enrolment/index.ts';
import { writeFileAtomic } from '../../electron/services/files/atomic-write.ts';
import { devicesToCsv, type EnrolledDevice } from '../../shared/enrolment/devices.ts';
import { parseCommandArgs } from '../args.ts';
import { EXIT_FILE_FAILED, EXIT_OK, UsageError, type CliIo } from '../io.ts';
import { plural } from './enrolment-options.ts';

export async function runEnrolmentDevices(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('enrolment devices', args, {
    dir: { type: 'string' },
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
    output: { type: 'string', short: 'o' },
  });
  if (positionals.length > 0) throw new UsageError(`enrolment devices: unexpected argument '${positionals[0]}'.`);
  if (!values.dir) throw new UsageError('enrolment devices: --dir FOLDER is required (the folder given to enrolment serve).');
  if (values.json && values.csv) throw new UsageError('enrolment devices: give --json or --csv, not both.');

  let devices: EnrolledDevice[];
  try {
    devices = (await openExistingRegistry(path.resolve(values.dir))).devices();
  } catch (error) {
    io.stderr(`mobileconfig enrolment devices: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FILE_FAILED;
  }

  let text: string;
  if (values.csv) text = devicesToCsv(devices);
  else if (values.json) text = `${JSON.stringify(devices, null, 2)}\n`;
  else text = table(devices);

  if (values.output) {
    try {
      await writeFileAtomic(path.resolve(values.output), Buffer.from(text));
    } catch (error) {
      io.stderr(`mobileconfig enrolment devices: ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT_FILE_FAILED;
    }
    io.stderr(`Wrote ${plural(devices.length, 'device')} -> ${values.output}\n`);
  } else {
    io.stdout(text);
  }
  return EXIT_OK;
}

function table(devices: readonly EnrolledDevice[]): string {
  const enrolled = devices.filter((device) => device.status === 'enrolled').length;
  const lines = [`${plural(devices.length, 'device')} used this server (${enrolled} enrolled).`];
  for (const device of devices) {
    const certificate = device.certificateSerial ? `serial ${device.certificateSerial}` : 'no certificate';
    lines.push(`  ${device.deviceId}  ${device.status}  ${device.attributes.PRODUCT ?? '-'}  ${device.attributes.VERSION ?? '-'}  ${certificate}  last seen ${device.lastSeen}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function runEnrolmentRevoke(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('enrolment revoke', args, { dir: { type: 'string' }, device: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`enrolment revoke: unexpected argument '${positionals[0]}'.`);
  if (!values.dir || !values.device) throw new UsageError('enrolment revoke: --dir FOLDER and --device ID are required.');

  try {
    await checkStateFolder(path.resolve(values.dir));
    await rejectWhileServed(path.resolve(values.dir));
    const registry = await openRegistry(path.resolve(values.dir));
    if (!registry.revoke(values.device, new Date())) {
      io.stderr(`mobileconfig enrolment revoke: no device "${values.device}" in ${registry.file}; list them with 'mobileconfig enrolment devices --dir ${values.dir}'\n`);
      return EXIT_FILE_FAILED;
    }
    await registry.flush();
  } catch (error) {
    io.stderr(`mobileconfig enrolment revoke: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FILE_FAILED;
  }
  io.stderr(`Revoked ${values.device}; custom provisioning turns it away from now on.\n`);
  return EXIT_OK;
}
