// Finding outside tools and the shared corpus for tests, and skipping cleanly without them.
//
// A test that needs openssl, plistutil, python3 or chromium asks here first. Where the tool is
// missing the test is skipped with the tool's name, unless MOBILECONFIG_REQUIRE_TOOLS=1 (set by
// .ci/run), which turns the skip into a failure so that CI never passes by skipping.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type OutsideTool = 'openssl' | 'plistutil' | 'python3' | 'chromium';

const PROBES: Record<OutsideTool, { command: string; args: string[] }> = {
  openssl: { command: 'openssl', args: ['version'] },
  plistutil: { command: 'plistutil', args: ['--help'] },
  python3: { command: 'python3', args: ['-c', 'import plistlib'] },
  chromium: { command: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--version'] },
};

const found = new Map<OutsideTool, boolean>();

export const toolsRequired = process.env.MOBILECONFIG_REQUIRE_TOOLS === '1';

/** Returns true when `tool` runs on this machine. */
export function hasTool(tool: OutsideTool): boolean {
  const cached = found.get(tool);
  if (cached !== undefined) return cached;
  const probe = PROBES[tool];
  let ok = false;
  try {
    // plistutil --help exits non-zero on some versions, so only a spawn failure means "missing".
    execFileSync(probe.command, probe.args, { stdio: 'ignore', timeout: 20_000 });
    ok = true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    ok = code !== 'ENOENT' && code !== 'EACCES' && tool === 'plistutil';
  }
  found.set(tool, ok);
  return ok;
}

/**
 * Returns a suffix for a describe/it title and whether to skip it, for tests that need `tools`.
 * Throws when a tool is missing and MOBILECONFIG_REQUIRE_TOOLS=1.
 */
export function needTools(...tools: OutsideTool[]): { skip: boolean; reason: string } {
  const missing = tools.filter((t) => !hasTool(t));
  if (missing.length === 0) return { skip: false, reason: '' };
  const reason = `skipped: ${missing.join(', ')} not found`;
  if (toolsRequired) throw new Error(`${missing.join(', ')} not found, and MOBILECONFIG_REQUIRE_TOOLS=1 forbids skipping; install it (see .ci/run).`);
  return { skip: true, reason: ` (${reason})` };
}

/** The project's root folder. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The shared corpus of real profiles beside the checkout (`../shared/corpus`), or null in a
 * clone that has none. Tests over it are skipped with the folder's name when it is missing,
 * unless MOBILECONFIG_REQUIRE_TOOLS=1.
 */
export function corpusDir(): string | null {
  const dir = path.resolve(projectRoot, '..', 'shared', 'corpus');
  if (existsSync(path.join(dir, 'files'))) return dir;
  if (toolsRequired) throw new Error(`The corpus folder ${dir} is missing, and MOBILECONFIG_REQUIRE_TOOLS=1 forbids skipping.`);
  return null;
}

/** Title suffix and skip flag for tests over the corpus. */
export function needCorpus(): { skip: boolean; reason: string; dir: string } {
  const dir = corpusDir();
  if (dir) return { skip: false, reason: '', dir };
  return { skip: true, reason: ` (skipped: ${path.resolve(projectRoot, '..', 'shared', 'corpus')} not found)`, dir: '' };
}
