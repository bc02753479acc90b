// CMS signing and verification against `openssl cms`, RSA-2048 and P-256, SHA-256.

import path from 'node:path';

import { cliPath, runNodeProbe, type BenchCase, type CaseContext } from '../context.ts';
import { formatMiB, type ProfileInput } from '../inputs/index.ts';
import type { SignerFiles } from '../inputs/pki.ts';
import { probeSamples, timeRow, type BenchResult } from '../report/results.ts';
import { interleave, repeat, runTimed } from '../timing.ts';

/** Warm-up and timed calls inside one probe process for the in-process rows. */
const PROBE_COUNTS = ['5', '20'];

interface SignerCase {
  readonly label: string;
  readonly slug: string;
  readonly files: SignerFiles;
}

function signers(context: CaseContext): SignerCase[] {
  return [
    { label: 'RSA-2048', slug: 'rsa', files: context.inputs.pki.rsaSigner },
    { label: 'P-256', slug: 'ec', files: context.inputs.pki.ecSigner },
  ];
}

/**
 * Returns the profiles to sign and verify: the smallest, as a typical profile, and those of about
 * 3 and 30 MB (the full run only), on which Node's start weighs less.
 */
function signedProfiles(context: CaseContext): ProfileInput[] {
  const profiles = context.inputs.profiles;
  return profiles.filter((p, index) => index === 0 || p.payloadCount === 2000 || p.payloadCount === 20_000);
}

export const signCase: BenchCase = {
  group: 'sign',
  async run(context: CaseContext): Promise<BenchResult[]> {
    if (!context.tools.openssl) throw new Error('openssl is needed for the sign group');
    const results: BenchResult[] = [];
    for (const profile of signedProfiles(context)) {
      for (const signer of signers(context)) {
        results.push(await signProcess(context, profile, signer));
        results.push(await signInProcess(context, profile, signer));
      }
    }
    return results;
  },
};

export const verifyCase: BenchCase = {
  group: 'verify',
  async run(context: CaseContext): Promise<BenchResult[]> {
    if (!context.tools.openssl) throw new Error('openssl is needed for the verify group');
    const results: BenchResult[] = [];
    for (const profile of signedProfiles(context)) {
      for (const signer of signers(context)) {
        // Both sides verify the same file, signed by openssl, so ours reads a signature it did not make.
        const signed = path.join(context.scratch, `verify-${signer.slug}-${profile.payloadCount}.der`);
        await runTimed('openssl', opensslSignArgs(profile.xmlPath, signer.files, signed));
        results.push(await verifyProcess(context, profile, signer, signed));
        results.push(await verifyInProcess(context, profile, signer, signed));
      }
    }
    return results;
  },
};

function opensslSignArgs(input: string, signer: SignerFiles, output: string): string[] {
  // -nosmimecap leaves out the S/MIME capabilities attribute, so both sides sign the same three attributes.
  return ['cms', '-sign', '-binary', '-nodetach', '-nosmimecap', '-md', 'sha256', '-in', input, '-signer', signer.certPath, '-inkey', signer.keyPath, '-outform', 'DER', '-out', output];
}

function sizeLabel(profile: ProfileInput): string {
  return `${profile.payloadCount} payloads (${formatMiB(profile.xmlBytes)})`;
}

async function signProcess(context: CaseContext, profile: ProfileInput, signer: SignerCase): Promise<BenchResult> {
  context.log(`sign ${signer.label}, whole process, ${profile.payloadCount} payloads`);
  const oursOut = path.join(context.scratch, `signed-ours-${signer.slug}.der`);
  const peerOut = path.join(context.scratch, `signed-peer-${signer.slug}.der`);
  const samples = await interleave(
    context.options.runs,
    () => runTimed(process.execPath, [cliPath, 'sign', profile.xmlPath, '-o', oursOut, '--cert', signer.files.certPath, '--key', signer.files.keyPath]),
    () => runTimed('openssl', opensslSignArgs(profile.xmlPath, signer.files, peerOut)),
  );
  return timeRow(
    {
      name: `sign.${signer.slug}-process.${profile.payloadCount}`,
      title: `Sign, SHA-256 with ${signer.label}, ${sizeLabel(profile)}`,
      group: 'sign',
      measure: 'whole process',
      peerName: 'openssl cms -sign -binary -nodetach -nosmimecap -md sha256',
      note: 'From spawn to exit, file to file. Ours is `node bin/mobileconfig.js sign IN -o OUT --cert C --key K`: it includes starting Node, loading the CLI, reading the profile as a plist first (so that a file that is not a profile is never signed) and an atomic, flushed write. openssl copies the bytes without reading them. The start-up rows show how much of ours is Node\'s start.',
    },
    samples.ours,
    samples.peer,
  );
}

async function signInProcess(context: CaseContext, profile: ProfileInput, signer: SignerCase): Promise<BenchResult> {
  context.log(`sign ${signer.label}, in-process, ${profile.payloadCount} payloads`);
  const rounds = await repeat(context.options.runs, () => runNodeProbe(['sign', profile.xmlPath, signer.files.certPath, signer.files.keyPath, ...PROBE_COUNTS]));
  return timeRow(
    {
      name: `sign.${signer.slug}-call.${profile.payloadCount}`,
      title: `Sign, SHA-256 with ${signer.label}, ${sizeLabel(profile)}`,
      group: 'sign',
      measure: 'in-process',
      note: `Time of one sign() call with the identity already imported and the profile in memory: digest, signed attributes, signature, DER. Median of ${PROBE_COUNTS[1]} calls after ${PROBE_COUNTS[0]} warm-up calls, in each of ${context.options.runs} processes. openssl has no in-process counterpart here; compare with the whole-process row.`,
    },
    probeSamples(rounds, 'sign'),
  );
}

async function verifyProcess(context: CaseContext, profile: ProfileInput, signer: SignerCase, signed: string): Promise<BenchResult> {
  context.log(`verify ${signer.label}, whole process, ${profile.payloadCount} payloads`);
  const root = context.inputs.pki.rootCertPath;
  const samples = await interleave(
    context.options.runs,
    () => runTimed(process.execPath, [cliPath, 'verify', signed, '--ca', root]),
    () => runTimed('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', signed, '-CAfile', root, '-purpose', 'any', '-out', '/dev/null']),
  );
  return timeRow(
    {
      name: `verify.${signer.slug}-process.${profile.payloadCount}`,
      title: `Verify, SHA-256 with ${signer.label}, ${sizeLabel(profile)}`,
      group: 'verify',
      measure: 'whole process',
      peerName: 'openssl cms -verify -CAfile ROOT -purpose any -out /dev/null',
      note: 'From spawn to exit, a file signed by openssl. Ours is `node bin/mobileconfig.js verify FILE --ca ROOT`: it includes starting Node and loading the CLI, and reports signature, chain, trust and expiry as separate facts. Node\'s built-in root certificates are not read, because the --ca root decides the chain. The start-up rows show how much of ours is Node\'s start.',
    },
    samples.ours,
    samples.peer,
  );
}

async function verifyInProcess(context: CaseContext, profile: ProfileInput, signer: SignerCase, signed: string): Promise<BenchResult> {
  context.log(`verify ${signer.label}, in-process, ${profile.payloadCount} payloads`);
  const rounds = await repeat(context.options.runs, () => runNodeProbe(['verify', signed, context.inputs.pki.rootCertPath, ...PROBE_COUNTS]));
  return timeRow(
    {
      name: `verify.${signer.slug}-call.${profile.payloadCount}`,
      title: `Verify, SHA-256 with ${signer.label}, ${sizeLabel(profile)}`,
      group: 'verify',
      measure: 'in-process',
      note: `Time of one verify() call on the bytes in memory, with the root given as anchor, which decides the chain without Node's built-in roots. Median of ${PROBE_COUNTS[1]} calls after ${PROBE_COUNTS[0]} warm-up calls, in each of ${context.options.runs} processes. Compare with the whole-process row.`,
    },
    probeSamples(rounds, 'verify'),
  );
}
