// `mobileconfig inspect` over a folder of generated stubs, against a plistlib script.

import { readdirSync } from 'node:fs';
import path from 'node:path';

import { cliPath, pythonPeerPath, type BenchCase, type CaseContext } from '../context.ts';
import { timeRow, type BenchResult } from '../report/results.ts';
import { interleave, runTimed } from '../timing.ts';

export const inspectCase: BenchCase = {
  group: 'inspect',
  async run(context: CaseContext): Promise<BenchResult[]> {
    const python = context.tools.python;
    if (!python) throw new Error('python3 with plistlib is needed for the inspect group; install python3');
    const { stubDir, stubCount } = context.inputs;
    const files = readdirSync(stubDir).sort().map((name) => path.join(stubDir, name));

    context.log(`inspect ${stubCount} stubs, whole process`);
    const samples = await interleave(
      context.options.runs,
      () => runTimed(process.execPath, [cliPath, 'inspect', '--json', ...files]),
      () => runTimed(python, [pythonPeerPath, 'read-all', stubDir]),
    );
    return [
      timeRow(
        {
          name: `inspect.stubs.${stubCount}`,
          title: `Inspect ${stubCount} stubs (half XML, half binary)`,
          group: 'inspect',
          measure: 'whole process',
          peerName: 'python3 script: plistlib.load of every file, counting payloads',
          note: 'From spawn to exit. Ours is `node bin/mobileconfig.js inspect --json FILE...` and includes starting Node and loading the CLI; it detects each format, classifies the file, reads the signer certificates and prints a JSON report. The peer only loads each plist, which is the least an admin script would do.',
        },
        samples.ours,
        samples.peer,
      ),
    ];
  },
};
