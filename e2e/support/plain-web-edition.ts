import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { preview } from 'vite';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Serves the built web edition (out/web) *without* the COOP/COEP headers — a page that is not
 * cross-origin isolated, as on a plain static host — to check what needs isolation says so.
 */
export async function servePlainWebEdition(): Promise<{ url: string; close(): Promise<void> }> {
  if (!existsSync(resolve(ROOT, 'out/web/index.html')))
    throw new Error('The web edition is not built: run "npm run build:web" first (npm test does).');
  const server = await preview({
    configFile: false,
    root: resolve(ROOT, 'renderer'),
    build: { outDir: resolve(ROOT, 'out/web') },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The preview server did not report its address');
  return { url, close: () => server.close() };
}
