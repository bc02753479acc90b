// All inputs of one benchmark run, generated into the work folder (never into the repository).

import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { writePlist } from '../../shared/plist/index.ts';
import { dictGet } from '../../shared/plist/model.ts';
import { devicePath, preparePki, type BenchPki } from './pki.ts';
import { buildProfile } from './profile.ts';
import { prepareStubs } from './stubs.ts';

export interface ProfileInput {
  readonly payloadCount: number;
  readonly xmlPath: string;
  readonly binaryPath: string;
  /** The PayloadContent array alone as an XML plist: what encryption puts in the envelope. */
  readonly payloadsXmlPath: string;
  readonly xmlBytes: number;
  readonly binaryBytes: number;
}

export interface BenchInputs {
  readonly dir: string;
  readonly profiles: readonly ProfileInput[];
  readonly pki: BenchPki;
  readonly stubDir: string;
  readonly stubCount: number;
}

export interface InputSizes {
  readonly payloadCounts: readonly number[];
  readonly deviceCount: number;
  readonly stubCount: number;
}

/** Generates every input into `dir`, reusing files a previous run left there. */
export async function prepareInputs(dir: string, sizes: InputSizes, log: (line: string) => void): Promise<BenchInputs> {
  const profiles = sizes.payloadCounts.map((count) => {
    const started = performance.now();
    const input = prepareProfile(dir, count);
    log(`profile of ${count} payloads: ${formatMiB(input.xmlBytes)} XML, ${formatMiB(input.binaryBytes)} binary (${Math.round(performance.now() - started)} ms)`);
    return input;
  });

  const started = performance.now();
  const pki = await preparePki(path.join(dir, 'pki'), sizes.deviceCount);
  log(`identities and ${sizes.deviceCount} device certificates (${Math.round(performance.now() - started)} ms)`);

  const signerCertificate = new Uint8Array(new X509Certificate(readFileSync(devicePath(pki.deviceDir, 1))).raw);
  const stubDir = prepareStubs(path.join(dir, `stubs-${sizes.stubCount}`), sizes.stubCount, signerCertificate);
  log(`${sizes.stubCount} stubs in ${stubDir}`);

  return { dir, profiles, pki, stubDir, stubCount: sizes.stubCount };
}

function prepareProfile(dir: string, payloadCount: number): ProfileInput {
  const xmlPath = path.join(dir, `profile-${payloadCount}.mobileconfig`);
  const binaryPath = path.join(dir, `profile-${payloadCount}.bplist`);
  const payloadsXmlPath = path.join(dir, `payloads-${payloadCount}.plist`);

  if (!existsSync(xmlPath) || !existsSync(binaryPath) || !existsSync(payloadsXmlPath)) {
    const profile = buildProfile(payloadCount);
    writeFileSync(xmlPath, writePlist(profile, 'xml'));
    writeFileSync(binaryPath, writePlist(profile, 'binary'));
    writeFileSync(payloadsXmlPath, writePlist(dictGet(profile, 'PayloadContent')!, 'xml'));
  }
  return { payloadCount, xmlPath, binaryPath, payloadsXmlPath, xmlBytes: statSync(xmlPath).size, binaryBytes: statSync(binaryPath).size };
}

export function formatMiB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MiB`;
}
