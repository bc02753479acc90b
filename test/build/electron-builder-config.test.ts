import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { describe, expect, it } from 'vitest';
import YAML from 'yaml';

import { needTools, projectRoot } from '../support/environment.ts';
import { plistlibCanonical } from '../support/plist-oracle.ts';

const configFile = path.join(projectRoot, 'build', 'electron-builder.yml');
interface BuilderConfig {
  readonly files: unknown;
  readonly fileAssociations: unknown;
  readonly mac: { readonly target: unknown; readonly hardenedRuntime: unknown; readonly entitlements: string };
  readonly win: { readonly target: unknown };
  readonly linux: { readonly target: unknown };
}

const config = YAML.parse(readFileSync(configFile, 'utf8')) as BuilderConfig;

/** electron-builder's validator, from the app-builder-lib it depends on (same version). */
function builderValidator(): (config: unknown) => Promise<void> {
  const require = createRequire(path.join(projectRoot, 'package.json'));
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as { validateConfiguration: (config: unknown, logger: unknown) => Promise<void> };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  return (candidate) => validateConfiguration(candidate, new DebugLogger(false));
}
const packageJson = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

describe('electron-builder config', () => {
  it('passes electron-builder’s own schema check', async () => {
    await expect(builderValidator()(config)).resolves.toBeUndefined();
  });

  it('fails the schema check with an unknown option', async () => {
    await expect(builderValidator()({ ...config, mac: { ...config.mac, notAnOption: true } })).rejects.toThrow(/^Invalid configuration object/);
  });

  it('builds the three platforms’ targets', () => {
    expect(config.mac.target).toEqual(['dmg', 'zip']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.linux.target).toEqual(['AppImage']);
  });

  it('associates .mobileconfig files', () => {
    expect(config.fileAssociations).toEqual([
      { ext: 'mobileconfig', name: 'Configuration Profile', description: 'Apple configuration profile', mimeType: 'application/x-apple-aspen-config', role: 'Editor' },
    ]);
  });

  it('packs built output only', () => {
    expect(config.files).toEqual(['package.json', 'dist/electron/**', 'dist/shared/**', 'dist/renderer/**', '!**/*.map', '!**/*.tsbuildinfo']);
  });

  it('keeps Vite-bundled packages out of dependencies', () => {
    for (const name of ['react', 'react-dom', 'monaco-editor', '@monaco-editor/react', 'zustand', 'electron', 'vite']) {
      expect(Object.keys(packageJson.dependencies)).not.toContain(name);
      expect(Object.keys(packageJson.devDependencies)).toContain(name);
    }
  });

  const tools = needTools('python3');
  it.skipIf(tools.skip)('grants only the JIT entitlement' + tools.reason, () => {
    const entitlements = plistlibCanonical(readFileSync(path.join(projectRoot, config.mac.entitlements)));
    expect(entitlements).toEqual({ dict: [['com.apple.security.cs.allow-jit', { bool: true }]] });
  });
});
