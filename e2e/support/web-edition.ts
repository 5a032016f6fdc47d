import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { preview, type PreviewServer } from 'vite';

const ROOT = resolve(import.meta.dirname, '../..');
const BUILT = resolve(ROOT, 'out/web/index.html');

/**
 * Serves the built web edition (out/web) with the COOP/COEP headers of renderer/vite.config.ts
 * on a free port of 127.0.0.1.
 */
export async function serveWebEdition(): Promise<{ url: string; close(): Promise<void> }> {
  if (!existsSync(BUILT))
    throw new Error('The web edition is not built: run "npm run build:web" first (npm test does).');
  const server: PreviewServer = await preview({
    configFile: resolve(ROOT, 'renderer/vite.config.ts'),
    preview: { port: 0, strictPort: false, open: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The preview server did not report its address');
  return { url, close: () => server.close() };
}
