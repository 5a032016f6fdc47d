import type { Page } from 'playwright-core';
import { DATA_COST_METHODS, type DataCostMethod } from '../../shared/datacost/data-cost-methods';
import type { DataCostSample } from '../../shared/datacost/data-cost-summary';

/** A full sweep takes some seconds on a quiet machine; much longer on a loaded one. */
const SWEEP_TIMEOUT_MS = 240_000;

/** Opens the Concurrency lab, where the data-cost card sits, and waits for the card. */
export async function openDataCost(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}?screen=lab`);
  await page.getByTestId('data-cost-card').waitFor();
}

/**
 * Runs the card's sweep once, as a visitor would (its Run button), and reads every figure from the
 * rows of its table. Throws with the card's own sentence when the sweep does not finish.
 */
export async function runDataCostSweep(page: Page): Promise<DataCostSample[]> {
  const card = page.getByTestId('data-cost-card');
  const status = card.getByTestId('data-cost-status');
  const before = Number(await status.getAttribute('data-finished'));
  await card.getByRole('button', { name: 'Run' }).click();
  await card
    .locator(`[data-testid=data-cost-status][data-finished="${before + 1}"]`)
    .waitFor({ timeout: SWEEP_TIMEOUT_MS });
  if ((await status.getAttribute('data-phase')) !== 'done')
    throw new Error(`The sweep did not finish: ${await status.textContent()}`);
  const rows = await card
    .getByTestId('data-cost-row')
    .evaluateAll((trs) => trs.map((tr) => ({ ...(tr as HTMLElement).dataset })));
  return rows.map((row) => {
    const method = DATA_COST_METHODS.find((m) => m === row['method']);
    if (method === undefined) throw new Error(`A row names no method: ${JSON.stringify(row)}`);
    const num = (key: string) => Number(row[key]);
    return {
      method: method satisfies DataCostMethod,
      bytes: num('bytes'),
      blockedMs: num('blockedMs'),
      receivedMs: num('receivedMs'),
      roundTripMs: num('roundTripMs'),
      worstGapMs: num('worstGapMs'),
    };
  });
}
