import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runEnrolmentServe } from '../../cli/commands/enrolment-serve.ts';
import type { CliIo } from '../../cli/io.ts';
import { simulateEnrolment } from '../../electron/services/enrolment/index.ts';
import { CertificateAuthority, encodePem, generateKeys, publicKeyInfoDer } from '../../electron/services/pki/index.ts';
import { runCli } from '../support/cli-harness.ts';
import { needTools } from '../support/environment.ts';
import { runOpenssl } from '../support/openssl-pki.ts';
import { plistlibCanonical } from '../support/plist-oracle.ts';

const tools = needTools('openssl', 'python3');

/** A CliIo whose output can be read while the command still runs. */
function liveIo(env: Record<string, string> = {}): CliIo & { out: () => string; err: () => string } {
  let stdout = '';
  let stderr = '';
  return {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readFile: async (file) => new Uint8Array(await readFile(file)),
    env,
    stdinIsTty: false,
    out: () => stdout,
    err: () => stderr,
  };
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 20) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('condition not met within 10 s');
}

describe.skipIf(tools.skip)('mobileconfig enrolment' + tools.reason, () => {
  let dir: string;
  const file = (name: string): string => path.join(dir, name);

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mobileconfig-cli-enrol-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe('types', () => {
    it('explains the three types', async () => {
      const run = await runCli(['enrolment', 'types']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^ {2}none {3}No provisioning\./m);
      expect(run.stdout).toMatch(/^ {2}auto {3}Auto provisioning\./m);
      expect(run.stdout).toMatch(/^ {2}custom Custom provisioning\./m);
    });

    it('help lists the subcommands', async () => {
      const run = await runCli(['enrolment', '--help']);
      for (const subcommand of ['new', 'serve', 'simulate', 'devices', 'revoke']) expect(run.stdout).toContain(`mobileconfig enrolment ${subcommand}`);
    });

    it('rejects an unknown subcommand', async () => {
      const run = await runCli(['enrolment', 'start']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("unknown subcommand 'start'");
    });
  });

  describe('new', () => {
    it('writes an unsigned enrolment profile', async () => {
      const run = await runCli(['enrolment', 'new', '-o', file('enrol.mobileconfig'), '--url', 'http://127.0.0.1:8080/enrol', '--attribute', 'udid,imei', '--attribute', 'PRODUCT', '--challenge-env', 'ENROL_CHALLENGE', '--name', 'Enrol me', '--organization', 'Example'], { ENROL_CHALLENGE: 'from-the-environment' });
      expect(run.code).toBe(0);
      expect(run.stderr).toContain('unsigned');
      const profile = plistlibCanonical(readFileSync(file('enrol.mobileconfig')));
      expect(profile).toMatchObject({ dict: expect.arrayContaining([['PayloadType', { string: 'Profile Service' }], ['PayloadDisplayName', { string: 'Enrol me' }]]) });
      const content = (profile as { dict: [string, { dict?: unknown[] }][] }).dict.find(([key]) => key === 'PayloadContent')?.[1].dict;
      expect(content).toEqual([
        ['URL', { string: 'http://127.0.0.1:8080/enrol' }],
        ['DeviceAttributes', { array: [{ string: 'UDID' }, { string: 'IMEI' }, { string: 'PRODUCT' }] }],
        ['Challenge', { string: 'from-the-environment' }],
      ]);
    });

    it('signs with an identity', async () => {
      const ca = await CertificateAuthority.create({ subject: [['CN', 'CLI Admin CA']], key: { type: 'ec', curve: 'P-256' } });
      const keys = await generateKeys({ type: 'ec', curve: 'P-256' });
      const issued = ca.issue({ subject: [['CN', 'CLI signer']], publicKeyInfo: publicKeyInfoDer(keys.publicKey), kind: 'profile-signer' });
      writeFileSync(file('admin-ca.pem'), encodePem('CERTIFICATE', ca.certificateDer));
      writeFileSync(file('signer.pem'), encodePem('CERTIFICATE', issued.der));
      writeFileSync(file('signer.key'), String(keys.privateKey.export({ type: 'pkcs8', format: 'pem' })));

      const run = await runCli(['enrolment', 'new', '-o', file('signed.mobileconfig'), '--url', 'http://127.0.0.1:8080/enrol', '--cert', file('signer.pem'), '--key', file('signer.key')]);
      expect(run.code).toBe(0);
      expect(run.stderr).toContain('signed as CN=CLI signer');
      runOpenssl(dir, ['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'signed.mobileconfig', '-CAfile', 'admin-ca.pem', '-out', 'signed.xml']);
      expect(readFileSync(file('signed.xml'), 'utf8')).toContain('<string>Profile Service</string>');
    });

    it('rejects a missing URL', async () => {
      const run = await runCli(['enrolment', 'new', '-o', file('x.mobileconfig')]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--url URL is required');
    });

    it('rejects an unknown attribute', async () => {
      const run = await runCli(['enrolment', 'new', '-o', file('x.mobileconfig'), '--url', 'http://127.0.0.1/e', '--attribute', 'COLOUR']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--attribute COLOUR is not one of UDID');
    });

    it('rejects a challenge as argument', async () => {
      const run = await runCli(['enrolment', 'new', '-o', file('x.mobileconfig'), '--url', 'http://127.0.0.1/e', '--challenge', 'secret']);
      expect(run.code).toBe(2);
    });

    it('rejects an invalid URL', async () => {
      const run = await runCli(['enrolment', 'new', '-o', file('x.mobileconfig'), '--url', 'ftp://127.0.0.1/e']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('URL "ftp://127.0.0.1/e" is not an http or https URL');
      expect(existsSync(file('x.mobileconfig'))).toBe(false);
    });
  });

  describe('serve, simulate, devices', () => {
    const state = (): string => file('state');
    const controller = new AbortController();
    const io = liveIo();
    let serving: Promise<number>;
    let enrolUrl: string;

    beforeAll(async () => {
      writeFileSync(file('rules.json'), JSON.stringify({ products: ['iPhone*'], minRsaBits: 2048 }));
      serving = runEnrolmentServe(['--dir', state(), '--port', '0', '--provisioning', 'custom', '--rules', file('rules.json'), '--log-format', 'json'], io, controller.signal);
      await waitFor(() => io.err().includes('Press Ctrl-C to stop.') || io.err().includes('mobileconfig enrolment serve:'));
      enrolUrl = /enrolment profile: (\S+)/.exec(io.err())?.[1] ?? '';
    });

    afterAll(async () => {
      controller.abort();
      await serving;
    });

    it('prints where it listens', () => {
      expect(io.err()).toMatch(/^Enrolment server running with custom provisioning at http:\/\/127\.0\.0\.1:\d+$/m);
      expect(enrolUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/enrol$/);
      expect(io.err()).toContain('(new CA created)');
    });

    it('simulate enrols and saves the messages', async () => {
      const run = await runCli(['enrolment', 'simulate', '--url', enrolUrl, '--udid', 'CLI-DEVICE-1', '--ca', path.join(state(), 'ca-certificate.pem'), '--save-dir', file('saved')]);
      expect(run.code).toBe(0);
      expect(run.stdout.split('\n').map((line) => line.split(':')[0])).toEqual(['profile', 'attributes', 'scep-request', 'final', 'Enrolled device CLI-DEVICE-1', '']);
      expect(run.stdout).toContain('(trusted)');

      runOpenssl(file('saved'), ['req', '-verify', '-in', 'identity-request.csr', '-noout']);
      expect(runOpenssl(dir, ['verify', '-CAfile', path.join(state(), 'ca-certificate.pem'), path.join('saved', 'identity-certificate.pem')]).toString()).toMatch(/: OK\n$/);
      runOpenssl(file('saved'), ['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'final-reply.der', '-CAfile', path.join(state(), 'ca-certificate.pem'), '-out', 'final-signed.xml']);
      expect(readFileSync(path.join(file('saved'), 'final-profile.mobileconfig'), 'utf8')).toContain('<key>PayloadContent</key>');
    });

    it('simulate reports a rejection', async () => {
      const run = await runCli(['enrolment', 'simulate', '--url', enrolUrl, '--product', 'iPad13,1']);
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe('mobileconfig enrolment simulate: rejected in phase attributes (HTTP 403): rule product: product iPad13,1 is not allowed; allowed: iPhone*');
    });

    it('simulate reports a wrong challenge', async () => {
      const run = await runCli(['enrolment', 'simulate', '--url', enrolUrl, '--challenge', 'guess', '--json']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('(HTTP 403): the CHALLENGE was not issued by this server');
    });

    it('simulate prints JSON', async () => {
      const run = await runCli(['enrolment', 'simulate', '--url', enrolUrl, '--udid', 'CLI-DEVICE-2', '--json']);
      expect(run.code).toBe(0);
      const summary = JSON.parse(run.stdout) as { deviceId: string; requestCount: number; identity: { subject: string } };
      expect(summary.deviceId).toBe('CLI-DEVICE-2');
      expect(summary.requestCount).toBe(6);
      expect(summary.identity.subject).toContain('CN=CLI-DEVICE-2');
    });

    it('serve prints one JSON line per request', async () => {
      await waitFor(() => io.out().split('\n').filter(Boolean).length >= 6 + 2 + 2 + 6);
      const lines = io.out().split('\n').filter(Boolean).map((line) => JSON.parse(line) as { status: number; phase: string });
      expect(lines.filter((line) => line.status === 403)).toHaveLength(2);
      expect(lines.filter((line) => line.phase === 'final')).toHaveLength(2);
    });

    it('revoke rejects while serving', async () => {
      const run = await runCli(['enrolment', 'revoke', '--dir', state(), '--device', 'CLI-DEVICE-1']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('stop it before changing the registry file');
    });

    it('serve rejects a second server on the folder', async () => {
      const second = liveIo();
      const code = await runEnrolmentServe(['--dir', state(), '--port', '0'], second, AbortSignal.abort());
      expect(code).toBe(1);
      expect(second.err()).toContain('already uses');
    });

    it('devices lists after the stop', async () => {
      controller.abort();
      expect(await serving).toBe(0);
      expect(io.err()).toMatch(/Stopped after 16 requests; 2 devices in the registry\./);

      const text = await runCli(['enrolment', 'devices', '--dir', state()]);
      expect(text.stdout).toMatch(/^2 devices used this server \(2 enrolled\)\./);

      const csv = await runCli(['enrolment', 'devices', '--dir', state(), '--csv']);
      const rows = csv.stdout.trim().split('\r\n');
      expect(rows).toHaveLength(3);
      expect(rows[0].startsWith('deviceId,status,provisioning,UDID,VERSION,PRODUCT,SERIAL,')).toBe(true);

      const json = await runCli(['enrolment', 'devices', '--dir', state(), '--json', '-o', file('devices.json')]);
      expect(json.code).toBe(0);
      expect((JSON.parse(readFileSync(file('devices.json'), 'utf8')) as unknown[]).length).toBe(2);
    });

    it('revoke marks the device', async () => {
      const run = await runCli(['enrolment', 'revoke', '--dir', state(), '--device', 'CLI-DEVICE-1']);
      expect(run.code).toBe(0);
      const json = await runCli(['enrolment', 'devices', '--dir', state(), '--json']);
      const devices = JSON.parse(json.stdout) as { deviceId: string; status: string }[];
      expect(devices.find((device) => device.deviceId === 'CLI-DEVICE-1')?.status).toBe('revoked');
      const unknown = await runCli(['enrolment', 'revoke', '--dir', state(), '--device', 'nobody']);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('no device "nobody"');
    });
  });

  describe('errors', () => {
    it('serve rejects an invalid rules file', async () => {
      writeFileSync(file('bad-rules.json'), '{"minRsaBits": 3000}');
      const io = liveIo();
      const code = await runEnrolmentServe(['--dir', file('state-bad'), '--port', '0', '--rules', file('bad-rules.json')], io, AbortSignal.abort());
      expect(code).toBe(1);
      expect(io.err()).toContain(`${file('bad-rules.json')}: minRsaBits must be one of 1024, 2048, 4096`);
    });

    it('serve rejects rules without custom provisioning', async () => {
      const run = await runCli(['enrolment', 'serve', '--dir', file('state-x'), '--provisioning', 'auto', '--rules', file('bad-rules.json')]);
      expect(run.code).toBe(2);
    });

    it('serve rejects a signed final profile', async () => {
      writeFileSync(file('final.der'), Buffer.from([0x30, 0x80, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02, 0xa0, 0x80]));
      const io = liveIo();
      const code = await runEnrolmentServe(['--dir', file('state-final'), '--port', '0', '--final-profile', file('final.der')], io, AbortSignal.abort());
      expect(code).toBe(1);
      expect(io.err()).toContain('the final profile is signed; give the unsigned profile');
    });

    it('serve text log strips control characters', async () => {
      const io = liveIo();
      const controller = new AbortController();
      const serving = runEnrolmentServe(['--dir', file('state-text'), '--port', '0', '--provisioning', 'none'], io, controller.signal);
      await waitFor(() => io.err().includes('Press Ctrl-C to stop.'));
      const url = /enrolment profile: (\S+)/.exec(io.err())?.[1] ?? '';
      // U+009B is the one-character CSI that terminals obey; XML 1.0 can carry it, unlike ESC.
      await simulateEnrolment({ url, device: { udid: 'CSI\u009b2JAPE' } });
      controller.abort();
      expect(await serving).toBe(0);
      expect(io.out()).toContain('CSI?2JAPE');
      expect(io.out()).not.toContain('\u009b');
    });

    it('simulate rejects a remote URL', async () => {
      const run = await runCli(['enrolment', 'simulate', '--url', 'http://192.0.2.10:8080/enrol']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('192.0.2.10:8080 is not a loopback address');
    });

    it('simulate reports no server', async () => {
      const run = await runCli(['enrolment', 'simulate', '--url', 'http://127.0.0.1:1/enrol']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('nothing listens at 127.0.0.1:1');
    });

    it('simulate malformed URL is usage', async () => {
      const run = await runCli(['enrolment', 'simulate', '--url', 'not a url']);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe('mobileconfig enrolment simulate: --url "not a url" is not a valid URL; give the enrolment URL that serve prints, such as http://127.0.0.1:8080/enrol.\n');
    });

    it('devices on a missing folder', async () => {
      const missing = file('no-such-folder');
      const run = await runCli(['enrolment', 'devices', '--dir', missing]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`mobileconfig enrolment devices: ${missing}: folder not found; give the state folder that 'enrolment serve --dir' uses\n`);

      const revoke = await runCli(['enrolment', 'revoke', '--dir', missing, '--device', 'X']);
      expect(revoke.code).toBe(1);
      expect(revoke.stderr).toContain(`${missing}: folder not found`);
    });

    it('devices on a file', async () => {
      writeFileSync(file('not-a-folder'), '');
      const run = await runCli(['enrolment', 'devices', '--dir', file('not-a-folder')]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`${file('not-a-folder')}: is a file, not a folder`);
    });

    it('challenge value as name is not echoed', async () => {
      for (const subcommand of [['new', '-o', file('x.mobileconfig')], ['simulate']]) {
        const run = await runCli(['enrolment', ...subcommand, '--url', 'http://127.0.0.1:1/enrol', '--challenge-env', 'Top secret-1']);
        expect(run.code, subcommand[0]).toBe(2);
        expect(run.stderr).toContain('the value given to --challenge-env is not an environment variable name');
        expect(run.stderr).not.toContain('Top secret-1');
      }
    });

    it('simulate takes one challenge option', async () => {
      const run = await runCli(['enrolment', 'simulate', '--url', 'http://127.0.0.1:1/enrol', '--challenge', 'a', '--challenge-env', 'B']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('give one of --challenge, --challenge-env and --challenge-file');
    });

    it('missing --challenge-file names the option', async () => {
      const missing = file('no-challenge.txt');
      const run = await runCli(['enrolment', 'simulate', '--url', 'http://127.0.0.1:1/enrol', '--challenge-file', missing]);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`mobileconfig enrolment simulate: --challenge-file ${missing}: file not found\n`);
    });
  });

  describe('simulate challenge options', () => {
    const controller = new AbortController();
    const io = liveIo({ SHARED_CHALLENGE: 'the-right-one' });
    let serving: Promise<number>;
    let enrolUrl: string;

    beforeAll(async () => {
      serving = runEnrolmentServe(['--dir', file('state-challenge'), '--port', '0', '--provisioning', 'auto', '--challenge-env', 'SHARED_CHALLENGE'], io, controller.signal);
      await waitFor(() => io.err().includes('Press Ctrl-C to stop.') || io.err().includes('mobileconfig enrolment serve:'));
      enrolUrl = /enrolment profile: (\S+)/.exec(io.err())?.[1] ?? '';
    });

    afterAll(async () => {
      controller.abort();
      await serving;
    });

    it('sends the --challenge-env value', async () => {
      const run = await runCli(['enrolment', 'simulate', '--url', enrolUrl, '--challenge-env', 'GUESS'], { GUESS: 'a-wrong-one' });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/rejected in phase attributes \(HTTP 403\)/);
    });

    it('sends the --challenge-file line', async () => {
      writeFileSync(file('challenge.txt'), 'the-right-one\n');
      const run = await runCli(['enrolment', 'simulate', '--url', enrolUrl, '--challenge-file', file('challenge.txt'), '--udid', 'FILE-CHALLENGE']);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('Enrolled device FILE-CHALLENGE');
    });
  });
});
