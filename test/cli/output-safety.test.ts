import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needTools, projectRoot } from '../support/environment.ts';
import { runCli } from '../support/cli-harness.ts';
import { makePki, type Pki } from '../support/openssl-pki.ts';
import { WIFI_PROFILE_XML } from '../support/profile-fixtures.ts';

const tools = needTools('openssl');

describe.skipIf(tools.skip)('CLI output safety' + tools.reason, () => {
  let pki: Pki;
  let profile: string;
  let p12: string;
  const env = { P12_PASS: 'pw' };

  beforeAll(() => {
    pki = makePki();
    profile = pki.write('wifi.mobileconfig', Buffer.from(WIFI_PROFILE_XML));
    p12 = path.join(pki.dir, 'signer.p12');
    pki.openssl(['pkcs12', '-export', '-inkey', pki.leafRsa.keyPath, '-in', pki.leafRsa.certPath, '-passout', 'pass:pw', '-out', p12]);
  });
  afterAll(() => pki?.cleanup());

  it('refuses -o naming the identity file', async () => {
    const before = readFileSync(p12);
    const run = await runCli(['sign', profile, '-o', p12, '--identity', p12, '--passphrase-env', 'P12_PASS'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is the same file as the input/);
    expect(readFileSync(p12).equals(before)).toBe(true);
  });

  it('refuses to re-sign content whose signature fails', async () => {
    const signed = path.join(pki.dir, 'signed.mobileconfig');
    expect((await runCli(['sign', profile, '-o', signed, '--identity', p12, '--passphrase-env', 'P12_PASS'], env)).code).toBe(0);
    const bytes = readFileSync(signed);
    const at = bytes.indexOf(Buffer.from('Example Org'));
    bytes[at] ^= 0x20;
    writeFileSync(path.join(pki.dir, 'tampered.mobileconfig'), bytes);

    const output = path.join(pki.dir, 'resigned.mobileconfig');
    const run = await runCli(['sign', path.join(pki.dir, 'tampered.mobileconfig'), '-o', output, '--identity', p12, '--passphrase-env', 'P12_PASS'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/signature does not verify/);
    expect(existsSync(output)).toBe(false);
  });

  it('warns when unwrapping a failed signature', async () => {
    const run = await runCli(['convert', path.join(pki.dir, 'tampered.mobileconfig'), '-o', path.join(pki.dir, 'unwrapped.xml'), '--to', 'xml']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/warning: the signature does not verify/);
  });

  it('writes decrypted profiles for the owner only', async () => {
    const encrypted = path.join(pki.dir, 'enc.mobileconfig');
    expect((await runCli(['encrypt', profile, '-o', encrypted, '--recipient', pki.device.certPath])).code).toBe(0);
    const output = path.join(pki.dir, 'dec.mobileconfig');
    const run = await runCli(['decrypt', encrypted, '-o', output, '--cert', pki.device.certPath, '--key', pki.device.keyPath]);
    expect(run.code, run.stderr).toBe(0);
    expect(statSync(output).mode & 0o777).toBe(0o600);
  });

  it('creates a missing output folder in batch mode', async () => {
    const devices = path.join(pki.dir, 'devices');
    rmSync(devices, { recursive: true, force: true });
    spawnSync('mkdir', ['-p', devices]);
    writeFileSync(path.join(devices, 'device.pem'), readFileSync(pki.device.certPath));
    const outDir = path.join(pki.dir, 'new', 'nested', 'out');
    const run = await runCli(['encrypt', profile, '--recipients-dir', devices, '--out-dir', outDir]);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(outDir)).toHaveLength(1);
  });

  it('exits 2 for conflicting identity options', async () => {
    const run = await runCli(['sign', profile, '-o', path.join(pki.dir, 'x.mobileconfig'), '--identity', p12, '--cert', pki.leafRsa.certPath], env);
    expect(run.code).toBe(2);
  });
});

const built = existsSync(path.join(projectRoot, 'dist', 'cli-bundle', 'main.js'));

describe.skipIf(!built)('CLI as a process' + (built ? '' : ' (skipped: dist/cli-bundle/main.js not built; run npm run build:node)'), () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mobileconfig-process-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stops quietly when the output pipe closes', async () => {
    const files = Array.from({ length: 40 }, (_, i) => {
      const file = path.join(dir, `p${i}.mobileconfig`);
      writeFileSync(file, WIFI_PROFILE_XML);
      return file;
    });
    const child = spawn(process.execPath, [path.join(projectRoot, 'bin', 'mobileconfig.js'), 'inspect', ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Error:|at /);
    expect(code).toBe(0);
  });

  it('removes its temporary file on SIGINT', async () => {
    const script = `
      const { writeFileAtomic } = await import(${JSON.stringify(path.join(projectRoot, 'dist', 'electron', 'services', 'files', 'atomic-write.js'))});
      const { installProcessGuards } = await import(${JSON.stringify(path.join(projectRoot, 'dist', 'cli', 'process-guards.js'))});
      installProcessGuards();
      const target = ${JSON.stringify(path.join(dir, 'big.out'))};
      const timer = setInterval(async () => {
        const { readdirSync } = await import('node:fs');
        if (readdirSync(${JSON.stringify(dir)}).some((name) => name.endsWith('.tmp'))) process.kill(process.pid, 'SIGINT');
      }, 1);
      await writeFileAtomic(target, new Uint8Array(400 * 1024 * 1024));
      clearInterval(timer);
    `;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(result.status).toBe(130);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(path.join(dir, 'big.out'))).toBe(false);
  });
});
