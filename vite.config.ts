// Vite builds two things: the renderer (default mode) into dist/renderer, and the sandboxed
// preload (`--mode preload`) into dist/electron/preload.cjs, a CommonJS bundle because
// Electron cannot load a sandboxed preload as an ES module.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

import { developmentCsp, productionCsp } from './electron/security/csp.ts';

const root = path.dirname(fileURLToPath(import.meta.url));
const DEV_SERVER = { host: '127.0.0.1', port: 5173 };

/** Puts the Content Security Policy into index.html as a meta element (the app also sends it as a header). */
function contentSecurityPolicy(command: 'build' | 'serve'): Plugin {
  const policy = command === 'build' ? productionCsp() : developmentCsp(`http://${DEV_SERVER.host}:${DEV_SERVER.port}`);
  return {
    name: 'mobileconfig-csp',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
  };
}

function rendererConfig(command: 'build' | 'serve'): UserConfig {
  return {
    root: path.join(root, 'renderer'),
    // Relative asset URLs, so that the same build loads from app:// and from a test server.
    base: './',
    plugins: [react(), contentSecurityPolicy(command)],
    server: { host: DEV_SERVER.host, port: DEV_SERVER.port, strictPort: true },
    worker: { format: 'es' },
    build: {
      outDir: path.join(root, 'dist', 'renderer'),
      emptyOutDir: true,
      target: 'chrome140',
      // Monaco alone is several MB; the app loads it from disk, so chunk size does not matter.
      chunkSizeWarningLimit: 8000,
      sourcemap: true,
    },
  };
}

function preloadConfig(): UserConfig {
  return {
    build: {
      outDir: path.join(root, 'dist', 'electron'),
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      sourcemap: true,
      lib: {
        entry: path.join(root, 'electron', 'preload', 'index.ts'),
        formats: ['cjs'],
        fileName: () => 'preload.cjs',
      },
      rolldownOptions: {
        // The sandboxed preload may require only 'electron' (and a few Node shims); everything else is bundled.
        external: ['electron'],
      },
    },
  };
}

export default defineConfig(({ command, mode }) => (mode === 'preload' ? preloadConfig() : rendererConfig(command)));
