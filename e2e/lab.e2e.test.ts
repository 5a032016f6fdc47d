import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium';
import { servePlainWebEdition } from './support/plain-web-edition';
import { serveWebEdition } from './support/web-edition';

/**
 * The concurrency lab in real Chromium: Web Workers on one SharedArrayBuffer, the lanes drawn
 * from shared memory, each card's result checked against its expectation — and, on a page that
 * is not cross-origin isolated, an explanation instead of a crash.
 */
let browser: Browser;
let isolated: Awaited<ReturnType<typeof serveWebEdition>>;
let plain: Awaited<ReturnType<typeof servePlainWebEdition>>;

beforeAll(async () => {
  isolated = await serveWebEdition();
  plain = await servePlainWebEdition();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await isolated?.close();
  await plain?.close();
});

async function openLab(baseUrl: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${baseUrl}?screen=lab`);
  await page.getByRole('heading', { name: 'Concurrency lab' }).waitFor();
  return { page, errors };
}

async function run(
  card: Locator,
  variant?: string,
  timeout = 60_000,
): Promise<{ status: string; asExpected: string | null }> {
  if (variant) await card.getByText(variant, { exact: true }).click();
  const before = Number(await card.getByTestId('lab-status').getAttribute('data-finished'));
  await card.getByRole('button', { name: 'Run' }).click();
  // A short run can be over before a poll sees it running: wait for the count of finished runs.
  await card.locator(`[data-testid=lab-status][data-finished="${before + 1}"]`).waitFor({ timeout });
  return {
    status: (await card.getByTestId('lab-status').textContent()) ?? '',
    asExpected: await card.getByTestId('lab-result').getAttribute('data-as-expected'),
  };
}

const labWorkers = (page: Page) => page.workers().filter((w) => w.url().includes('lab.worker')).length;

describe('concurrency lab, cross-origin isolated', () => {
  it('loses updates without synchronisation and counts exactly with Atomics.add and the mutex', async () => {
    const { page, errors } = await openLab(isolated.url);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    const card = page.getByTestId('lab-card-race');
    const unsafe = await run(card);
    expect(unsafe.status).toMatch(/increments were lost/);
    expect(unsafe.asExpected).toBe('true');
    for (const variant of ['Atomics.add', 'Mutex']) {
      const exact = await run(card, variant);
      expect(exact.status).toContain('Exact: 20,000 of 20,000');
      expect(exact.asExpected).toBe('true');
    }
    const rows = await card.getByTestId('race-table').locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(3);
    // The lanes are a canvas with something drawn on it.
    const inked = await card.getByTestId('lab-lanes').evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) n++;
      return n;
    });
    expect(inked).toBeGreaterThan(1000);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the balance at 150 with the lock over twenty runs, and shows wrong ones without', async () => {
    const { page, errors } = await openLab(isolated.url);
    const card = page.getByTestId('lab-card-bank');
    const without = await run(card, 'Without a lock');
    expect(without.status).toMatch(/of 20 runs ended wrong/);
    expect(await card.getByTestId('balance-histogram').getByRole('listitem').count()).toBeGreaterThanOrEqual(2);
    const locked = await run(card, 'With a lock');
    expect(locked.status).toContain('20 of 20 runs ended at 150');
    expect(locked.asExpected).toBe('true');
    expect(await card.getByTestId('balance-histogram').getByRole('listitem').allTextContents()).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('detects the deadlock, draws the cycle, never hangs the page, and leaves no extra workers', async () => {
    const { page, errors } = await openLab(isolated.url);
    const card = page.getByTestId('lab-card-deadlock');
    await card.getByRole('button', { name: 'Run' }).click();
    await card.getByTestId('wait-cycle').waitFor({ timeout: 10_000 });
    // While both workers are stuck, the page still answers at once.
    const started = Date.now();
    await page.evaluate(() => new Promise(requestAnimationFrame));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await card.getByTestId('wait-cycle').getByRole('img').getAttribute('aria-label')).toContain(
      'worker 1 holds A and waits for B',
    );
    await card.locator('[data-testid=lab-status]:not([data-phase=running])').waitFor({ timeout: 20_000 });
    expect(await card.getByTestId('lab-result').getAttribute('data-as-expected')).toBe('true');
    expect(await card.getByTestId('deadlock-lines').textContent()).toMatch(/gave up and released/);
    expect(labWorkers(page)).toBe(2);

    const ordered = await run(card, 'One lock order');
    expect(ordered.asExpected).toBe('true');
    const reentrant = await run(card, 'Re-entrant lock');
    expect(reentrant.status).toMatch(/depth 2/);
    expect(reentrant.asExpected).toBe('true');
    // Three runs, one crew: still the same two workers.
    expect(labWorkers(page)).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('wakes the event waiter at 2 s (± 0.2 s), and a cancelled run ends its workers', async () => {
    const { page, errors } = await openLab(isolated.url);
    const card = page.getByTestId('lab-card-event');
    const woke = await run(card);
    const seconds = Number(/woke after ([\d.]+) s/.exec(woke.status)?.[1]);
    expect(seconds).toBeGreaterThanOrEqual(1.8);
    expect(seconds).toBeLessThanOrEqual(2.2);
    expect(woke.asExpected).toBe('true');

    const before = labWorkers(page);
    await card.getByRole('button', { name: 'Run' }).click();
    await card.locator('[data-testid=lab-status][data-phase=running]').waitFor();
    await page.waitForTimeout(300);
    await card.getByRole('button', { name: 'Cancel' }).click();
    await card.locator('[data-testid=lab-status][data-phase=cancelled]').waitFor({ timeout: 2000 });
    await expect.poll(() => labWorkers(page), { timeout: 5000 }).toBe(before - 2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps five workers’ request ids apart, each request ≈ 0.1 s', async () => {
    const { page, errors } = await openLab(isolated.url);
    const card = page.getByTestId('lab-card-thread-local');
    const local = await run(card);
    expect(local.status).toContain('5 of 5 workers kept their own request id');
    expect(local.asExpected).toBe('true');
    expect(await card.getByTestId('thread-local-table').locator('tbody tr').count()).toBe(5);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('concurrency lab in the workshop', () => {
  it('runs a lab chapter’s real scenario from the workshop’s Run', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${isolated.url}?screen=workshop&chapter=thread-local`);
    await page.getByRole('button', { name: /^Run/ }).first().click();
    const summary = page.getByTestId('lab-chapter-variants');
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.textContent()).toMatch(/✓.*5 of 5 workers kept their own request id/);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('concurrency lab, not cross-origin isolated', () => {
  it('says why it cannot run and how to fix it, and nothing crashes', async () => {
    const { page, errors } = await openLab(plain.url);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    const notice = page.getByTestId('lab-not-isolated');
    expect(await notice.textContent()).toMatch(/SharedArrayBuffer/);
    expect(await notice.textContent()).toContain('Cross-Origin-Embedder-Policy: require-corp');
    expect(await page.locator('[data-testid^=lab-card-]').count()).toBe(0);
    // The rest of the app still works: switch to the Playground and back.
    await page.getByRole('link', { name: 'Playground' }).click();
    await page.getByRole('button', { name: 'Start' }).waitFor();
    await page.getByRole('link', { name: 'Concurrency lab' }).click();
    await notice.waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
