// XML to binary conversion against libplist's plistutil, both as whole processes.

import path from 'node:path';

import { cliPath, type BenchCase, type CaseContext } from '../context.ts';
import { formatMiB } from '../inputs/index.ts';
import { timeRow, type BenchResult } from '../report/results.ts';
import { interleave, runTimed } from '../timing.ts';

export const convertCase: BenchCase = {
  group: 'convert',
  async run(context: CaseContext): Promise<BenchResult[]> {
    if (!context.tools.plistutil) throw new Error('plistutil is needed for the convert group; install libplist-utils');

    const results: BenchResult[] = [];
    for (const profile of context.inputs.profiles) {
      context.log(`convert XML to binary, ${profile.payloadCount} payloads`);
      const oursOut = path.join(context.scratch, `convert-ours-${profile.payloadCount}.bplist`);
      const peerOut = path.join(context.scratch, `convert-peer-${profile.payloadCount}.bplist`);
      const samples = await interleave(
        context.options.runs,
        () => runTimed(process.execPath, [cliPath, 'convert', profile.xmlPath, '-o', oursOut, '--to', 'binary']),
        () => runTimed('plistutil', ['-i', profile.xmlPath, '-o', peerOut, '-f', 'bin']),
      );
      results.push(
        timeRow(
          {
            name: `convert.xml-to-binary.${profile.payloadCount}`,
            title: `Convert XML to binary, ${profile.payloadCount} payloads (${formatMiB(profile.xmlBytes)})`,
            group: 'convert',
            measure: 'whole process',
            peerName: 'plistutil -i IN -o OUT -f bin',
            note: 'From spawn to exit, file to file. Ours is `node bin/mobileconfig.js convert IN -o OUT --to binary` and includes starting Node and loading the CLI.',
          },
          samples.ours,
          samples.peer,
        ),
      );
    }
    return results;
  },
};
