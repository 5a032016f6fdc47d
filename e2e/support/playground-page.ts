import type { Browser, Page } from 'playwright-core';

export interface RunFigures {
  readonly phase: string;
  readonly status: string;
  readonly elapsedMs: number;
  readonly worstGapMs: number;
  readonly framesOver50: number;
  readonly inputP95Ms: number;
  readonly inputCount: number;
  readonly sentence: string;
}

/** Opens the Playground and collects page errors, so a test can assert there were none. */
export async function openPlayground(
  browser: Browser,
  baseUrl: string,
  query = '',
  options: Parameters<Browser['newPage']>[0] = {},
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, ...options });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(baseUrl + query);
  // The size presets are calibrated shortly after load; Start is enabled once they are.
  await page.getByRole('button', { name: 'Start' }).waitFor();
  await page.waitForFunction(
    () => !document.querySelector<HTMLButtonElement>('button:not([disabled])')?.textContent?.includes('Measuring'),
  );
  await page.waitForSelector('[data-testid=preset-note]:not(:has-text("Measuring"))');
  return { page, errors };
}

/**
 * Opens the place toggle's expansion (all six places, workload, size) if it is closed: its
 * radios are not on the page until then.
 */
export async function showAllChoices(page: Page): Promise<void> {
  const more = page.getByTestId('more-places');
  if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
}

/** Picks one of the six places by its radio, opening the expansion first. */
export async function choosePlace(page: Page, label: RegExp): Promise<void> {
  await showAllChoices(page);
  await page.getByRole('radio', { name: label }).check();
}

/** Presses one half of the big place toggle, as a presenter does. */
export async function pressToggle(page: Page, half: 'Main thread' | 'Background'): Promise<void> {
  const button = page.getByRole('button', { name: new RegExp(`^${half}`) });
  await button.click();
  if ((await button.getAttribute('aria-pressed')) !== 'true') throw new Error(`${half} did not stay pressed`);
}

/** Resolves as soon as the run's status shows that it ended (done, cancelled or failed). */
export async function waitForRunPhaseEnd(page: Page, timeoutMs = 90_000): Promise<void> {
  await page.waitForSelector(
    '[data-testid=run-status][data-phase=done], [data-testid=run-status][data-phase=cancelled], ' +
      '[data-testid=run-status][data-phase=failed]',
    { timeout: timeoutMs },
  );
}

export async function waitForRunEnd(page: Page, timeoutMs = 90_000): Promise<RunFigures> {
  await waitForRunPhaseEnd(page, timeoutMs);
  await page.getByTestId('freeze-sentence').waitFor({ timeout: 10_000 });
  return readFigures(page);
}

export async function readFigures(page: Page): Promise<RunFigures> {
  // Locators rather than one page.evaluate: tsx rewrites named functions inside evaluated code.
  const attr = async (id: string, name: string) => (await page.getByTestId(id).getAttribute(name)) ?? '';
  const num = async (id: string, name: string) => Number((await attr(id, name)) || NaN);
  return {
    phase: await attr('run-status', 'data-phase'),
    status: (await page.getByTestId('run-status').textContent()) ?? '',
    elapsedMs: await num('elapsed', 'data-ms'),
    worstGapMs: await num('worst-gap', 'data-ms'),
    framesOver50: await num('frames-over-50', 'data-count'),
    inputP95Ms: await num('input-p95', 'data-ms'),
    inputCount: await num('input-p95', 'data-count'),
    sentence: (await page.getByTestId('freeze-sentence').textContent()) ?? '',
  };
}

/**
 * Clicks the click counter every `everyMs` while a run goes on, without waiting for each click
 * to be handled: during a freeze the clicks queue up, which is what Event Timing measures.
 */
export async function clickDuringRun(page: Page, everyMs: number, untilMs: number): Promise<number> {
  const box = await page.getByTestId('click-counter').boundingBox();
  if (!box) throw new Error('The click counter is not on screen');
  const pending: Promise<void>[] = [];
  const end = Date.now() + untilMs;
  while (Date.now() < end) {
    pending.push(page.mouse.click(box.x + box.width / 2, box.y + box.height / 2));
    await new Promise((r) => setTimeout(r, everyMs));
  }
  await Promise.all(pending);
  return pending.length;
}
