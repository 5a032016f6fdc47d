import type { Browser, Frame, Page } from 'playwright-core';

/** The web Compare screen, with every page error and console error of the page and its pane frames collected. */
export async function openCompare(
  browser: Browser,
  url: string,
  viewport: { readonly width: number; readonly height: number },
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${url}?screen=compare`);
  return { page, errors };
}

/** Start is enabled once the calibration ran and both pane frames said they are ready. */
export async function waitForPanes(page: Page): Promise<void> {
  await page.getByTestId('compare-start').and(page.locator(':not([disabled])')).waitFor({ timeout: 60_000 });
}

/** The frame of a pane: its own document, whichever site it came from. */
export function paneFrame(page: Page, pane: 'left' | 'right'): Frame {
  const frame = page.frames().find((f) => new URL(f.url()).searchParams.get('pane') === pane);
  if (!frame) throw new Error(`the ${pane} pane's frame is not there`);
  return frame;
}

export async function summaryRow(
  page: Page,
  key: string,
): Promise<{ left: number; right: number; toneLeft: string; toneRight: string }> {
  const row = page.getByTestId(`summary-${key}`);
  const [left, right, toneLeft, toneRight] = await Promise.all(
    ['data-left', 'data-right', 'data-tone-left', 'data-tone-right'].map(
      async (a) => (await row.getAttribute(a)) ?? '',
    ),
  );
  return { left: Number(left), right: Number(right), toneLeft: toneLeft ?? '', toneRight: toneRight ?? '' };
}

/**
 * Installs the test's own frame logger in a frame, independent of the app's meters: the epoch
 * time of every animation frame from now on.
 */
export async function logFrames(frame: Frame): Promise<void> {
  await frame.evaluate(() => {
    const times: number[] = [];
    (globalThis as unknown as { testFrames: number[] }).testFrames = times;
    const tick = (t: number) => {
      times.push(performance.timeOrigin + t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

export async function loggedFrames(frame: Frame): Promise<number[]> {
  return frame.evaluate(() => (globalThis as unknown as { testFrames: number[] }).testFrames.slice());
}

/** The longest gap between two logged frames: where that frame's thread was blocked. */
export function longestGap(times: readonly number[]): { fromMs: number; toMs: number } {
  let best = { fromMs: 0, toMs: 0 };
  for (let i = 1; i < times.length; i++) {
    const from = times[i - 1] ?? 0;
    const to = times[i] ?? 0;
    if (to - from > best.toMs - best.fromMs) best = { fromMs: from, toMs: to };
  }
  return best;
}

/** Visible text under `root` set smaller than `minPx` (CSS pixels), as "12px: the text". */
export async function smallText(frame: Frame | Page, root: string, minPx: number): Promise<string[]> {
  return frame.evaluate(
    ([selector, min]) => {
      const small: string[] = [];
      const base = document.querySelector(selector);
      if (!base) return [`no ${selector}`];
      const walker = document.createTreeWalker(base, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? '';
        const el = node.parentElement;
        if (!text || !el) continue;
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        // Not drawn, or visually hidden for screen readers only (the 1 px sr-only box).
        if (box.width <= 1 || box.height <= 1 || style.visibility === 'hidden') continue;
        const size = parseFloat(style.fontSize);
        if (size < min) small.push(`${size}px: ${text.slice(0, 60)}`);
      }
      return small;
    },
    [root, minPx] as const,
  );
}

/** The test ids whose element is not wholly inside the viewport as the page opens (no scrolling). */
export async function offScreen(page: Page, testIds: readonly string[]): Promise<string[]> {
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('the page has no viewport size');
  const out: string[] = [];
  for (const id of testIds) {
    const box = await page.getByTestId(id).boundingBox();
    const inside =
      box !== null &&
      box.x >= 0 &&
      box.y >= 0 &&
      box.x + box.width <= viewport.width &&
      box.y + box.height <= viewport.height;
    if (!inside) out.push(`${id}: ${JSON.stringify(box)} in ${viewport.width}×${viewport.height}`);
  }
  return out;
}
