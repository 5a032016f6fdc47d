import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { webEditionSuite } from './support/web-edition-suite';
import { runChapter } from './support/workshop-chapters';

/**
 * A demo with variants keeps the broken case next to the fixed one once both ran: the lock
 * chapter's two histograms, the deadlock chapter's lanes per variant with the wait-for diagram
 * beside the deadlocked run only.
 */
const suite = webEditionSuite();

/** Pixels with ink on a canvas: lanes that were drawn, not cleared by the next variant. */
const inked = (canvas: Locator) =>
  canvas.evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) n++;
    return n;
  });

describe('lab chapters keep every variant on screen', () => {
  it('shows “Without a lock” beside “With a lock” after the lock chapter runs', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${suite.url}?screen=workshop&chapter=lock&presenter=1`);
    await page.getByTestId('chapter').waitFor();
    await runChapter(page);
    const histograms = page.getByTestId('balance-histogram');
    expect(await histograms.evaluateAll((els) => els.map((e) => e.getAttribute('data-variant')))).toEqual([
      'Without a lock',
      'With a lock',
    ]);
    const captions = await histograms.locator('figcaption').allTextContents();
    expect(captions.every((c) => /over 20 of 20 runs/.test(c))).toBe(true);
    // Without a lock some run ended away from 150; with it every one of the 20 ended at 150.
    const bars = (variant: string) =>
      page
        .locator(`[data-testid=balance-histogram][data-variant="${variant}"] [role=listitem]`)
        .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect((await bars('Without a lock')).some((l) => !l.startsWith('150:') && !l.endsWith(': 0 runs'))).toBe(true);
    expect(await bars('With a lock')).toEqual(['150: 20 runs']);
    await page.close();
  });

  it('keeps the deadlocked lanes and their diagram next to the ordered and the re-entrant run', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${suite.url}?screen=workshop&chapter=deadlock&presenter=1`);
    await page.getByTestId('chapter').waitFor();
    await runChapter(page);
    for (const id of ['opposite', 'ordered', 'reentrant']) {
      const block = page.getByTestId(`variant-lanes-${id}`);
      expect(await inked(block.getByTestId('lab-lanes')), `${id} lanes still drawn`).toBeGreaterThan(1000);
      expect(await block.getByTestId('wait-cycle').count(), `${id} diagram`).toBe(id === 'opposite' ? 1 : 0);
    }
    expect(await page.getByTestId('variant-lanes-opposite').getByTestId('wait-cycle').textContent()).toMatch(
      /Deadlock detected/,
    );
    await page.close();
  });
});
