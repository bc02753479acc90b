// Compiles project modules to JavaScript in a temporary folder, for tests that run them in a
// child process: Node 20 cannot run .ts files, and dist/ may be stale when vitest runs alone.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { projectRoot } from '../../support/environment.ts';

/**
 * Compiles `entries` (paths from the project root) and everything they import with the project's
 * tsc, and returns the output folder, which mirrors the project's layout with .js files.
 */
export function compileForChild(entries: readonly string[]): string {
  const outDir = mkdtempSync(path.join(tmpdir(), 'mobileconfig-compiled-'));
  const config = {
    extends: path.join(projectRoot, 'tsconfig.base.json'),
    compilerOptions: { outDir, rootDir: projectRoot, types: ['node'], lib: ['ES2023', 'DOM'], typeRoots: [path.join(projectRoot, 'node_modules', '@types')] },
    files: entries.map((entry) => path.join(projectRoot, entry)),
  };
  const configPath = path.join(outDir, 'tsconfig.json');
  writeFileSync(configPath, JSON.stringify(config));
  writeFileSync(path.join(outDir, 'package.json'), '{ "type": "module" }\n');
  // The compiled modules import packages such as @noble/hashes by name.
  symlinkSync(path.join(projectRoot, 'node_modules'), path.join(outDir, 'node_modules'), 'dir');
  execFileSync(path.join(projectRoot, 'node_modules', '.bin', 'tsc'), ['-p', configPath], { cwd: projectRoot, stdio: 'pipe' });
  return outDir;
}
