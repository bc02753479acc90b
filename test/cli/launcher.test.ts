import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/environment.ts';
import { WIFI_PROFILE_XML } from '../support/profile-fixtures.ts';

// The launcher runs the bundle that `npm run build:node` writes (rolldown.config.ts). `npm test`
// builds it first, but a bare `vitest run` without a build skips these tests.
const bundleDir = path.join(projectRoot, 'dist', 'cli-bundle');
const built = existsSync(path.join(bundleDir, 'main.js'));
const reason = built ? '' : ' (skipped: dist/cli-bundle/main.js not built; run npm run build:node)';

describe.skipIf(!built)('bin/mobileconfig.js' + reason, () => {
  const run = (...args: string[]) => execFileSync(process.execPath, [path.join(projectRoot, 'bin', 'mobileconfig.js'), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  it('prints the version', () => {
    expect(run('--version')).toBe('0.1.0\n');
  });

  it('prints help listing every command', () => {
    const help = run('--help');
    for (const command of ['inspect', 'validate', 'provisioning', 'sign', 'verify', 'encrypt', 'decrypt', 'convert', 'diff']) expect(help).toContain(`  ${command}`);
  });

  it('exits 2 for an unknown command', () => {
    let status = 0;
    let stderr = '';
    try {
      run('frobnicate');
    } catch (error) {
      status = (error as { status: number }).status;
      stderr = String((error as { stderr: string }).stderr);
    }
    expect(status).toBe(2);
    expect(stderr).toMatch(/unknown command 'frobnicate'/);
  });

  it('exits 1 with one line for a missing file', () => {
    let status = 0;
    let stderr = '';
    try {
      run('inspect', '/nonexistent/x.mobileconfig');
    } catch (error) {
      status = (error as { status: number }).status;
      stderr = String((error as { stderr: string }).stderr);
    }
    expect(status).toBe(1);
    expect(stderr.trim()).toBe('/nonexistent/x.mobileconfig: file not found');
  });
});

describe('launcher copied elsewhere', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mobileconfig-launcher-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('unbuilt copy names build step', () => {
    const copy = path.join(dir, 'unbuilt');
    cpSync(path.join(projectRoot, 'bin'), path.join(copy, 'bin'), { recursive: true });
    const result = spawnSync(process.execPath, [path.join(copy, 'bin', 'mobileconfig.js'), '--version'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('mobileconfig: the CLI is not built yet. Run `npm install` (or `npm run build:node`) in the project folder.\n');
  });

  // Without dist/cli or node_modules next to it, a bundle that still imported either would fail here.
  it.skipIf(!built)('runs the bundle on its own' + reason, () => {
    const copy = path.join(dir, 'bundled');
    cpSync(path.join(projectRoot, 'bin'), path.join(copy, 'bin'), { recursive: true });
    cpSync(bundleDir, path.join(copy, 'dist', 'cli-bundle'), { recursive: true });
    const profile = path.join(dir, 'wifi.mobileconfig');
    writeFileSync(profile, WIFI_PROFILE_XML);

    const result = spawnSync(process.execPath, [path.join(copy, 'bin', 'mobileconfig.js'), 'inspect', profile], { encoding: 'utf8', cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^ {2}kind: {6}configuration profile$/m);
  });

  // Each build removes the previous build's chunks (rolldown's cleanDir option), so a bundle that
  // was copied or rebuilt only part way can lack the chunk that contains a command.
  it.skipIf(!built)('names a missing command chunk' + reason, () => {
    const copy = path.join(dir, 'incomplete');
    cpSync(path.join(projectRoot, 'bin'), path.join(copy, 'bin'), { recursive: true });
    cpSync(bundleDir, path.join(copy, 'dist', 'cli-bundle'), { recursive: true });
    const mainText = readFileSync(path.join(copy, 'dist', 'cli-bundle', 'main.js'), 'utf8');
    const chunk = /import\("\.\/(chunks\/sign-[\w-]+\.js)"\)\)\.signCommand/.exec(mainText)?.[1];
    expect(chunk).toBeDefined();
    rmSync(path.join(copy, 'dist', 'cli-bundle', chunk!));
    const missing = path.join(copy, 'dist', 'cli-bundle', chunk!);
    const expected = `mobileconfig: cannot load the sign command, because ${missing} is missing. Run \`npm run build:node\` in the project folder.\n`;

    for (const args of [['sign', '--help'], ['--help']]) {
      const result = spawnSync(process.execPath, [path.join(copy, 'bin', 'mobileconfig.js'), ...args], { encoding: 'utf8' });
      expect(result.stderr).toBe(expected);
      expect(result.stdout).toBe('');
      expect(result.status).toBe(2);
    }
  });
});
