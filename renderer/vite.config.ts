import type { IncomingMessage, ServerResponse } from 'node:http';
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

/**
 * The web Compare's panes are documents of *another site* than the page (shared/compare/pane-sites.ts:
 * `left.localhost` and `right.localhost`, which this same server answers), so that Chromium gives
 * each its own renderer process. Under the page's COEP require-corp, a document of another site may
 * only be framed if it says so: `Cross-Origin-Resource-Policy: cross-origin`. Only the pane
 * documents (`?…&pane=left|right`) say it; every other file stays same-origin by default.
 */
export const PANE_DOCUMENT_HEADERS = { 'Cross-Origin-Resource-Policy': 'cross-origin' } as const;

export function isPaneDocumentRequest(url: string | undefined): boolean {
  const query = url?.split('?')[1];
  return query !== undefined && new URLSearchParams(query).has('pane');
}

export function comparePaneHeaders(): Plugin {
  const middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (isPaneDocumentRequest(req.url)) {
      for (const [name, value] of Object.entries(PANE_DOCUMENT_HEADERS)) res.setHeader(name, value);
    }
    next();
  };
  return {
    name: 'unfreeze-compare-pane-headers',
    configureServer: (server) => void server.middlewares.use(middleware),
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
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
// The dev and preview servers answer on 127.0.0.1; the panes' names (*.localhost) reach the same
// server, since browsers resolve them to this computer, and Vite allows them by default.
export default defineConfig({
  ...rendererConfig,
  plugins: [...(rendererConfig.plugins ?? []), comparePaneHeaders()],
  base: './',
  server: { ...rendererConfig.server, host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, headers: isolationHeaders },
  build: { ...rendererConfig.build, outDir: resolve(root, '../out/web'), emptyOutDir: true },
});
