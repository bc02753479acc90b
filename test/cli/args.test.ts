import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseChoice, parseCommandArgs } from '../../cli/args.ts';
import { UsageError } from '../../cli/io.ts';
import { CONTENT_CIPHERS, SIGNING_DIGESTS } from '../../electron/services/cms/index.ts';
import { runCli } from '../support/cli-harness.ts';
import { needTools } from '../support/environment.ts';
import { makePki, type Pki } from '../support/openssl-pki.ts';
import { WIFI_PROFILE_XML } from '../support/profile-fixtures.ts';

describe('parseChoice', () => {
  it('accepts any letter case', () => {
    expect(parseChoice('sign', 'digest', 'SHA256', SIGNING_DIGESTS, 'sha256')).toBe('sha256');
    expect(parseChoice('sign', 'digest', 'Sha512', SIGNING_DIGESTS, 'sha256')).toBe('sha512');
    expect(parseChoice('encrypt', 'cipher', 'AES-256-CBC', CONTENT_CIPHERS, 'aes-128-cbc')).toBe('aes-256-cbc');
    expect(parseChoice('encrypt', 'cipher', 'DES-EDE3-CBC', CONTENT_CIPHERS, 'aes-256-cbc')).toBe('des-ede3-cbc');
  });

  it('missing value gives fallback', () => {
    expect(parseChoice('sign', 'digest', undefined, SIGNING_DIGESTS, 'sha384')).toBe('sha384');
  });

  it('unknown value is a usage error', () => {
    expect(() => parseChoice('sign', 'digest', 'SHA-256', SIGNING_DIGESTS, 'sha256')).toThrow(UsageError);
    expect(() => parseChoice('sign', 'digest', 'SHA-256', SIGNING_DIGESTS, 'sha256')).toThrow("sign: --digest must be one of sha256, sha384, sha512, not 'SHA-256'.");
  });
});

const tools = needTools('openssl');

describe('parseCommandArgs', () => {
  /** Returns the message of the UsageError that parsing `args` raises. */
  function usageMessage(args: string[]): string {
    try {
      parseCommandArgs('provisioning report', args, { 'expiring-within': { type: 'string' } });
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      return (error as UsageError).message;
    }
    throw new Error(`expected a UsageError for arguments '${args.join(' ')}', but parsing succeeded`);
  }

  // Node 20's parseArgs explains a value that starts with a dash in three lines, each ending in a period.
  it('dash value error is one line', () => {
    const message = usageMessage(['--expiring-within', '-3']);
    expect(message).not.toContain('\n');
    expect(message).not.toContain('..');
    expect(message).toMatch(/^provisioning report: Option '--expiring-within' argument is ambiguous\. /);
    expect(message).toMatch(/'--expiring-within=-XYZ'\. Run 'mobileconfig provisioning report --help' for the options\.$/);
  });

  it('unknown option names the option', () => {
    const message = usageMessage(['--frobnicate']);
    expect(message).not.toContain('\n');
    expect(message).toMatch(/^provisioning report: Unknown option '--frobnicate'\./);
    expect(message).toMatch(/ Run 'mobileconfig provisioning report --help' for the options\.$/);
  });
});

describe.skipIf(tools.skip)('choice options in commands' + tools.reason, () => {
  let pki: Pki;
  let dir: string;
  beforeAll(() => {
    pki = makePki();
    dir = mkdtempSync(path.join(tmpdir(), 'mobileconfig-args-'));
  });
  afterAll(() => {
    pki?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sign --digest SHA384 signs with SHA-384', async () => {
    const profile = path.join(dir, 'wifi.mobileconfig');
    writeFileSync(profile, WIFI_PROFILE_XML);
    const signed = path.join(dir, 'signed.mobileconfig');
    const run = await runCli(['sign', profile, '-o', signed, '--cert', pki.leafEc.certPath, '--key', pki.leafEc.keyPath, '--digest', 'SHA384']);
    expect(run.code, run.stderr).toBe(0);
    const printed = execFileSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', signed], { encoding: 'utf8' });
    expect(printed).toMatch(/digestAlgorithm:\s+algorithm: sha384/);
  });
});
