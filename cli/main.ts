// Entry point of the `mobileconfig` command: dispatches to the subcommands.

import { commands } from './commands/index.ts';
export { installProcessGuards } from './process-guards.ts';
import { EXIT_FILE_FAILED, EXIT_OK, EXIT_USAGE, processIo, UsageError, type CliIo } from './io.ts';

const VERSION = '0.1.0';

async function overview(): Promise<string> {
  const loaded = await Promise.all(commands.map((entry) => entry.load()));
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
  const args = argv.filter((a) => a !== '--debug');
  const [name, ...rest] = args;

  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
    io.stdout(topic ? (await topic.load()).help : await overview());
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
  const command = await entry.load();
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
