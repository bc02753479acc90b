// `mobileconfig validate`, run in-process through runValidate with captured output.

import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runValidate } from '../../cli/commands/validate.ts';
import { needCorpus } from '../support/environment.ts';

const corpus = needCorpus();
const files = path.join(corpus.dir, 'files');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function run(args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runValidate(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readFile: async (file) => new Uint8Array(await readFile(file)),
  });
  return { code, stdout, stderr };
}

const BOOLEAN_AS_INTEGER = `<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0">
<dict>
	<key>PayloadContent</key>
	<array>
		<dict>
			<key>PayloadIdentifier</key>
			<string>com.example.dock.payload</string>
			<key>PayloadType</key>
			<string>com.apple.dock</string>
			<key>PayloadUUID</key>
			<string>6D2F6A5B-9C1E-4E38-9A7B-3A1C5E0F2B11</string>
			<key>PayloadVersion</key>
			<integer>1</integer>
			<key>autohide</key>
			<integer>1</integer>
		</dict>
	</array>
	<key>PayloadIdentifier</key>
	<string>com.example.dock</string>
	<key>PayloadType</key>
	<string>Configuration</string>
	<key>PayloadUUID</key>
	<string>5C1D2E3F-4A5B-4C6D-8E7F-9A0B1C2D3E4F</string>
	<key>PayloadVersion</key>
	<integer>1</integer>
</dict>
</plist>
`;

let scratch = '';
let dockFile = '';

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'validate-cli-'));
  dockFile = path.join(scratch, 'dock.mobileconfig');
  await writeFile(dockFile, BOOLEAN_AS_INTEGER);
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('validate command options', () => {
  it('warning only exits 0', async () => {
    const result = await run([dockFile]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `${dockFile}:16:4: warning: \`autohide\` is the integer 1 but must be a boolean; write <true/>. [boolean-as-integer at PayloadContent[0].autohide]\n` +
        `${dockFile}: valid (0 errors, 1 warning, 0 notes)\n`,
    );
    expect(result.stderr).toBe('');
  });

  it('strict exits 1', async () => {
    const result = await run([dockFile, '--strict']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(': error: `autohide` is the integer 1');
    expect(result.stdout).toContain('invalid (1 error, 0 warnings, 0 notes)');
  });

  it('platform warning', async () => {
    const result = await run([dockFile, '--platform', 'ios']);
    expect(result.stdout).toContain(`${dockFile}:10:4: warning: Payload type \`com.apple.dock\` is not supported on iOS`);
  });

  it('JSON output', async () => {
    const result = await run([dockFile, '--json']);
    const parsed = JSON.parse(result.stdout);
    expect(parsed).toEqual([
      {
        file: dockFile,
        valid: true,
        signed: false,
        encrypted: false,
        diagnostics: [
          {
            severity: 'warning',
            code: 'boolean-as-integer',
            message: '`autohide` is the integer 1 but must be a boolean; write <true/>.',
            path: 'PayloadContent[0].autohide',
            line: 16,
            column: 4,
            fix: { kind: 'coerce-boolean', path: 'PayloadContent[0].autohide', segments: ['PayloadContent', 0, 'autohide'], value: { kind: 'boolean', value: true } },
          },
        ],
      },
    ]);
  });

  it('unreadable file', async () => {
    const missing = path.join(scratch, 'missing.mobileconfig');
    const result = await run([missing, '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([{ file: missing, valid: false, diagnostics: [], error: `${missing}: file not found` }]);
    expect(result.stderr).toBe(`${missing}: file not found\n`);
  });

  it('usage errors exit 2', async () => {
    expect((await run([])).code).toBe(2);
    const platform = await run([dockFile, '--platform', 'android']);
    expect(platform.code).toBe(2);
    expect(platform.stderr).toBe("mobileconfig validate: --platform must be one of iOS, macOS, tvOS, watchOS, visionOS, not 'android'.\n");
    expect((await run([dockFile, '--os-version', '17'])).stderr).toContain('--os-version needs --platform');
    expect((await run([dockFile, '--platform', 'iOS', '--os-version', 'latest'])).code).toBe(2);
    expect((await run([dockFile, '--schemas', path.join(scratch, 'none')])).stderr).toContain('does not exist');
    expect((await run([dockFile, '--bogus'])).code).toBe(2);
  });

  it('help', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: mobileconfig validate FILE...');
  });
});

describe.skipIf(corpus.skip)('validate command on the corpus' + corpus.reason, () => {
  it('wrong outer type file', async () => {
    const file = path.join(files, 'talieisin_broken_outer-type-NotConfiguration_crlf.mobileconfig');
    const result = await run([file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(`${file}:25:2: error: The profile's PayloadType is 'NotConfiguration' but must be 'Configuration'. [wrong-profile-type at PayloadType]\n${file}: invalid (1 error, 0 warnings, 0 notes)\n`);
  });

  it('JSON of fix values', async () => {
    const file = path.join(files, 'profiledocs_odd_pem-template_string-content.mobileconfig');
    const [report] = JSON.parse((await run([file, '--json'])).stdout);
    expect(report.valid).toBe(false);
    expect(report.diagnostics.at(-1).fix).toEqual({ kind: 'set-value', path: 'PayloadVersion', segments: ['PayloadVersion'], value: { kind: 'integer', value: 1 } });
  });

  it('signed file validated on content', async () => {
    const file = path.join(files, 'encdns_signed_cloudflare-default-https_2026_letsencrypt-ecdsa.mobileconfig');
    const result = await run([file, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([{ file, valid: true, signed: true, encrypted: false, diagnostics: [] }]);
  });

  it('encrypted file note', async () => {
    const file = path.join(files, 'rtroutonjp400_encrypted_CompanyWiFi.mobileconfig');
    const result = await run([file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('note: the payloads are encrypted, so only the top level was checked');
  });

  it('several files, one invalid', async () => {
    const good = path.join(files, 'encdns_unsigned_quad9-default-tls.mobileconfig');
    const bad = path.join(files, 'talieisin_broken_missing-payload-uuid_crlf-comment.mobileconfig');
    const result = await run(['--json', good, bad]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).map((r: { valid: boolean }) => r.valid)).toEqual([true, false]);
  });

  it('schemas folder', async () => {
    const file = path.join(files, 'micromdm_unsigned_homescreenlayout_abaclock.mobileconfig');
    expect((await run([file])).stdout).toContain('unknown-payload-type');
    const loaded = await run([file, '--schemas', path.join(corpus.dir, 'apple-device-management')]);
    expect(loaded.stdout).not.toContain('unknown-payload-type');
    expect(loaded.stderr).toBe('');
  });
});
