// Entry point of the `mobileconfig` command: dispatches to the subcommands.

import { fileURLToPath } from 'node:url';

import type { Command } from './command.ts';
import { commands, type CommandEntry } from './commands/index.ts';
export { installProcessGuards } from './process-guards.ts';
import { EXIT_FILE_FAILED, EXIT_OK, EXIT_USAGE, processIo, UsageError, type CliIo } from './io.ts';

const VERSION = '0.1.0';

/** Error raised when a command's module fails to import, for example from a bundle with missing chunks. */
class CommandLoadError extends Error {
  override readonly name = 'CommandLoadError';
  readonly command: string;

  constructor(command: string, cause: unknown) {
    super(`cannot load the ${command} command, ${describeLoadFailure(cause)}. Run \`npm run build:node\` in the project folder.`, { cause });
    this.command = command;
  }
}

function describeLoadFailure(cause: unknown): string {
  const { code, url } = cause as { code?: unknown; url?: unknown };
  if (code === 'ERR_MODULE_NOT_FOUND' && typeof url === 'string' && url.startsWith('file:')) return `because ${fileURLToPath(url)} is missing`;
  return `because importing it failed: ${cause instanceof Error ? cause.message : String(cause)}`;
}

async function loadCommand(entry: CommandEntry): Promise<Command> {
  try {
    return await entry.load();
  } catch (error) {
    throw new CommandLoadError(entry.name, error);
  }
}

async function overview(): Promise<string> {
  const loaded = await Promise.all(commands.map(loadCommand));
  const width = Math.max(...loaded.map((c) => c.name.length));
  const lines = loaded.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'mobileconfig: author, validate, sign, encrypt and inspect Apple configuration profiles.',
    '',
    'Usage: mobileconfig COMMAND [options] [FILE...]',
    '',
    'Commands:',
    ...lines,
    '',
    'Global options:',
    '  --help     show help for a command (mobileconfig COMMAND --help)',
    '  --debug    print stack traces of unexpected errors',
    '  --version  print the version',
    '',
    'Exit codes: 0 success, 1 a file failed, 2 usage error.',
    '',
  ].join('\n');
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    return await dispatch(argv, io, debug);
  } catch (error) {
    if (!(error instanceof CommandLoadError)) throw error;
    io.stderr(`mobileconfig: ${error.message}\n`);
    if (debug && error.cause instanceof Error && error.cause.stack) io.stderr(`${error.cause.stack}\n`);
    // Exit with EXIT_USAGE (2), as bin/mobileconfig.js does when nothing is built, because the
    // installation needs fixing rather than an input file.
    return EXIT_USAGE;
  }
}

async function dispatch(argv: string[], io: CliIo, debug: boolean): Promise<number> {
  const args = argv.filter((a) => a !== '--debug');
  const [name, ...rest] = args;

  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
    io.stdout(topic ? (await loadCommand(topic)).help : await overview());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '--version') {
    io.stdout(`${VERSION}\n`);
    return EXIT_OK;
  }

  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.stderr(`mobileconfig: unknown command '${name}'. Commands: ${commands.map((c) => c.name).join(', ')}.\n`);
    return EXIT_USAGE;
  }
  const command = await loadCommand(entry);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.help);
    return EXIT_OK;
  }

  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`mobileconfig ${error.message}\n`);
      return EXIT_USAGE;
    }
    // Commands report per-file failures themselves; anything reaching here is unexpected.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`mobileconfig ${name}: ${message}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return EXIT_FILE_FAILED;
  }
}
