import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig, type UserConfig } from 'vite';

/**
 * Cross-origin isolation (COOP + COEP) is what makes SharedArrayBuffer available in the page.
 * The desktop app sends the same headers from its custom scheme (electron/main/shell/app-protocol.ts).
 */
export const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
} as const;

// Not import.meta.dirname: electron-vite bundles this file and rewrites only import.meta.url.
const root = fileURLToPath(new URL('.', import.meta.url));

/** The renderer's Vite options, shared by the web edition and electron-vite's renderer build. */
export const rendererConfig: UserConfig = {
  root,
  plugins: [react(), tailwindcss()],
  worker: { format: 'es' },
  build: { target: 'es2023' },
};

// The web edition: `npm run web` (dev server) and `npm run build:web` (static files in out/web).
export default defineConfig({
  ...rendererConfig,
  base: './',
  server: { host: '127.0.0.1', port: 5173, headers: isolationHeaders },
  preview: { host: '127.0.0.1', port: 4173, headers: isolationHeaders },
  build: { ...rendererConfig.build, outDir: resolve(root, '../out/web'), emptyOutDir: true },
});
