// The import rules between runtime folders, checked over the source tree.
//
// shared/ runs everywhere (main process, renderer, CLI), so it imports no Node built-in, no
// Electron and no browser-only package, and nothing from electron/, renderer/ or cli/. The
// renderer imports nothing from electron/ and no Node built-in: it talks to main only through
// the preload API. Main-process services under electron/services/ never import Electron, so
// that the CLI and the tests use them as plain Node modules.

import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { projectRoot } from './support/environment.ts';

export interface SourceFile {
  /** Path relative to the project root, with forward slashes. */
  readonly path: string;
  readonly text: string;
}

export interface Violation {
  readonly file: string;
  readonly specifier: string;
  readonly rule: string;
}

/** Packages that need a browser page (or a test browser) and so have no place in shared/. */
const BROWSER_ONLY_PACKAGES = ['react', 'react-dom', 'monaco-editor', '@monaco-editor/react', '@monaco-editor/loader', 'zustand', 'playwright-core', 'vite'];

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** Returns the module specifiers of static imports and re-exports, dynamic imports and requires. */
export function importSpecifiers(text: string): string[] {
  // Comments may mention imports; string contents are left alone.
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const patterns = [
    /(?:^|[\s;}])(?:import|export)\s+(?:type\s+)?[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/g,
    /(?:^|[\s;}])import\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  const found: string[] = [];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.push(match[1]);
  return found;
}

/** Returns the package name of a bare specifier (`@scope/name/sub` → `@scope/name`). */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || NODE_BUILTINS.has(packageOf(specifier));
}

/** Returns the top-level folder a relative specifier of `file` points into. */
function targetFolder(file: string, specifier: string): string {
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
  return resolved.split('/')[0];
}

export function findViolations(files: readonly SourceFile[]): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    const layer = file.path.split('/')[0];
    const isService = file.path.startsWith('electron/services/');

    for (const specifier of importSpecifiers(file.text)) {
      const relative = specifier.startsWith('.');
      const target = relative ? targetFolder(file.path, specifier) : null;
      const bare = relative ? null : packageOf(specifier);
      const report = (rule: string) => violations.push({ file: file.path, specifier, rule });

      if (layer === 'shared') {
        if (target && ['electron', 'renderer', 'cli'].includes(target)) report(`shared/ must not import from ${target}/`);
        if (bare && isNodeBuiltin(specifier)) report('shared/ must not import Node built-ins');
        if (bare === 'electron') report('shared/ must not import electron');
        if (bare && BROWSER_ONLY_PACKAGES.includes(bare)) report(`shared/ must not import the browser-only package ${bare}`);
      }

      if (layer === 'renderer') {
        if (target === 'electron') report('renderer/ must not import from electron/');
        if (target === 'cli') report('renderer/ must not import from cli/');
        if (bare && isNodeBuiltin(specifier)) report('renderer/ must not import Node built-ins');
        if (bare === 'electron') report('renderer/ must not import electron');
      }

      if (isService && bare === 'electron') report('electron/services/ must not import electron');
    }
  }
  return violations;
}

/** Lists the TypeScript sources of the runtime folders. */
function sourceFiles(): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(projectRoot, dir), { withFileTypes: true })) {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else if (/\.(ts|tsx|mts|cts)$/.test(entry.name)) out.push({ path: relative, text: readFileSync(path.join(projectRoot, relative), 'utf8') });
    }
  };
  for (const dir of ['shared', 'renderer', 'electron', 'cli']) walk(dir);
  return out;
}

describe('importSpecifiers', () => {
  it('finds every import form', () => {
    const text = [
      "import { a } from './a.ts';",
      "import type { B } from '../b.ts';",
      "export * from './c.ts';",
      "import './side-effect.css';",
      "const d = await import('./d.ts');",
      "const e = require('e');",
      '// import { f } from "./commented.ts";',
      "import {\n  g,\n  h,\n} from './multi-line.ts';",
    ].join('\n');
    expect(importSpecifiers(text)).toEqual(['./a.ts', '../b.ts', './c.ts', './multi-line.ts', './side-effect.css', './d.ts', 'e']);
  });
});

describe('findViolations', () => {
  it('flags shared importing Node, Electron, DOM packages and other layers', () => {
    const violations = findViolations([
      { path: 'shared/plist/x.ts', text: "import { readFile } from 'node:fs/promises';\nimport path from 'path';\nimport { app } from 'electron';\nimport { useState } from 'react';\nimport { y } from '../../renderer/y.ts';" },
    ]);
    expect(violations.map((v) => v.rule)).toEqual([
      'shared/ must not import Node built-ins',
      'shared/ must not import Node built-ins',
      'shared/ must not import electron',
      'shared/ must not import the browser-only package react',
      'shared/ must not import from renderer/',
    ]);
  });

  it('flags renderer importing main-process code', () => {
    const violations = findViolations([{ path: 'renderer/app/x.tsx', text: "import { ipcRenderer } from 'electron';\nimport { z } from '../../electron/ipc/dispatch.ts';\nimport os from 'node:os';" }]);
    expect(violations.map((v) => v.rule)).toEqual(['renderer/ must not import electron', 'renderer/ must not import from electron/', 'renderer/ must not import Node built-ins']);
  });

  it('flags services importing electron', () => {
    const violations = findViolations([{ path: 'electron/services/documents/x.ts', text: "import { dialog } from 'electron';" }]);
    expect(violations).toEqual([{ file: 'electron/services/documents/x.ts', specifier: 'electron', rule: 'electron/services/ must not import electron' }]);
  });

  it('allows the IPC layer to import electron', () => {
    expect(findViolations([{ path: 'electron/ipc/register.ts', text: "import { ipcMain } from 'electron';" }])).toEqual([]);
  });

  it('allows shared code its own imports', () => {
    expect(findViolations([{ path: 'shared/ipc/contract.ts', text: "import { x } from './checks.ts';\nimport { y } from '../plist/limits.ts';\nimport YAML from 'yaml';" }])).toEqual([]);
  });
});

describe('source tree', () => {
  it('follows the import rules', () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(50);
    expect(findViolations(files)).toEqual([]);
  });
});
