// Signing identities and device certificates made with the openssl command line.
//
// A root CA (RSA-2048) issues two signers, RSA-2048 and P-256. Device certificates are
// self-signed, like the identities devices get from SCEP. They all share one RSA-2048 key,
// because making a key per certificate would take minutes and key generation is not what
// the benchmark measures. Each certificate still has its own subject and serial number.

import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export interface SignerFiles {
  readonly certPath: string;
  readonly keyPath: string;
}

export interface BenchPki {
  readonly rootCertPath: string;
  readonly rsaSigner: SignerFiles;
  readonly ecSigner: SignerFiles;
  /** Folder of `device-NNNNN.pem` certificates, all on one shared key. */
  readonly deviceDir: string;
  readonly deviceCount: number;
}

const EXTENSIONS = `
[ca_ext]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash

[signer_ext]
basicConstraints = CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = emailProtection, codeSigning
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid

[device_ext]
basicConstraints = CA:false
keyUsage = critical, digitalSignature, keyEncipherment
`;

/** Parallel openssl processes while making device certificates: one per core on the 2-core machines this runs on. */
const DEVICE_WORKERS = 2;

/** Makes (or, when `dir` already has them, reuses) the identities and `deviceCount` device certificates. */
export async function preparePki(dir: string, deviceCount: number): Promise<BenchPki> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'ext.cnf'), EXTENSIONS);
  const run = (args: string[]) => openssl(dir, args);

  // Root CA and the two signers.
  if (!existsSync(path.join(dir, 'root.pem'))) {
    await run(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'root.key']);
    await run(['req', '-new', '-x509', '-key', 'root.key', '-subj', '/O=Exämple Bench/CN=Bench Root CA', '-utf8', '-days', '3650', '-set_serial', '1', '-config', 'ext.cnf', '-extensions', 'ca_ext', '-out', 'root.pem']);
  }
  const rsaSigner = await issueSigner(dir, 'signer-rsa', ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'], '/O=Exämple Bench/CN=Bench RSA Signer', '2');
  const ecSigner = await issueSigner(dir, 'signer-ec', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'], '/O=Exämple Bench/CN=Bench P-256 Signer', '3');

  // Device certificates on one shared key.
  const deviceDir = path.join(dir, `devices-${deviceCount}`);
  mkdirSync(deviceDir, { recursive: true });
  if (!existsSync(path.join(dir, 'device.key'))) {
    await run(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'device.key']);
  }
  const pending: number[] = [];
  for (let i = 1; i <= deviceCount; i++) {
    if (!existsSync(devicePath(deviceDir, i))) pending.push(i);
  }
  const worker = async (): Promise<void> => {
    for (let next = pending.shift(); next !== undefined; next = pending.shift()) {
      const subject = `/O=Exämple Devices/CN=Device ${String(next).padStart(5, '0')}`;
      await run(['req', '-new', '-x509', '-key', 'device.key', '-subj', subject, '-utf8', '-days', '825', '-set_serial', String(100_000 + next), '-config', 'ext.cnf', '-extensions', 'device_ext', '-out', devicePath(deviceDir, next)]);
    }
  };
  await Promise.all(Array.from({ length: DEVICE_WORKERS }, worker));

  return { rootCertPath: path.join(dir, 'root.pem'), rsaSigner, ecSigner, deviceDir, deviceCount };
}

/** Path of device certificate number `index` (1-based). */
export function devicePath(deviceDir: string, index: number): string {
  return path.join(deviceDir, `device-${String(index).padStart(5, '0')}.pem`);
}

async function issueSigner(dir: string, name: string, keyOptions: string[], subject: string, serial: string): Promise<SignerFiles> {
  const files = { certPath: path.join(dir, `${name}.pem`), keyPath: path.join(dir, `${name}.key`) };
  if (existsSync(files.certPath)) return files;

  await openssl(dir, ['genpkey', ...keyOptions, '-out', `${name}.key`]);
  await openssl(dir, ['req', '-new', '-key', `${name}.key`, '-subj', subject, '-utf8', '-out', `${name}.csr`]);
  await openssl(dir, ['x509', '-req', '-in', `${name}.csr`, '-CA', 'root.pem', '-CAkey', 'root.key', '-set_serial', serial, '-days', '825', '-extfile', 'ext.cnf', '-extensions', 'signer_ext', '-out', `${name}.pem`]);
  return files;
}

/** Runs openssl in `cwd`; a failure raises an error carrying openssl's own message. */
export async function openssl(cwd: string, args: string[]): Promise<void> {
  try {
    await execFileAsync('openssl', args, { cwd });
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '').trim();
    throw new Error(`openssl ${args.slice(0, 2).join(' ')} failed in ${cwd}: ${stderr || (error as Error).message}`, { cause: error });
  }
}
