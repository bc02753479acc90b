import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needCorpus, needTools } from '../support/environment.ts';
import { runCli } from '../support/cli-harness.ts';
import { plistlibCanonicalMany, plistutilConvert } from '../support/plist-oracle.ts';
import { WIFI_PROFILE_XML } from '../support/profile-fixtures.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mobileconfig-convert-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('convert usage', () => {
  it('requires -o', async () => {
    const run = await runCli(['convert', 'in.mobileconfig', '--to', 'xml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/-o OUT is required/);
  });

  it('rejects an unknown format', async () => {
    const run = await runCli(['convert', 'in.mobileconfig', '-o', 'out', '--to', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--to must be one of xml, binary, not 'json'/);
  });

  it('leaves no output for a broken input', async () => {
    const input = path.join(dir, 'broken.plist');
    const output = path.join(dir, 'broken-out.plist');
    writeFileSync(input, '<plist><dict><key>A</key><int>1</int></dict></plist>');
    const run = await runCli(['convert', input, '-o', output, '--to', 'binary']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(input);
    expect(run.stderr).toMatch(/<int>/);
    expect(existsSync(output)).toBe(false);
  });

  it('reports an unwritable output and keeps the input', async () => {
    const input = path.join(dir, 'keep.mobileconfig');
    writeFileSync(input, WIFI_PROFILE_XML);
    const run = await runCli(['convert', input, '-o', path.join(dir, 'no-such-folder', 'out.plist'), '--to', 'xml']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/folder does not exist/);
    expect(readFileSync(input, 'utf8')).toBe(WIFI_PROFILE_XML);
  });
});

const tools = needTools('openssl', 'python3', 'plistutil');

describe.skipIf(tools.skip)('convert against plistlib and plistutil' + tools.reason, () => {
  it('writes binary that both read as the XML input', async () => {
    const input = path.join(dir, 'wifi.mobileconfig');
    const output = path.join(dir, 'wifi.bplist');
    writeFileSync(input, WIFI_PROFILE_XML);
    const run = await runCli(['convert', input, '-o', output, '--to', 'binary']);
    expect(run.code).toBe(0);
    const written = readFileSync(output);
    expect(written.subarray(0, 8).toString('latin1')).toBe('bplist00');
    const [original, ours, viaPlistutil] = plistlibCanonicalMany([readFileSync(input), written, plistutilConvert(written, 'xml')]);
    expect(ours).toEqual(original);
    expect(viaPlistutil).toEqual(original);
  });

  it('unwraps a signed profile and says the signature was dropped', async () => {
    const input = path.join(dir, 'wifi.mobileconfig');
    writeFileSync(input, WIFI_PROFILE_XML);
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'k.pem'), '-out', path.join(dir, 'c.pem'), '-subj', '/CN=Convert Test', '-days', '2'], { stdio: 'ignore' });
    const signed = path.join(dir, 'signed.mobileconfig');
    execFileSync('openssl', ['cms', '-sign', '-binary', '-nodetach', '-outform', 'DER', '-in', input, '-signer', path.join(dir, 'c.pem'), '-inkey', path.join(dir, 'k.pem'), '-out', signed]);
    const output = path.join(dir, 'unsigned.mobileconfig');

    const run = await runCli(['convert', signed, '-o', output, '--to', 'xml']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/signature was dropped/);
    const content = execFileSync('openssl', ['cms', '-verify', '-noverify', '-inform', 'DER', '-in', signed], { stdio: ['ignore', 'pipe', 'ignore'] });
    const [expected, actual] = plistlibCanonicalMany([content, readFileSync(output)]);
    expect(actual).toEqual(expected);
  });

  it('overwrites the input only when -o names it', async () => {
    const input = path.join(dir, 'in-place.mobileconfig');
    writeFileSync(input, WIFI_PROFILE_XML);
    const run = await runCli(['convert', input, '-o', input, '--to', 'binary']);
    expect(run.code).toBe(0);
    expect(readFileSync(input).subarray(0, 8).toString('latin1')).toBe('bplist00');
  });
});

const corpus = needCorpus();

describe.skipIf(tools.skip || corpus.skip)('convert every corpus plist' + (tools.reason || corpus.reason), () => {
  const files = corpus.skip ? [] : readdirSync(path.join(corpus.dir, 'files')).filter((name) => !name.includes('_broken_') || name.startsWith('talieisin_broken_missing') || name.startsWith('talieisin_broken_outer'));

  for (const name of files) {
    it(`keeps values of ${name}`, async () => {
      const input = path.join(corpus.dir, 'files', name);
      const bytes = readFileSync(input);
      const original = bytes[0] === 0x30 ? execFileSync('openssl', ['cms', '-verify', '-noverify', '-inform', 'DER', '-in', input], { stdio: ['ignore', 'pipe', 'ignore'] }) : bytes;
      const [reference] = plistlibCanonicalMany([original]);
      if (!reference.ok) return; // plistlib itself rejects it (the fragment with no root); inspect tests cover our rejection.

      const outputs: Buffer[] = [];
      for (const format of ['xml', 'binary'] as const) {
        const output = path.join(dir, `${name}.${format}`);
        const run = await runCli(['convert', input, '-o', output, '--to', format]);
        expect(run.code, run.stderr).toBe(0);
        outputs.push(readFileSync(output));
      }

      // XML has no UID element: like CoreFoundation (and plistutil's XML output), the XML form writes a UID as <dict><key>CF$UID</key><integer>N</integer></dict>.
      const [xmlRead, binaryRead, xmlViaPlistutil, binaryViaPlistutil] = plistlibCanonicalMany([...outputs, plistutilConvert(outputs[0], 'xml'), plistutilConvert(outputs[1], 'xml')]);
      expect(xmlRead).toEqual(uidsAsCfDicts(reference));
      expect(xmlViaPlistutil).toEqual(uidsAsCfDicts(reference));
      expect(binaryRead).toEqual(reference);
      expect(binaryViaPlistutil).toEqual(uidsAsCfDicts(reference));
    });
  }
});

/** Rewrites each {"uid": n} of a canonical reading as the CF$UID dictionary that the XML form contains instead. */
function uidsAsCfDicts(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(uidsAsCfDicts);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if ('uid' in record && Object.keys(record).length === 1) return { dict: [['CF$UID', { int: record.uid }]] };
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, uidsAsCfDicts(item)]));
}
