import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIB, type DataCostMethod } from '../shared/datacost/data-cost-methods';
import { sampleAt, timesAsLong, type DataCostSample } from '../shared/datacost/data-cost-summary';
import { launchChromium } from './support/chromium';
import { openDataCost, runDataCostSweep } from './support/data-cost-page';
import { servePlainWebEdition } from './support/plain-web-edition';
import { serveWebEdition } from './support/web-edition';

/**
 * The data-cost card in real Chromium: one full sweep (1 KiB … 64 MiB to a Web Worker and back),
 * then what the tutorial claims about moving data, checked against what the page measured. Each
 * figure is the median of three moves, so one unlucky frame does not decide a test.
 */
let browser: Browser;
let server: Awaited<ReturnType<typeof serveWebEdition>>;
let page: Page;
let samples: DataCostSample[];
const errors: string[] = [];

beforeAll(async () => {
  server = await serveWebEdition();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await openDataCost(page, server.url);
  samples = await runDataCostSweep(page);
  // Printed before they are judged, so a failure shows the figures it failed on.
  console.log(samples.map((s) => `${s.method} ${s.bytes}: ${JSON.stringify(s)}`).join('\n'));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function at(method: DataCostMethod, bytes: number): DataCostSample {
  const sample = sampleAt(samples, method, bytes);
  if (sample === undefined) throw new Error(`${method} at ${bytes} bytes was not measured`);
  return sample;
}

describe('moving data to a Web Worker', () => {
  it('measures every method the page can use at every size, with no error on the page', () => {
    expect(errors).toEqual([]);
    expect(new Set(samples.map((s) => s.method))).toEqual(
      new Set(['clone-objects', 'clone-bytes', 'transfer', 'shared']),
    );
    // 9 sizes for the three byte methods, 8 for objects (they stop at 16 MiB).
    expect(samples).toHaveLength(35);
    for (const s of samples) {
      expect(s.blockedMs, `${s.method} ${s.bytes}`).toBeGreaterThanOrEqual(0);
      expect(s.receivedMs, `${s.method} ${s.bytes}`).toBeLessThanOrEqual(s.roundTripMs);
    }
  });

  it('transfers 64 MiB for less than 3× what 1 MiB costs: a transfer costs the same at any size', () => {
    // Against the noise floor (0.1 ms): below it a figure is the timer and the scheduler, not the transfer.
    expect(timesAsLong(at('transfer', 64 * MIB).blockedMs, at('transfer', MIB).blockedMs)).toBeLessThan(3);
  });

  it('blocks the sender far longer to clone 64 MiB than to transfer it (≥ 5×)', () => {
    expect(
      timesAsLong(at('clone-bytes', 64 * MIB).blockedMs, at('transfer', 64 * MIB).blockedMs),
    ).toBeGreaterThanOrEqual(5);
  });

  it('freezes the page past 50 ms with a clone big enough, and no computation at all', () => {
    expect(at('clone-objects', 16 * MIB).worstGapMs).toBeGreaterThan(50);
    // The same bytes through shared memory leave the frames alone.
    expect(at('shared', 16 * MIB).worstGapMs).toBeLessThan(at('clone-objects', 16 * MIB).worstGapMs);
  });

  it('shows the verdict and the key number on the card', async () => {
    const card = page.getByTestId('data-cost-card');
    await expect(card.getByTestId('data-cost-verdict').textContent()).resolves.toMatch(
      /^Cloning .+ blocked the page for .+ ms; transferring .+ took .+ ms\.$/,
    );
    await expect(card.getByTestId('data-cost-key').textContent()).resolves.toMatch(/ ms$/);
  });

  it('says in one line, not as an error, that the desktop legs are measured only in the desktop app', async () => {
    const card = page.getByTestId('data-cost-card');
    const legend = await card.getByRole('list', { name: 'Methods' }).getByRole('listitem').allTextContents();
    expect(legend).not.toContain('MessagePort to a utility process');
    await expect(
      card
        .getByText(/^Electron IPC and a MessagePort to a utility process are measured only in the desktop app\./)
        .count(),
    ).resolves.toBe(1);
    expect(await card.getByTestId('data-cost-status').getAttribute('data-phase')).toBe('done');
  });
});

describe('on a page that is not cross-origin isolated', () => {
  it('offers every method but shared memory, and the page does not break', async () => {
    const plain = await servePlainWebEdition();
    const other = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const problems: string[] = [];
    other.on('pageerror', (e) => problems.push(e.message));
    try {
      await openDataCost(other, plain.url);
      const methods = await other.getByRole('list', { name: 'Methods' }).getByRole('listitem').allTextContents();
      expect(methods).toEqual(['Clone of objects', 'Clone of a Uint8Array', 'Transferred ArrayBuffer']);
      expect(problems).toEqual([]);
    } finally {
      await other.close();
      await plain.close();
    }
  });
});
