// `mobileconfig enrolment new -o OUT --url URL [...]`: writes an enrolment (Profile Service) profile.

import path from 'node:path';

import { createEnrolmentProfile } from '../../electron/services/enrolment/index.ts';
import { writeFileAtomic } from '../../electron/services/files/atomic-write.ts';
import { DEFAULT_DEVICE_ATTRIBUTES } from '../../shared/enrolment/device-attributes.ts';
import { parseCommandArgs } from '../args.ts';
import { hasIdentityOptions, IDENTITY_OPTIONS, loadIdentity } from '../identity-options.ts';
import { EXIT_FILE_FAILED, EXIT_OK, UsageError, type CliIo } from '../io.ts';
import { attributeNames, readChallenge } from './enrolment-options.ts';

export async function runEnrolmentNew(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('enrolment new', args, {
    output: { type: 'string', short: 'o' },
    url: { type: 'string' },
    attribute: { type: 'string', multiple: true },
    'challenge-env': { type: 'string' },
    'challenge-file': { type: 'string' },
    name: { type: 'string' },
    description: { type: 'string' },
    organization: { type: 'string' },
    identifier: { type: 'string' },
    ...IDENTITY_OPTIONS,
  });
  if (positionals.length > 0) throw new UsageError(`enrolment new: unexpected argument '${positionals[0]}'.`);
  if (!values.output) throw new UsageError('enrolment new: -o OUT is required.');
  if (!values.url) throw new UsageError('enrolment new: --url URL is required (where devices post their attributes).');

  const output = values.output;
  try {
    const challenge = await readChallenge(values, io, 'new');
    const identity = hasIdentityOptions(values) ? await loadIdentity(values, io) : undefined;
    const result = createEnrolmentProfile(
      {
        url: values.url,
        attributes: attributeNames(values.attribute) ?? DEFAULT_DEVICE_ATTRIBUTES,
        ...(challenge !== undefined && { challenge }),
        ...(values.identifier !== undefined && { identifier: values.identifier }),
        ...(values.name !== undefined && { displayName: values.name }),
        ...(values.description !== undefined && { description: values.description }),
        ...(values.organization !== undefined && { organization: values.organization }),
      },
      identity,
    );
    await writeFileAtomic(path.resolve(output), result.bytes);
    const how = identity ? `signed as ${identity.description.subject}` : 'unsigned (devices show it as "Not Verified")';
    io.stderr(`Wrote enrolment profile for ${values.url}, ${how} -> ${output}\n`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    io.stderr(`mobileconfig enrolment new: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FILE_FAILED;
  }
}
