import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENS } from '../shared/screens';
import { APP_RESPONSE_HEADERS } from '../electron/main/app-files';
import { metaContentSecurityPolicy } from '../shared/security/content-security-policy';
import { launchChromium } from './support/chromium';

/**
 * The built app under its production Content-Security-Policy: the <meta> tag of the build and the
 * desktop app's own response headers (app-files.ts) both apply, as in the packaged app. Every
 * screen must open, styled, with no violation reported. The one directive left out of the header
 * is frame-ancestors 'none': this web build's Compare screen frames itself (the desktop app uses
 * WebContentsViews instead), so the header carries the same policy without it.
 */
const ROOT = resolve(import.meta.dirname, '..');
let server: PreviewServer;
let browser: Browser;
let url: string;

beforeAll(async () => {
  server = await preview({
    configFile: resolve(ROOT, 'renderer/vite.config.ts'),
    preview: {
      port: 0,
      strictPort: false,
      open: false,
      headers: { ...APP_RESPONSE_HEADERS, 'Content-Security-Policy': metaContentSecurityPolicy('production') },
    },
    logLevel: 'warn',
  });
  url = server.resolvedUrls?.local[0] ?? '';
  if (!url) throw new Error('The preview server did not report its address');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Violation {
  directive: string;
  blocked: string;
  source: string;
}

/** A page that records every CSP violation from before its first script runs. */
async function watchedPage(): Promise<{ page: Page; violations: () => Promise<Violation[]>; console: string[] }> {
  const page = await browser.newPage();
  const messages: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) messages.push(message.text());
  });
  await page.addInitScript(() => {
    const store: Violation[] = [];
    (globalThis as unknown as { cspViolations: Violation[] }).cspViolations = store;
    document.addEventListener('securitypolicyviolation', (event) => {
      store.push({ directive: event.violatedDirective, blocked: event.blockedURI, source: event.sourceFile });
    });
  });
  const violations = () => page.evaluate(() => (globalThis as unknown as { cspViolations: Violation[] }).cspViolations);
  return { page, violations, console: messages };
}

describe('the production Content-Security-Policy', () => {
  it('is what the built page and the response both carry', async () => {
    const response = await fetch(url);
    expect(response.headers.get('content-security-policy')).toBe(metaContentSecurityPolicy('production'));
    expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    const html = await response.text();
    expect(html).toContain(`content="${metaContentSecurityPolicy('production')}"`);
  });

  it('lets every screen open, styled and cross-origin isolated, with no violation', async () => {
    const { page, violations, console } = await watchedPage();
    for (const screen of SCREENS) {
      await page.goto(`${url}?screen=${screen.id}`);
      // The menu's deep link opens that very screen: its tab is the current one.
      const current = page.locator('nav[aria-label="Screens"] a[aria-current="page"]');
      await current.waitFor();
      expect(await current.textContent(), screen.id).toBe(screen.label);
      // Styled: Tailwind's stylesheet applies (a flex row with a bottom border), not the browser's defaults.
      const style = await page.evaluate(() => {
        const nav = document.querySelector('nav[aria-label="Screens"]');
        const computed = nav ? getComputedStyle(nav) : null;
        return { display: computed?.display, border: computed?.borderBottomWidth };
      });
      expect(style, screen.id).toEqual({ display: 'flex', border: '1px' });
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
      // Let lazy chunks, workers and the screen's first effects run before asking.
      await page.waitForTimeout(500);
      expect(await violations(), screen.id).toEqual([]);
    }
    expect(console).toEqual([]);
    await page.close();
  });

  it('still runs the work the app exists for: a run in Web Workers finishes', async () => {
    const { page, violations } = await watchedPage();
    await page.goto(`${url}?place=web-worker&workload=primes&size=1s&autorun=1`);
    await page.waitForSelector('[data-testid=run-status][data-phase=done]', { timeout: 60_000 });
    expect(await violations()).toEqual([]);
    await page.close();
  });
});
