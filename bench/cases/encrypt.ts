// Per-device encryption: one encrypted profile for each device certificate, against a shell
// loop of `openssl cms -encrypt`.

import { mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';

import { cliPath, runNodeProbe, type BenchCase, type CaseContext } from '../context.ts';
import { formatMiB, type ProfileInput } from '../inputs/index.ts';
import { probeSamples, rateRow, type BenchResult } from '../report/results.ts';
import { interleave, repeat, runTimed, type Sample } from '../timing.ts';

// The peer: one openssl process per certificate, writing DER EnvelopedData, stopping at the first failure.
const OPENSSL_LOOP = `
set -e
for cert in "$1"/*.pem; do
  openssl cms -encrypt -binary -aes-256-cbc -in "$2" -outform DER -out "$3/$(basename "$cert" .pem).der" "$cert"
done
`;

export const encryptCase: BenchCase = {
  group: 'encrypt',
  async run(context: CaseContext): Promise<BenchResult[]> {
    if (!context.tools.openssl) throw new Error('openssl is needed for the encrypt group');
    const profile = context.inputs.profiles[0];
    const devices = context.inputs.pki.deviceDir;
    const count = context.inputs.pki.deviceCount;
    const halves = splitFolder(devices, path.join(context.scratch, 'device-halves'));

    const oneProcess = await measurePair(context, profile, [devices]);
    const twoProcesses = await measurePair(context, profile, halves);
    context.log(`encrypt in-process, ${count} devices`);
    const rounds = await repeat(context.options.batchRuns, () => runNodeProbe(['encrypt', profile.xmlPath, devices, '0', '1']));

    const size = `${profile.payloadCount}-payload profile (${formatMiB(profile.xmlBytes)})`;
    const peerName = 'bash loop of openssl cms -encrypt -aes-256-cbc, one process per certificate';
    const peerInput = `openssl encrypts the PayloadContent array, already written as its own plist, and writes bare EnvelopedData. Ours reads the profile once, writes that array, and for each certificate encrypts it and writes a whole new profile with EncryptedPayloadContent, each through an atomic, flushed file write.`;
    return [
      rateRow(
        { name: `encrypt.devices-1-process.${count}`, title: `Encrypt for ${count} devices, one process, ${size}`, group: 'encrypt', measure: 'whole process', peerName, note: `Profiles per second over the batch, from spawn to exit. Ours is one \`node bin/mobileconfig.js encrypt IN --recipients-dir DIR --out-dir OUT\`. ${peerInput}` },
        count,
        oneProcess.ours,
        oneProcess.peer,
      ),
      rateRow(
        { name: `encrypt.devices-2-processes.${count}`, title: `Encrypt for ${count} devices, two processes, ${size}`, group: 'encrypt', measure: 'whole process', peerName: `${peerName}, two loops side by side`, note: `As the one-process row, with the certificates split into two folders and two processes (two loops for the peer) running side by side on the two cores.` },
        count,
        twoProcesses.ours,
        twoProcesses.peer,
      ),
      rateRow(
        { name: `encrypt.devices-call.${count}`, title: `Encrypt for ${count} devices, in-process, ${size}`, group: 'encrypt', measure: 'in-process', note: 'One Node process reads the profile once (prepareProfileEncryption) and each certificate file, and encrypts once per certificate (encryptFor). Nothing is written, so this is the library work without the files.' },
        count,
        probeSamples(rounds, 'batch'),
      ),
    ];
  },
};

/** Runs ours and the openssl loop over `folders` (all folders side by side), interleaved. */
async function measurePair(context: CaseContext, profile: ProfileInput, folders: readonly string[]): Promise<{ ours: Sample[]; peer: Sample[] }> {
  context.log(`encrypt for ${context.inputs.pki.deviceCount} devices, whole process, ${folders.length} at a time`);
  const outDir = (side: string, index: number) => {
    const dir = path.join(context.scratch, `encrypted-${side}-${index}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    return dir;
  };
  return interleave(
    context.options.batchRuns,
    () => sideBySide(folders.map((dir, i) => () => runTimed(process.execPath, [cliPath, 'encrypt', profile.xmlPath, '--recipients-dir', dir, '--out-dir', outDir('ours', i)]))),
    () => sideBySide(folders.map((dir, i) => () => runTimed('bash', ['-c', OPENSSL_LOOP, 'openssl-loop', dir, profile.payloadsXmlPath, outDir('peer', i)]))),
  );
}

/** Starts every run at once and returns the wall time until the last ends, with the largest peak memory. */
async function sideBySide(runs: readonly (() => Promise<Sample>)[]): Promise<Sample> {
  const started = performance.now();
  const samples = await Promise.all(runs.map((run) => run()));
  const peaks = samples.map((s) => s.maxRssMiB).filter((v): v is number => v !== null);
  return { ms: performance.now() - started, maxRssMiB: peaks.length > 0 ? Math.max(...peaks) : null };
}

/** Splits the certificates of `source` into two folders of symbolic links, alternating. */
function splitFolder(source: string, target: string): string[] {
  rmSync(target, { recursive: true, force: true });
  const halves = [path.join(target, 'a'), path.join(target, 'b')];
  for (const dir of halves) mkdirSync(dir, { recursive: true });
  const names = readdirSync(source).filter((name) => name.endsWith('.pem')).sort();
  names.forEach((name, index) => symlinkSync(path.join(source, name), path.join(halves[index % 2], name)));
  return halves;
}
