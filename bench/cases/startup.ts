// The start-up floor under every whole-process row: Node with nothing loaded and the CLI's
// `--version`, each next to `openssl version`. With them a reader can tell how much of a sign or
// verify time is the runtime and how much is this project's code.

import { runCli, type BenchCase, type CaseContext } from '../context.ts';
import { timeRow, type BenchResult } from '../report/results.ts';
import { interleaveAll, runTimed } from '../timing.ts';

/** Names of the rows, which the sign and verify verdicts look up (bench/targets.ts). */
export const NODE_EMPTY_ROW = 'startup.node-empty';
export const CLI_VERSION_ROW = 'startup.cli-version';

const OPENSSL_VERSION = 'openssl version';

export const startupCase: BenchCase = {
  group: 'startup',
  async run(context: CaseContext): Promise<BenchResult[]> {
    if (!context.tools.openssl) throw new Error('openssl is needed for the startup group');

    // All three in one interleaved loop, so that a busy machine slows them alike.
    context.log('start-up: node -e 0, mobileconfig --version and openssl version, whole process');
    const samples = await interleaveAll(context.options.runs, {
      node: () => runTimed(process.execPath, ['-e', '0']),
      cli: () => runCli(['--version']),
      openssl: () => runTimed('openssl', ['version']),
    });

    return [
      timeRow(
        {
          name: NODE_EMPTY_ROW,
          title: 'Start Node with nothing loaded (`node -e 0`)',
          group: 'startup',
          measure: 'whole process',
          peerName: OPENSSL_VERSION,
          note: 'From spawn to exit of the Node that runs the CLI, loading no module. No Node program can finish faster on this machine, so this is the floor under every whole-process row of ours. The peer is openssl starting and printing its version.',
        },
        samples.node,
        samples.openssl,
      ),
      timeRow(
        {
          name: CLI_VERSION_ROW,
          title: '`mobileconfig --version`',
          group: 'startup',
          measure: 'whole process',
          peerName: OPENSSL_VERSION,
          note: "From spawn to exit of `node bin/mobileconfig.js --version`: Node's start plus loading the CLI's entry chunk and installing its signal handlers, with no command loaded. The difference to the row above is the CLI's own start-up cost.",
        },
        samples.cli,
        samples.openssl,
      ),
    ];
  },
};
