import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { createServer, mergeConfig, type InlineConfig, type ViteDevServer } from 'vite';
import { resolveConfig } from 'electron-vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium';

/**
 * The dev servers, as `npm start` and `npm run web` start them, in Chromium: the page must be
 * cross-origin isolated there too (or the lab's shared memory is missing while developing), and
 * the app must render under the development CSP. For `npm start` the renderer's options come from
 * electron-vite itself, resolved from electron.vite.config.ts exactly as its dev command does;
 * only the port is changed, so the test never collides with a running dev server.
 */
const ROOT = resolve(import.meta.dirname, '..');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const anyPort = { server: { port: 0, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' } as const;

async function electronViteRendererConfig(): Promise<InlineConfig> {
  const resolved = await resolveConfig({ root: ROOT, logLevel: 'warn' }, 'serve', 'development');
  const renderer = resolved.config?.renderer;
  if (!renderer) throw new Error('electron.vite.config.ts has no renderer part');
  return mergeConfig(renderer, anyPort);
}

async function openDevServer(config: InlineConfig) {
  const server: ViteDevServer = await createServer(config);
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the dev server did not report its address');
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) errors.push(message.text());
  });
  try {
    await page.goto(url);
    await page.locator('nav[aria-label="Screens"]').waitFor({ timeout: 60_000 });
    return {
      isolated: await page.evaluate(() => crossOriginIsolated),
      sharedMemory: await page.evaluate(() => typeof SharedArrayBuffer === 'function'),
      errors,
    };
  } finally {
    await page.close();
    await server.close();
  }
}

describe('dev servers', () => {
  it('npm start: electron-vite’s renderer dev server sends COOP/COEP and the app renders', async () => {
    const result = await openDevServer(await electronViteRendererConfig());
    expect(result).toEqual({ isolated: true, sharedMemory: true, errors: [] });
  });

  it('npm run web: the web edition’s dev server does the same', async () => {
    const config = mergeConfig({ configFile: resolve(ROOT, 'renderer/vite.config.ts') }, anyPort);
    expect(await openDevServer(config)).toEqual({ isolated: true, sharedMemory: true, errors: [] });
  });
});
