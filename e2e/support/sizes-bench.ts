import type { Page } from 'playwright-core';
import { choosePlace, showAllChoices, type RunFigures } from './playground-page';

/**
 * Honest sizes: the Playground's "≈1 s", "≈3 s" and "≈10 s" Mandelbrot in each renderer place,
 * requested vs measured. A preset counts one thread's seconds, so a pool of n Web Workers should
 * take 1/n of it. Each size runs twice per place: the first run may miss and re-calibrate the
 * place (renderer/src/playground/place-factors.ts), the second shows the result. "≈10 s" runs
 * once per place, after the smaller sizes have taught the factors: it keeps the bench bounded.
 */
export interface SizeRow {
  readonly seconds: number;
  readonly place: string;
  readonly expectedMs: number;
  /** Wall time of each run, in order. */
  readonly measuredMs: readonly number[];
  /** The last run against the expectation: within ±10 %? */
  readonly met: boolean;
}

export interface SizesBenchOptions {
  readonly sizes: readonly number[];
  readonly places: readonly { readonly place: string; readonly radio: RegExp }[];
  readonly workers: number;
  readonly run: (page: Page) => Promise<RunFigures>;
}

export async function runSizesBench(page: Page, options: SizesBenchOptions): Promise<SizeRow[]> {
  const rows: SizeRow[] = [];
  for (const seconds of options.sizes) {
    // The size choice sits in the place toggle's expansion.
    await showAllChoices(page);
    await page
      .getByRole('radiogroup', { name: 'Size' })
      .getByRole('radio', { name: `≈${seconds} s` })
      .click();
    for (const { place, radio } of options.places) {
      await choosePlace(page, radio);
      const measuredMs: number[] = [];
      for (let i = 0; i < (seconds >= 10 ? 1 : 2); i++) {
        const figures = await options.run(page);
        if (figures.phase !== 'done') throw new Error(`${place} ≈${seconds} s ended "${figures.phase}"`);
        measuredMs.push(figures.elapsedMs);
        await page.waitForTimeout(300);
      }
      const expectedMs = (seconds * 1000) / (place === 'web-worker' ? options.workers : 1);
      const last = measuredMs.at(-1) ?? Number.NaN;
      rows.push({ seconds, place, expectedMs, measuredMs, met: Math.abs(last / expectedMs - 1) <= 0.1 });
    }
  }
  return rows;
}

export function printSizesTable(rows: readonly SizeRow[], workers: number): void {
  console.log(
    `\nHonest sizes: requested vs measured (Web Workers: ${workers} share one thread's seconds; ` +
      '≈10 s runs once per place, after the smaller sizes)\n',
  );
  console.log('| size | place | expected | 1st run | 2nd run | last within ±10 % |');
  console.log('|---|---|---|---|---|---|');
  const s = (ms: number | undefined) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`);
  for (const r of rows)
    console.log(
      `| ≈${r.seconds} s | ${r.place} | ${s(r.expectedMs)} | ${s(r.measuredMs[0])} | ${s(r.measuredMs[1])} | ` +
        `${r.met ? 'met' : 'MISSED'} |`,
    );
  console.log('');
}
