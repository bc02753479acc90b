import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/environment.ts';

// `npm test` builds dist/ first; a bare `vitest run` without a build skips these.
const built = existsSync(path.join(projectRoot, 'dist', 'cli', 'main.js'));
const reason = built ? '' : ' (skipped: dist/cli/main.js not built; run npm run build:node)';

describe.skipIf(!built)('bin/mobileconfig.js' + reason, () => {
  const run = (...args: string[]) => execFileSync(process.execPath, [path.join(projectRoot, 'bin', 'mobileconfig.js'), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

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
