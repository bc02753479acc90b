// Builds the renderer with the project's Vite config into a folder of the test's own.

import path from 'node:path';

import { build } from 'vite';

import { projectRoot } from '../../support/environment.ts';

/** Builds the production renderer into `outDir` (created or emptied). */
export async function buildRenderer(outDir: string): Promise<void> {
  await build({
    configFile: path.join(projectRoot, 'vite.config.ts'),
    mode: 'production',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
}
