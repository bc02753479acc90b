#!/usr/bin/env node
// Launcher for the bundled CLI in dist/cli-bundle (see rolldown.config.ts). `npm install` builds
// it through the `prepare` script.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli-bundle/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('mobileconfig: the CLI is not built yet. Run `npm install` (or `npm run build:node`) in the project folder.\n');
  process.exit(2);
}
const { main, installProcessGuards } = await import(entry.href);
installProcessGuards();
process.exitCode = await main(process.argv.slice(2));
