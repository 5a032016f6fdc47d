import type { Page } from 'playwright-core';
import { showAllChoices, waitForRunEnd, type RunFigures } from './playground-page';

/** The Playground's labels for the three places of the main side. */
export const HOST_PLACE_RADIO = {
  'main-process': /Electron main process/,
  'worker-thread': /Worker threads/,
  'utility-process': /Utility processes/,
} as const;

export type PlaygroundWorkloadTitle = 'Mandelbrot' | 'Prime counting';

/** Waits until the Playground has calibrated its size presets and Start can be pressed. */
export async function waitForPlayground(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
  await page.waitForSelector('[data-testid=preset-note]:not(:has-text("Measuring"))');
}

/** Starts a run as a user does, and returns as soon as the page shows it running. */
export async function startRun(
  page: Page,
  place: keyof typeof HOST_PLACE_RADIO,
  workload: PlaygroundWorkloadTitle,
  size: '≈1 s' | '≈3 s',
): Promise<void> {
  // Workload, size and the six places sit in the place toggle's expansion.
  await showAllChoices(page);
  await page.getByRole('radio', { name: workload, exact: true }).click();
  await page.getByRole('radio', { name: size, exact: true }).click();
  await page.getByRole('radio', { name: HOST_PLACE_RADIO[place] }).check();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  // The previous run's "done" must not pass for this one's.
  await page.waitForSelector(
    '[data-testid=run-status][data-phase=starting], [data-testid=run-status][data-phase=running]',
  );
}

/** A whole run: start, wait for its end; the figures the page shows. */
export async function runOnce(
  page: Page,
  place: keyof typeof HOST_PLACE_RADIO,
  workload: PlaygroundWorkloadTitle,
  size: '≈1 s' | '≈3 s',
): Promise<RunFigures> {
  await startRun(page, place, workload, size);
  return waitForRunEnd(page);
}

/** The main-process card's sentence about the last run, and the worst ping behind it. */
export async function mainStallVerdict(page: Page): Promise<{ sentence: string; worstPingMs: number }> {
  const verdict = page.locator('[data-testid=main-stall-sentence][data-ms]');
  await verdict.waitFor({ timeout: 15_000 });
  return {
    sentence: (await verdict.textContent()) ?? '',
    worstPingMs: Number(await verdict.getAttribute('data-ms')),
  };
}

export interface ProcessRowText {
  readonly kind: string;
  readonly name: string;
  readonly pid: number;
}

/** The rows of the process table, as shown. */
export async function processTableRows(page: Page): Promise<ProcessRowText[]> {
  const rows = await page
    .getByTestId('process-table')
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = tr.querySelectorAll('th, td');
        return [cells[0]?.textContent ?? '', cells[1]?.textContent ?? '', cells[2]?.textContent ?? ''];
      }),
    );
  return rows.map(([kind = '', name = '', pid = '']) => ({ kind, name, pid: Number(pid) }));
}

/** Workers started to replace broken ones, per the pool's card ("… · 2 replaced"). */
export async function replacedIn(page: Page, place: 'worker-thread' | 'utility-process'): Promise<number> {
  const text = (await page.getByTestId(`pool-${place}`).textContent()) ?? '';
  const match = /(\d+) replaced/.exec(text);
  if (!match) throw new Error(`The ${place} pool card shows no replacement count: ${text}`);
  return Number(match[1]);
}

/** The prime-counting limit the Playground's "≈1 s" means on this computer (its preset note). */
export async function primesLimitFor1s(page: Page): Promise<number> {
  await showAllChoices(page);
  await page.getByRole('radio', { name: 'Prime counting', exact: true }).click();
  await page.getByRole('radio', { name: '≈1 s', exact: true }).click();
  const note = (await page.getByTestId('preset-note').textContent()) ?? '';
  const match = /primes up to ([\d,]+)/.exec(note);
  if (!match?.[1]) throw new Error(`The preset note names no limit: ${note}`);
  return Number(match[1].replaceAll(',', ''));
}
