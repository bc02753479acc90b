// No secret leaks: sign, encrypt, decrypt and identity import run with known passphrases,
// keys and a Wi-Fi password, in-process through the CLI and the services and once as a real
// child process. Everything they print, every error they raise (with its causes), every file
// they leave, and the process arguments are then searched for those secrets.

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { main } from '../../cli/main.ts';
import { processIo, type CliIo } from '../../cli/io.ts';
import { decrypt, sign } from '../../electron/services/cms/index.ts';
import { DraftStore } from '../../electron/services/documents/drafts.ts';
import { RecentDocuments } from '../../electron/services/documents/recent.ts';
import { DocumentRegistry } from '../../electron/services/documents/registry.ts';
import { DocumentService } from '../../electron/services/documents/service.ts';
import { memoryLogger } from '../../electron/log.ts';
import { importIdentity } from '../../electron/services/identity/import-identity.ts';
import { loadPrivateKeys } from '../../electron/services/identity/private-key.ts';
import { needTools, projectRoot } from '../support/environment.ts';
import { makePki, type Pki } from '../support/openssl-pki.ts';
import { compileForChild } from './support/compile.ts';
import { findSecrets, keySecret, textSecret, type Secret } from './support/secret-search.ts';
import { wifiProfileXml } from './support/wifi-profile.ts';

const PASSPHRASE = 'Qx7-Tr0ub4dor&3-horse';
const WRONG_PASSPHRASE = 'Wrong-Guess-5521-zebra';
const WIFI_PASSWORD = 'WiFi-Secret-9184-xyzzy';

const PROFILE = wifiProfileXml(WIFI_PASSWORD, 'com.example.secret');

/** Everything a run made visible, with where it came from. */
interface Capture {
  readonly where: string;
  readonly content: string | Uint8Array;
}

const openssl = needTools('openssl');

describe.skipIf(openssl.skip)('secrets' + openssl.reason, () => {
  let pki: Pki;
  let work: string;
  let secrets: Secret[];
  /** The secrets searched in the signed and decrypted profiles, which contain the Wi-Fi password by design. */
  let keyAndPassphraseSecrets: Secret[];
  const captures: Capture[] = [];
  const argvs: string[][] = [];
  const file = (name: string): string => path.join(work, name);

  beforeAll(() => {
    pki = makePki();
    work = mkdtempSync(path.join(tmpdir(), 'mobileconfig-secrets-'));
    mkdirSync(file('home'));
    mkdirSync(file('tmp'));
    writeFileSync(file('profile.mobileconfig'), PROFILE);
    writeFileSync(file('passphrase.txt'), `${PASSPHRASE}\n`);

    // Identities protected by the passphrase: PKCS#12 files and an encrypted PKCS#8 key.
    const p12 = (name: string, entity: 'leaf-rsa' | 'device', extra: string[]): void => {
      pki.openssl(['pkcs12', '-export', '-inkey', `${entity}.key`, '-in', `${entity}.pem`, ...extra, '-passout', `pass:${PASSPHRASE}`, '-out', file(name)]);
    };
    p12('signer.p12', 'leaf-rsa', ['-certfile', 'intermediate.pem']);
    p12('device.p12', 'device', []);
    pki.openssl(['pkcs8', '-topk8', '-in', 'leaf-ec.key', '-passout', `pass:${PASSPHRASE}`, '-out', file('ec-encrypted.key')]);
    writeFileSync(file('leaf-ec.pem'), readFileSync(pki.leafEc.certPath));
    writeFileSync(file('intermediate.pem'), readFileSync(pki.intermediate.certPath));
    writeFileSync(file('device.pem'), readFileSync(pki.device.certPath));

    keyAndPassphraseSecrets = [
      textSecret('passphrase', PASSPHRASE),
      textSecret('wrong passphrase', WRONG_PASSPHRASE),
      keySecret('signer RSA key', pki.leafRsa.privateKey),
      keySecret('signer EC key', pki.leafEc.privateKey),
      keySecret('device key', pki.device.privateKey),
    ];
    secrets = [...keyAndPassphraseSecrets, textSecret('Wi-Fi password', WIFI_PASSWORD)];
  });
  afterAll(() => {
    pki?.cleanup();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** Runs the CLI in-process with HOME and TMPDIR in the work folder, and records everything it printed. */
  async function cli(args: string[], env: Record<string, string> = { MC_PASS: PASSPHRASE }): Promise<number> {
    argvs.push(args);
    let output = '';
    const io: CliIo = { ...processIo, env: { ...env, HOME: file('home'), TMPDIR: file('tmp') }, stdout: (text) => (output += text), stderr: (text) => (output += text) };
    const saved = { HOME: process.env.HOME, TMPDIR: process.env.TMPDIR };
    process.env.HOME = file('home');
    process.env.TMPDIR = file('tmp');
    try {
      const code = await main(args, io);
      captures.push({ where: `mobileconfig ${args.join(' ')}`, content: output });
      return code;
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  }

  /** Runs `action`, expecting it to throw, and records the error with its causes and stack. */
  function recordError(where: string, action: () => unknown): void {
    let thrown: unknown = null;
    try {
      action();
    } catch (error) {
      thrown = error;
    }
    expect(thrown, where).not.toBeNull();
    captures.push({ where, content: `${String(thrown)}\n${inspect(thrown, { depth: 8 })}\n${JSON.stringify(thrown)}` });
  }

  it('CLI sign, encrypt, decrypt succeed', async () => {
    expect(await cli(['sign', file('profile.mobileconfig'), '-o', file('signed.mobileconfig'), '--identity', file('signer.p12'), '--passphrase-env', 'MC_PASS'])).toBe(0);
    expect(
      await cli(['sign', file('profile.mobileconfig'), '-o', file('signed-ec.mobileconfig'), '--cert', file('leaf-ec.pem'), '--key', file('ec-encrypted.key'), '--chain', file('intermediate.pem'), '--passphrase-file', file('passphrase.txt')]),
    ).toBe(0);
    expect(
      await cli(['encrypt', file('profile.mobileconfig'), '-o', file('encrypted.mobileconfig'), '--recipient', file('device.pem'), '--identity', file('signer.p12'), '--passphrase-env', 'MC_PASS']),
    ).toBe(0);
    expect(await cli(['decrypt', file('encrypted.mobileconfig'), '-o', file('decrypted.mobileconfig'), '--identity', file('device.p12'), '--passphrase-env', 'MC_PASS'])).toBe(0);
    expect(await cli(['inspect', '--json', file('encrypted.mobileconfig'), file('signed.mobileconfig')])).toBe(0);
    expect(await cli(['verify', '--json', '--ca', pki.root.certPath, file('signed.mobileconfig')])).toBe(0);
    expect(readFileSync(file('decrypted.mobileconfig'), 'utf8')).toContain(WIFI_PASSWORD);
  });

  it('CLI failures stay quiet', async () => {
    const wrong = { MC_PASS: WRONG_PASSPHRASE };
    expect(await cli(['sign', file('profile.mobileconfig'), '-o', file('never-1.mobileconfig'), '--identity', file('signer.p12'), '--passphrase-env', 'MC_PASS'], wrong)).toBe(1);
    expect(await cli(['sign', file('profile.mobileconfig'), '-o', file('never-2.mobileconfig'), '--cert', file('leaf-ec.pem'), '--key', file('ec-encrypted.key'), '--passphrase-env', 'MC_PASS'], wrong)).toBe(1);
    expect(await cli(['decrypt', file('encrypted.mobileconfig'), '-o', file('never-3.mobileconfig'), '--identity', file('signer.p12'), '--passphrase-env', 'MC_PASS'])).toBe(1);
    expect(await cli(['decrypt', file('encrypted.mobileconfig'), '-o', file('never-4.mobileconfig'), '--identity', file('device.p12'), '--passphrase-env', 'MC_PASS'], wrong)).toBe(1);
    expect(await cli(['sign', file('profile.mobileconfig'), '-o', file('never-5.mobileconfig'), '--cert', pki.leafRsa.certPath, '--key', file('ec-encrypted.key'), '--passphrase-env', 'MC_PASS'])).toBe(1);
  });

  it('service errors stay quiet', () => {
    const p12 = readFileSync(file('signer.p12'));
    const identity = importIdentity({ p12, passphrase: PASSPHRASE, file: 'signer.p12' });
    captures.push({ where: 'identity description', content: `${JSON.stringify(identity.description)}\n${inspect(identity.description, { depth: 8 })}\n${inspect(identity.privateKey)}` });

    recordError('importIdentity wrong passphrase', () => importIdentity({ p12, passphrase: WRONG_PASSPHRASE, file: 'signer.p12' }));
    recordError('loadPrivateKeys wrong passphrase', () => loadPrivateKeys(readFileSync(file('ec-encrypted.key')), WRONG_PASSPHRASE, 'ec-encrypted.key'));
    recordError('sign with a key of another certificate', () => sign(new Uint8Array(8), { certificate: pki.leafRsa.der, privateKey: pki.device.privateKey, chain: [] }));

    // The signer is not a recipient, so decrypt raises no-recipient and lists the recipients' certificates.
    const envelope = readFileSync(file('encrypted.mobileconfig'));
    recordError('decrypt with the wrong identity', () => decrypt(envelope, { certificate: pki.leafRsa.der, privateKey: pki.leafRsa.privateKey }));
  });

  it('app logs and replies stay quiet', async () => {
    const logger = memoryLogger();
    const state = file('app-state');
    const service = new DocumentService({
      registry: new DocumentRegistry(),
      drafts: new DraftStore(path.join(state, 'drafts'), logger),
      recent: new RecentDocuments(path.join(state, 'recent.json'), logger),
      logger,
    });
    const opened = await service.openFile(1, file('encrypted.mobileconfig'));
    captures.push({ where: 'document.open reply for the encrypted profile', content: JSON.stringify(opened) });

    const decrypted = await service.openFile(1, file('decrypted.mobileconfig'));
    await service.save(1, decrypted.documentId, decrypted.text, async () => null);
    captures.push({ where: 'app log', content: JSON.stringify(logger.lines) });
  });

  it('real CLI process shows no secret in its arguments', async () => {
    const compiled = compileForChild(['cli/main.ts']);
    try {
      writeFileSync(path.join(compiled, 'run-cli.mjs'), "import { main } from './cli/main.js';\nprocess.exitCode = await main(process.argv.slice(2));\n");
      const args = [path.join(compiled, 'run-cli.mjs'), 'sign', file('profile.mobileconfig'), '-o', file('signed-child.mobileconfig'), '--identity', file('signer.p12'), '--passphrase-env', 'MC_PASS'];
      const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH, MC_PASS: PASSPHRASE, HOME: file('home'), TMPDIR: file('tmp') }, stdio: ['ignore', 'pipe', 'pipe'] });

      // Sample the command line the kernel shows to other users (ps, /proc) while the child runs.
      const commandLines: string[] = [];
      const sampler = setInterval(() => {
        try {
          commandLines.push(readFileSync(`/proc/${child.pid}/cmdline`, 'utf8'));
        } catch {
          // The child has exited.
        }
      }, 5);
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      clearInterval(sampler);

      expect(code, output).toBe(0);
      expect(commandLines.length).toBeGreaterThan(0);
      captures.push({ where: 'child process output', content: output });
      for (const line of commandLines) captures.push({ where: 'child process command line', content: line });
    } finally {
      rmSync(compiled, { recursive: true, force: true });
    }
  });

  it('search finds planted secrets', () => {
    // A control: each form a secret could leak in is found, so that an empty result means something.
    const key = pki.leafRsa.privateKey;
    const planted: [string, string | Uint8Array][] = [
      ['PEM', `log: ${key.export({ format: 'pem', type: 'pkcs8' }).toString()}`],
      ['DER', Buffer.concat([Buffer.from('xx'), key.export({ format: 'der', type: 'pkcs1' }), Buffer.from('yy')])],
      ['JWK', JSON.stringify(key.export({ format: 'jwk' }))],
      ['base64 data', `<data>${Buffer.concat([Buffer.from('a'), key.export({ format: 'der', type: 'pkcs8' })]).toString('base64')}</data>`],
      ['UTF-16 passphrase', Buffer.from(`pw=${PASSPHRASE}`, 'utf16le')],
      ['base64 Wi-Fi password', Buffer.from(`{"p":"${WIFI_PASSWORD}"}`).toString('base64')],
    ];
    const found = planted.map(([form, content]) => [form, findSecrets(content, secrets)]);
    expect(found).toEqual([
      ['PEM', ['signer RSA key']],
      ['DER', ['signer RSA key']],
      ['JWK', ['signer RSA key']],
      ['base64 data', ['signer RSA key']],
      ['UTF-16 passphrase', ['passphrase']],
      ['base64 Wi-Fi password', ['Wi-Fi password']],
    ]);
  });

  it('no capture contains a secret', () => {
    const leaks = captures.flatMap(({ where, content }) => findSecrets(content, secrets).map((name) => `${name} in ${where}`));
    expect(leaks).toEqual([]);
    expect(captures.length).toBeGreaterThan(10);
  });

  it('arguments never carry a passphrase', () => {
    const leaks = argvs.flatMap((args) => findSecrets(args.join('\0'), secrets).map((name) => `${name} in: ${args.join(' ')}`));
    expect(leaks).toEqual([]);
  });

  it('written files hold only intended output', () => {
    // Inputs made by the test, and the intended outputs, which may hold the payloads but never a key or passphrase.
    const inputs = new Set(['profile.mobileconfig', 'passphrase.txt', 'signer.p12', 'device.p12', 'ec-encrypted.key', 'leaf-ec.pem', 'intermediate.pem', 'device.pem']);
    const withPayloads = new Set(['signed.mobileconfig', 'signed-ec.mobileconfig', 'signed-child.mobileconfig', 'decrypted.mobileconfig']);
    const written = listFiles(work).filter((name) => !inputs.has(name) && !name.startsWith('app-state'));
    expect(written.sort()).toEqual(['decrypted.mobileconfig', 'encrypted.mobileconfig', 'signed-child.mobileconfig', 'signed-ec.mobileconfig', 'signed.mobileconfig']);

    const leaks = written.flatMap((name) => findSecrets(readFileSync(file(name)), withPayloads.has(name) ? keyAndPassphraseSecrets : secrets).map((secret) => `${secret} in ${name}`));
    expect(leaks).toEqual([]);
  });

  it('app settings files hold no secret', () => {
    const stateFiles = listFiles(file('app-state'));
    expect(stateFiles).toContain('recent.json');
    const leaks = stateFiles.flatMap((name) => findSecrets(readFileSync(path.join(file('app-state'), name)), secrets).map((secret) => `${secret} in app-state/${name}`));
    expect(leaks).toEqual([]);
  });

  it('CLI spawns no process', () => {
    // A passphrase given to a child process (openssl -passin pass:...) would show in `ps`.
    const sources = ['cli', 'electron/services', 'shared'].flatMap((folder) => listFiles(path.join(projectRoot, folder)).map((name) => path.join(folder, name)));
    const spawning = sources.filter((name) => name.endsWith('.ts') && /from 'node:child_process'|require\('child_process'\)/.test(readFileSync(path.join(projectRoot, name), 'utf8')));
    expect(spawning).toEqual([]);
  });
});

/** Returns the paths of all files under `dir`, relative to it. */
function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full).map((inner) => path.join(name, inner)) : [name];
  });
}
