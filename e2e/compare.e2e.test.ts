import path from 'node:path';
import type { ElectronApplication, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../electron/dev/electron-binary.mjs';
import { buildAndLaunchElectron } from './support/electron-app';
import { webEditionSuite } from './support/web-edition-suite';

/**
 * Compare mode. The web edition's honest equivalent runs here in Chromium: two same-origin frames
 * share one main thread, so a freeze in one pane freezes the other too — measured. The desktop
 * app's real thing (two WebContentsViews, two renderer processes) runs under Electron wherever its
 * binary exists, and is reported skipped, with the reason, elsewhere.
 */

const root = path.resolve(import.meta.dirname, '..');

async function summaryFigure(page: Page, key: string): Promise<{ left: number; right: number }> {
  const row = page.getByTestId(`summary-${key}`);
  return { left: Number(await row.getAttribute('data-left')), right: Number(await row.getAttribute('data-right')) };
}

describe('compare mode, web edition', () => {
  const suite = webEditionSuite();

  it('shows that two same-origin frames share one main thread: a freeze in one freezes both', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${suite.url}?screen=compare`);
    expect(await page.getByTestId('web-compare-note').textContent()).toMatch(/share the page’s one main thread/);
    // Only the places a page has are offered.
    expect(await page.getByTestId('compare-right-place').locator('option').allTextContents()).toEqual([
      'Page main thread',
      'Main thread, sliced',
      'Web Workers',
    ]);
    await page.getByTestId('compare-start').and(page.locator(':not([disabled])')).waitFor({ timeout: 30_000 });
    await page.getByTestId('compare-start').click();
    await page.getByTestId('compare-verdict').waitFor({ timeout: 60_000 });

    const gap = await summaryFigure(page, 'worstGap');
    // The left pane blocked the shared thread for most of a ~1 s run…
    expect(gap.left).toBeGreaterThan(300);
    // …and the right pane, whose work ran in Web Workers, stopped drawing for as long, or could not start on time.
    const skew = Number(await page.getByTestId('start-skew').getAttribute('data-ms'));
    expect(Math.max(gap.right, skew)).toBeGreaterThan(0.5 * gap.left);
    expect(await page.getByTestId('compare-verdict').textContent()).toMatch(/^Both panes froze/);
    // Each pane kept its own meters and figures.
    for (const pane of ['left', 'right']) {
      const frame = page.frameLocator(`[data-testid=frame-${pane}]`);
      await frame.getByTestId('pane-result').waitFor();
      expect(await frame.getByTestId('pane-status').textContent()).toBe('Done.');
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});

const binary = findElectronBinary();
const skipReason = binary.found ? '' : `Electron compare-mode tests skipped: ${binary.reason}`;
if (!binary.found) console.warn(skipReason);

describe.skipIf(!binary.found)(`compare mode under Electron${binary.found ? '' : ` (skipped: ${skipReason})`}`, () => {
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    ({ app, page } = await buildAndLaunchElectron(root, binary.found ? binary.path : ''));
    await page.getByRole('link', { name: 'Compare' }).click();
  }, 360_000);

  afterAll(async () => {
    await app?.close();
  });

  async function pane(which: 'left' | 'right'): Promise<Page> {
    for (let i = 0; i < 100; i++) {
      const found = app
        .context()
        .pages()
        .find((p) => p.url().includes(`pane=${which}`));
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the ${which} pane never appeared`);
  }

  async function compare(left: string, right: string): Promise<Page> {
    await page.getByTestId('compare-left-place').selectOption(left);
    await page.getByTestId('compare-right-place').selectOption(right);
    await page.getByRole('button', { name: /compare window/ }).click();
    for (const which of ['left', 'right'] as const) {
      const p = await pane(which);
      await p.getByTestId('pane-status').filter({ hasText: 'Ready' }).waitFor({ timeout: 30_000 });
    }
    await page.getByTestId('compare-start').click();
    await page.getByTestId('compare-verdict').waitFor({ timeout: 60_000 });
    return page;
  }

  it('opens one window with two panes, each its own renderer process', async () => {
    await compare('renderer-main', 'web-worker');
    const pids = await app.evaluate(({ webContents }) =>
      webContents
        .getAllWebContents()
        .filter((w) => w.getURL().includes('pane='))
        .map((w) => w.getOSProcessId()),
    );
    expect(pids).toHaveLength(2);
    expect(new Set(pids).size).toBe(2);
  });

  it('freezes only the main-thread pane: the other keeps drawing', async () => {
    await compare('renderer-main', 'web-worker');
    const gap = await summaryFigure(page, 'worstGap');
    expect(gap.left).toBeGreaterThan(500);
    expect(gap.right).toBeLessThan(200);
    expect(Number(await page.getByTestId('start-skew').getAttribute('data-ms'))).toBeLessThan(50);
  });

  it('freezes both panes through the main process, and says why', async () => {
    await page.getByTestId('compare-left-place').selectOption('main-process');
    expect(await page.getByTestId('compare-main-process-note').textContent()).toContain('this freezes both panes');
    await compare('main-process', 'web-worker');
    const stall = await summaryFigure(page, 'mainStall');
    expect(stall.left).toBeGreaterThan(500);
    expect(stall.right).toBeGreaterThan(500);
  });
});
