import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPlayground, pressToggle, waitForRunEnd } from './support/playground-page';
import { webEditionSuite } from './support/web-edition-suite';

/**
 * Projector sizes: the Playground's whole story — the place toggle, Start, both spinners, the
 * live verdict and the headline — is on one screen without scrolling, before a run, during one
 * and after both (with the results strip). A first visit, so the guide takes its room too.
 */
const suite = webEditionSuite();

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
] as const;

function stage(page: Page): Record<string, Locator> {
  return {
    'place toggle': page.getByRole('group', { name: 'Where the work runs' }),
    Start: page.getByRole('button', { name: 'Start' }),
    'JavaScript spinner': page.getByTestId('spinner-js'),
    'CSS spinner': page.getByTestId('spinner-css'),
    'live verdict': page.getByTestId('live-readout'),
    headline: page.getByTestId('headline'),
  };
}

/** Every named element lies wholly inside the viewport, and the page has not scrolled. */
async function expectOnScreen(page: Page, when: string, extra: Record<string, Locator> = {}): Promise<void> {
  const viewport = page.viewportSize();
  if (viewport === null) throw new Error('no viewport');
  expect(await page.evaluate(() => window.scrollY), `${when}: scrolled`).toBe(0);
  for (const [name, locator] of Object.entries({ ...stage(page), ...extra })) {
    const box = await locator.boundingBox();
    const where = `${when}, ${viewport.width}×${viewport.height}: ${name} at ${JSON.stringify(box)}`;
    expect(box, where).not.toBeNull();
    if (box === null) continue;
    expect(box.x, where).toBeGreaterThanOrEqual(0);
    expect(box.y, where).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, where).toBeLessThanOrEqual(viewport.width);
    expect(box.y + box.height, where).toBeLessThanOrEqual(viewport.height);
  }
}

describe('the Playground at projector sizes (Chromium, web edition)', () => {
  for (const viewport of SIZES) {
    it(`fits the story on one ${viewport.width}×${viewport.height} screen, before, during and after runs`, async () => {
      const { page, errors } = await openPlayground(suite.browser, suite.url, '?workload=mandelbrot&size=1s', {
        viewport,
      });
      expect(await page.getByTestId('guide').getAttribute('data-step')).toBe('main');
      // A first visit starts on the main thread.
      expect(await page.getByRole('button', { name: /^Main thread/ }).getAttribute('aria-pressed')).toBe('true');
      await expectOnScreen(page, 'before a run');

      await page.getByRole('button', { name: 'Start' }).click();
      const frozen = await waitForRunEnd(page);
      expect(frozen.phase).toBe('done');
      await expectOnScreen(page, 'after the main-thread run', { figure: page.getByTestId('headline-figure') });
      expect(await page.getByTestId('guide').getAttribute('data-step')).toBe('background');

      // Mid-run: the page answers during a Web Workers run, so its layout can be read then.
      await pressToggle(page, 'Background');
      await page.getByRole('button', { name: 'Start' }).click();
      await page.waitForSelector('[data-testid=run-status][data-phase=running]');
      await expectOnScreen(page, 'during a Web Workers run');
      await waitForRunEnd(page);

      const strip = page.getByTestId('results-strip');
      expect(await strip.getAttribute('data-count')).toBe('2');
      const entries = await strip.getByTestId('results-entry').allTextContents();
      expect(entries[0]).toMatch(/^Page main thread — frozen/);
      expect(entries[1]).toMatch(/^Web Workers — /);
      await expectOnScreen(page, 'after both runs', { 'results strip': strip });
      // Both steps done: the guide is gone, and remembered.
      expect(await page.getByTestId('guide').count()).toBe(0);
      expect(await page.evaluate(() => localStorage.getItem('unfreeze:playground-guide'))).toBe('done');
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('keeps the results until Clear, and a dismissed guide stays dismissed', async () => {
    const { page } = await openPlayground(suite.browser, suite.url, '?workload=primes&size=1s&place=web-worker');
    await page.getByRole('button', { name: 'Skip the guide' }).click();
    expect(await page.getByTestId('guide').count()).toBe(0);
    await page.getByRole('button', { name: 'Start' }).click();
    await waitForRunEnd(page);
    expect(await page.getByTestId('results-strip').getAttribute('data-count')).toBe('1');
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    expect(await page.getByTestId('results-strip').getAttribute('data-count')).toBe('0');
    await page.reload();
    await page.getByRole('button', { name: 'Start' }).waitFor();
    expect(await page.getByTestId('guide').count()).toBe(0);
    // A returning visitor starts in the background.
    expect(await page.getByRole('button', { name: /^Background/ }).getAttribute('aria-pressed')).toBe('true');
    await page.close();
  });
});
