import type { Page } from 'playwright-core';

/**
 * Helpers for the workshop's layout and type e2e tests: walk the chapters, run one, and read
 * what the page shows (boxes against the viewport, the sizes of visible text).
 */

/** Chapters whose run is too long to repeat in a layout test (a sweep of payloads up to 64 MiB). */
export const SLOW_CHAPTERS: ReadonlySet<string> = new Set(['data-cost']);

export const chapterIdOf = async (page: Page): Promise<string> =>
  (await page.getByTestId('chapter').getAttribute('data-chapter')) ?? '';

/** How many chapters there are ("Chapter 3 of 12" on every chapter, in either mode). */
export async function chapterCount(page: Page): Promise<number> {
  const eyebrow = (await page.getByTestId('chapter').locator('header p').first().textContent()) ?? '';
  return Number(/of (\d+)/.exec(eyebrow)?.[1] ?? 0);
}

/** Clicks Run and waits until the chapter shows an outcome newer than the one before. */
export async function runChapter(page: Page, timeoutMs = 60_000): Promise<string> {
  const before = await page.getByTestId('measured').getAttribute('data-at');
  await page.getByTestId('run-chapter').click();
  await waitForNewOutcome(page, before, timeoutMs);
  return (await page.getByTestId('measured').textContent()) ?? '';
}

/**
 * Waits until the chapter has stopped running and shows an outcome other than `before` (the
 * `data-at` of the one shown before the run), for a test that starts the run its own way.
 */
export async function waitForNewOutcome(page: Page, before: string | null, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    (prev) => {
      const m = document.querySelector('[data-testid=measured]');
      return (
        document.querySelector('[data-testid=chapter]')?.getAttribute('data-running') === 'false' &&
        m?.getAttribute('data-at') != null &&
        m.getAttribute('data-at') !== prev
      );
    },
    before,
    { timeout: timeoutMs },
  );
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Where an element is, in the viewport, without scrolling anything (null when not rendered). */
export async function boxOf(page: Page, testId: string): Promise<Box | null> {
  return page.evaluate((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, testId);
}

/** Whether a box lies wholly inside a viewport of this size (and is not empty). */
export function inViewport(box: Box | null, size: { width: number; height: number }): boolean {
  return (
    box !== null &&
    box.width > 0 &&
    box.height > 0 &&
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= size.width + 0.5 &&
    box.y + box.height <= size.height + 0.5
  );
}

export interface SmallText {
  readonly text: string;
  readonly px: number;
  readonly where: string;
}

/**
 * Every piece of rendered text inside `selector` smaller than `minPx`, scrolled into view or not:
 * text nodes by their element's computed font-size (SVG text scaled by its screen transform),
 * and canvases by the size they report drawing at (`data-canvas-font-px` on the canvas or an
 * ancestor — a canvas that reports nothing counts as too small, since nobody can tell).
 * Screen-reader-only text (clipped to 1 px) is left out: nobody sees it.
 */
export async function smallText(page: Page, selector: string, minPx: number): Promise<SmallText[]> {
  return page.evaluate(
    ({ selector, minPx }) => {
      const root = document.querySelector(selector);
      if (!root) return [{ text: `(no ${selector})`, px: 0, where: '' }];
      const out: { text: string; px: number; where: string }[] = [];
      const label = (el: Element) =>
        `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}`;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = (node.textContent ?? '').trim();
        const el = node.parentElement;
        if (!text || !el) continue;
        if (!el.checkVisibility({ opacityProperty: false, visibilityProperty: true })) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const rects = Array.from(range.getClientRects()).filter((r) => r.width > 1 && r.height > 1);
        if (rects.length === 0) continue;
        let px = parseFloat(getComputedStyle(el).fontSize);
        if (el instanceof SVGElement) {
          const ctm = (el.closest('text') as SVGGraphicsElement | null)?.getScreenCTM();
          if (ctm) px *= Math.hypot(ctm.a, ctm.b);
        }
        if (px < minPx - 0.01) out.push({ text: text.slice(0, 60), px: Math.round(px * 10) / 10, where: label(el) });
      }
      for (const canvas of Array.from(root.querySelectorAll('canvas'))) {
        const r = canvas.getBoundingClientRect();
        if (r.width < 2 || r.height < 2 || !canvas.checkVisibility()) continue;
        const reported = canvas.closest('[data-canvas-font-px]')?.getAttribute('data-canvas-font-px');
        const px = reported == null ? 0 : Number(reported);
        if (!(px >= minPx)) out.push({ text: '(canvas text)', px, where: label(canvas.parentElement ?? canvas) });
      }
      return out;
    },
    { selector, minPx },
  );
}

/** Code panes whose lines run past their right edge (they should wrap instead). */
export async function cutOffCode(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-testid=chapter-source]'))
      .filter((fig) => {
        const pre = fig.querySelector('pre');
        return pre !== null && pre.scrollWidth > pre.clientWidth + 1;
      })
      .map((fig) => fig.querySelector('figcaption')?.textContent ?? '?'),
  );
}
