import { describe, expect, it } from 'vitest';
import { webEditionSuite } from './support/web-edition-suite';
import {
  chapterCount,
  chapterIdOf,
  cutOffCode,
  runChapter,
  SLOW_CHAPTERS,
  smallText,
  type SmallText,
} from './support/workshop-chapters';

/**
 * Projector type, measured: in presenter mode at 1280×720 no visible text in any chapter is
 * under 20 px — HTML text by its computed font-size, SVG text (the wait-for diagram) as scaled
 * on screen, canvas text (lanes, charts, timelines) by the size each canvas reports drawing at —
 * and no code line is cut off at the right. Each chapter is measured after its run (the results,
 * tables and diagrams are the text that matters), the payload sweep before it (too long a run).
 * Normal mode keeps content text at 14 px or more.
 */
const PRESENTER_MIN_PX = 20;
const NORMAL_MIN_PX = 14;

const suite = webEditionSuite();

const describeSmall = (id: string, found: readonly SmallText[]) =>
  found.map((s) => `${id}: ${s.px} px ${s.where} “${s.text}”`);

describe('presenter type', () => {
  it('has no text under 20 px in presenter mode (and none under 14 px in normal mode) in any chapter', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${suite.url}?screen=workshop&presenter=1`);
    await page.waitForSelector('[data-testid=workshop][data-presenter=on]');
    const total = await chapterCount(page);
    expect(total).toBeGreaterThanOrEqual(10);

    const small: string[] = [];
    const cut: string[] = [];
    for (let i = 0; i < total; i++) {
      const id = await chapterIdOf(page);
      if (!SLOW_CHAPTERS.has(id)) await runChapter(page);
      small.push(...describeSmall(id, await smallText(page, '[data-testid=workshop]', PRESENTER_MIN_PX)));
      cut.push(...(await cutOffCode(page)).map((c) => `${id}: ${c}`));

      // The same chapter, as a laptop shows it: the chapter itself (not the app's header) ≥ 14 px.
      await page.keyboard.press('p');
      await page.waitForSelector('[data-testid=workshop][data-presenter=off]');
      small.push(...describeSmall(`${id} (normal)`, await smallText(page, '[data-testid=chapter]', NORMAL_MIN_PX)));
      await page.keyboard.press('p');
      await page.waitForSelector('[data-testid=workshop][data-presenter=on]');

      if (i < total - 1) {
        await page.keyboard.press('ArrowRight');
        await page.waitForFunction(
          (prev) => document.querySelector('[data-testid=chapter]')?.getAttribute('data-chapter') !== prev,
          id,
        );
      }
    }
    expect(small).toEqual([]);
    expect(cut).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 600_000);

  it('catches small text: a 12 px caption added to the stage is reported', async () => {
    // The measurement itself can fail: text that is too small is found, not waved through.
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${suite.url}?screen=workshop&presenter=1`);
    await page.waitForSelector('[data-testid=workshop][data-presenter=on]');
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'tiny caption';
      p.style.fontSize = '12px';
      document.querySelector('[data-testid=chapter-stage]')?.append(p);
      const c = document.createElement('canvas');
      c.width = c.height = 50;
      c.style.width = c.style.height = '50px';
      document.querySelector('[data-testid=chapter-stage]')?.append(c);
    });
    const found = await smallText(page, '[data-testid=workshop]', PRESENTER_MIN_PX);
    expect(found.map((f) => f.text)).toEqual(['tiny caption', '(canvas text)']);
    await page.close();
  });
});
