// Command-line parsing shared by the commands, on Node's util.parseArgs.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs<T extends Options> {
  readonly values: { [K in keyof T]?: T[K] extends { type: 'boolean' } ? boolean : T[K] extends { multiple: true } ? string[] : string };
  readonly positionals: string[];
}

/** Parses `args` against `options`, turning parseArgs' errors into UsageError that name the command. */
export function parseCommandArgs<T extends Options>(command: string, args: string[], options: T): ParsedArgs<T> {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    return parsed as unknown as ParsedArgs<T>;
  } catch (error) {
    // Node's parseArgs splits some messages over several lines that each end in a period. The lines
    // are joined into one, and the last period is dropped because the message below adds its own.
    const rawMessage = error instanceof Error ? error.message : String(error);
    const message = rawMessage.replace(/\s*\n\s*/g, ' ').replace(/\.$/, '');
    throw new UsageError(`${command}: ${message}. Run 'mobileconfig ${command} --help' for the options.`);
  }
}

/**
 * Returns the single value of a choice option, checking it against the allowed values in any
 * letter case (`--digest SHA256` gives `sha256`), as algorithm names are written both ways.
 */
export function parseChoice<T extends string>(command: string, option: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  const match = allowed.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
  if (match !== undefined) return match;
  throw new UsageError(`${command}: --${option} must be one of ${allowed.join(', ')}, not '${value}'.`);
}
