// Plist codecs against Python's plistlib: parse and write, XML and binary, in-process and as
// whole processes.

import path from 'node:path';

import { cliPath, pythonPeerPath, runNodeProbe, runPythonProbe, type BenchCase, type CaseContext } from '../context.ts';
import { formatMiB, type ProfileInput } from '../inputs/index.ts';
import { probeSamples, timeRow, type BenchResult } from '../report/results.ts';
import { interleave, runTimed } from '../timing.ts';

/** Untimed warm-up calls and timed calls inside one probe process; small inputs get more, so that one round is not a single noisy call. */
export function probeIterations(payloadCount: number): { warmup: number; iterations: number } {
  if (payloadCount <= 200) return { warmup: 5, iterations: 20 };
  if (payloadCount <= 5000) return { warmup: 1, iterations: 3 };
  return { warmup: 1, iterations: 1 };
}

export const plistCase: BenchCase = {
  group: 'plist',
  async run(context: CaseContext): Promise<BenchResult[]> {
    const python = context.tools.python;
    if (!python) throw new Error('python3 with plistlib is needed for the plist group; install python3');

    const results: BenchResult[] = [];
    for (const profile of context.inputs.profiles) {
      for (const format of ['xml', 'binary'] as const) results.push(...(await inProcess(context, python, profile, format)));
      results.push(await wholeProcess(context, python, profile));
    }
    return results;
  },
};

async function inProcess(context: CaseContext, python: string, profile: ProfileInput, format: 'xml' | 'binary'): Promise<BenchResult[]> {
  const file = format === 'xml' ? profile.xmlPath : profile.binaryPath;
  const size = formatMiB(format === 'xml' ? profile.xmlBytes : profile.binaryBytes);
  const { warmup, iterations } = probeIterations(profile.payloadCount);
  const counts = [String(warmup), String(iterations)];
  context.log(`plist ${format} in-process, ${profile.payloadCount} payloads`);

  const rounds = await interleave(
    context.options.runs,
    () => runNodeProbe(['plist', file, format, ...counts]),
    () => runPythonProbe(python, [file, format, ...counts]),
  );

  const label = format === 'xml' ? 'XML' : 'binary';
  const where = `${profile.payloadCount} payloads (${size})`;
  const common = {
    group: 'plist' as const,
    measure: 'in-process' as const,
  };
  const work = format === 'xml' ? 'decode the text, parse it and build the typed model with source positions' : 'check every offset and build the typed model';
  const parseNote = `Time of one call, bytes in memory to value: readPlist (${work}) against plistlib.loads. Median of ${iterations} calls after ${warmup} warm-up calls in each of ${context.options.runs} processes per side.`;
  const writeNote = `Time of one call, value to bytes: writePlist against plistlib.dumps(sort_keys=False). Median of ${iterations} calls after ${warmup} warm-up calls in each of ${context.options.runs} processes per side.`;
  return [
    timeRow(
      { ...common, name: `plist.${format}-parse.${profile.payloadCount}`, title: `Parse ${label}, ${where}`, note: parseNote, peerName: 'python3 plistlib.loads, timed inside Python' },
      probeSamples(rounds.ours, 'parse'),
      probeSamples(rounds.peer, 'parse'),
    ),
    timeRow(
      { ...common, name: `plist.${format}-write.${profile.payloadCount}`, title: `Write ${label}, ${where}`, note: writeNote, peerName: 'python3 plistlib.dumps, timed inside Python' },
      probeSamples(rounds.ours, 'write'),
      probeSamples(rounds.peer, 'write'),
    ),
  ];
}

async function wholeProcess(context: CaseContext, python: string, profile: ProfileInput): Promise<BenchResult> {
  context.log(`plist XML round trip, whole process, ${profile.payloadCount} payloads`);
  const oursOut = path.join(context.scratch, `roundtrip-ours-${profile.payloadCount}.xml`);
  const peerOut = path.join(context.scratch, `roundtrip-peer-${profile.payloadCount}.xml`);

  const samples = await interleave(
    context.options.runs,
    () => runTimed(process.execPath, [cliPath, 'convert', profile.xmlPath, '-o', oursOut, '--to', 'xml']),
    () => runTimed(python, [pythonPeerPath, 'roundtrip', profile.xmlPath, peerOut, 'xml']),
  );

  return timeRow(
    {
      name: `plist.xml-roundtrip-process.${profile.payloadCount}`,
      title: `Read and write back XML, ${profile.payloadCount} payloads (${formatMiB(profile.xmlBytes)})`,
      group: 'plist',
      measure: 'whole process',
      peerName: 'python3 script: plistlib.load then plistlib.dump to a file',
      note: 'From spawn to exit, file to file. Ours is `node bin/mobileconfig.js convert IN -o OUT --to xml`, so it includes starting Node and loading the CLI; the peer includes starting Python and importing plistlib.',
    },
    samples.ours,
    samples.peer,
  );
}
