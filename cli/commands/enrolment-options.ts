// Option handling shared by the `mobileconfig enrolment` subcommands.

import { isEnvironmentVariableName } from '../../electron/services/identity/passphrase.ts';
import { DEVICE_ATTRIBUTE_NAMES } from '../../shared/enrolment/device-attributes.ts';
import { UsageError, type CliIo } from '../io.ts';
import { describeFailure } from '../report-error.ts';

/** Splits repeated and comma-separated --attribute values into names, upper-cased. */
export function attributeNames(values: readonly string[] | undefined): string[] | undefined {
  if (!values || values.length === 0) return undefined;
  const names = values.flatMap((value) => value.split(',')).map((name) => name.trim().toUpperCase()).filter(Boolean);
  for (const name of names) {
    if (!DEVICE_ATTRIBUTE_NAMES.includes(name)) throw new UsageError(`enrolment: --attribute ${name} is not one of ${DEVICE_ATTRIBUTE_NAMES.join(', ')}.`);
  }
  return names;
}

/**
 * Reads a challenge from --challenge-env VAR or the first line of --challenge-file FILE.
 * A challenge is a secret, so it is never taken as an argument value, which process lists show.
 */
export async function readChallenge(values: { 'challenge-env'?: string; 'challenge-file'?: string }, io: CliIo, subcommand: string): Promise<string | undefined> {
  const variable = values['challenge-env'];
  const file = values['challenge-file'];
  if (variable !== undefined && file !== undefined) throw new UsageError(`enrolment ${subcommand}: give --challenge-env or --challenge-file, not both.`);
  if (variable !== undefined) {
    // The usual slip is to pass the challenge itself, so a value that is not a name is not echoed.
    if (!isEnvironmentVariableName(variable)) {
      throw new UsageError(`enrolment ${subcommand}: the value given to --challenge-env is not an environment variable name (letters, digits and _, not starting with a digit), so it is not shown. Give the name of the variable that contains the challenge.`);
    }
    const value = io.env[variable];
    if (value === undefined || value === '') throw new UsageError(`enrolment ${subcommand}: environment variable ${variable} (from --challenge-env) is not set or empty.`);
    return value;
  }
  if (file === undefined) return undefined;

  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(file);
  } catch (error) {
    throw new ChallengeFileError(`--challenge-file ${describeFailure(file, error)}`, { cause: error });
  }
  const text = Buffer.from(bytes).toString('utf8');
  const line = text.split(/\r?\n/, 1)[0];
  if (line === '') throw new UsageError(`enrolment ${subcommand}: the first line of ${file} (from --challenge-file) is empty; put the challenge there.`);
  return line;
}

/** Raised when the --challenge-file file cannot be read; the message names the option and the file. */
export class ChallengeFileError extends Error {
  override readonly name = 'ChallengeFileError';
}

/** Parses a whole number option within bounds. */
export function parseInteger(subcommand: string, option: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) throw new UsageError(`enrolment ${subcommand}: --${option} must be a whole number from ${min} to ${max}, not '${value}'.`);
  return number;
}

/** Returns `1 device`, `2 devices`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
