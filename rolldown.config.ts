// Rolldown bundles the `mobileconfig` CLI that bin/mobileconfig.js runs. The input is tsc's output
// (dist/cli/main.js), so tsc stays the only TypeScript compiler and the bundle runs the same
// JavaScript as dist/.
//
// Node 20 resolves, reads and compiles each ES module file separately. `mobileconfig sign` loaded
// about 100 of them, and loading them took longer than the signing itself. The bundle has one chunk
// per command, because main.js imports the commands dynamically, plus chunks of the code that
// commands share. So a command loads about ten files instead of a hundred.

import { defineConfig } from 'rolldown';

export default defineConfig({
  input: { main: 'dist/cli/main.js' },
  platform: 'node',
  // @noble/hashes and yaml are bundled too. Node's built-in modules stay imports.
  output: {
    dir: 'dist/cli-bundle',
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    // Chunk names carry a content hash, so chunks of an earlier build would otherwise pile up.
    cleanDir: true,
    // A minified bundle loaded no faster when measured, and this way stack traces from --debug stay readable.
    minify: false,
  },
});
