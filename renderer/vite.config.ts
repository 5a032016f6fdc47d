import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
// .js: Vite's config loader wants an extension on relative imports; TypeScript maps it to the .ts file.
import { metaContentSecurityPolicy, type PolicyMode } from '../shared/security/content-security-policy.js';

/**
 * Cross-origin isolation (COOP + COEP) is what makes SharedArrayBuffer available in the page.
 * The desktop app sends the same headers from its custom scheme (electron/main/shell/app-protocol.ts).
 */
export const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
} as const;

const CSP_META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/;

/**
 * Writes the Content-Security-Policy into index.html's <meta> tag: the production policy in a
 * build, the development one (inline styles, hot-reload WebSocket) on the dev server only. The
 * policies live in shared/security/content-security-policy.ts; index.html carries the production
 * one as written, so a scanner reading the source sees what ships.
 */
export function contentSecurityPolicy(): Plugin {
  let mode: PolicyMode = 'production';
  return {
    name: 'unfreeze-content-security-policy',
    configResolved(config) {
      mode = config.command === 'serve' ? 'development' : 'production';
    },
    transformIndexHtml(html) {
      if (!CSP_META.test(html)) throw new Error('renderer/index.html has lost its Content-Security-Policy <meta> tag');
      return html.replace(CSP_META, `$1${metaContentSecurityPolicy(mode)}$2`);
    },
  };
}

// Not import.meta.dirname: electron-vite bundles this file and rewrites only import.meta.url.
const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The renderer's Vite options, shared by the web edition and electron-vite's renderer (build and
 * `npm start`'s dev server): the dev server sends COOP/COEP itself, or the page would not be
 * cross-origin isolated in development (e2e/dev-server.e2e.test.ts checks both editions).
 */
export const rendererConfig: UserConfig = {
  root,
  plugins: [react(), tailwindcss(), contentSecurityPolicy()],
  worker: { format: 'es' },
  server: { headers: isolationHeaders },
  build: { target: 'es2023' },
};

// The web edition: `npm run web` (dev server) and `npm run build:web` (static files in out/web).
export default defineConfig({
  ...rendererConfig,
  base: './',
  server: { ...rendererConfig.server, host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, headers: isolationHeaders },
  build: { ...rendererConfig.build, outDir: resolve(root, '../out/web'), emptyOutDir: true },
});
