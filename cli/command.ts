// The shape every `mobileconfig` subcommand has.

import type { CliIo } from './io.ts';

export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Full help: synopsis, options with their units and defaults, exit codes. */
  readonly help: string;
  /** Runs the command and returns the exit code; throws UsageError for a bad command line. */
  run(args: string[], io: CliIo): Promise<number>;
}
