import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fileBytes } from '../shared/workloads/download/file-bytes';
import { choosePlace, openPlayground, readFigures, showAllChoices, waitForRunEnd } from './support/playground-page';
import { webEditionSuite } from './support/web-edition-suite';

/**
 * The web edition in real Chromium: the same Mandelbrot run freezes the page on the main
 * thread and does not in Web Workers — measured by the app's own meters.
 */
const suite = webEditionSuite();

describe('web edition in Chromium', () => {
  it('is cross-origin isolated and offers only the three renderer places', async () => {
    const { page, errors } = await openPlayground(suite.browser, suite.url);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    expect(await page.getByTestId('edition').textContent()).toContain('Web edition');
    await showAllChoices(page);
    for (const name of [/Page main thread/, /Main thread, sliced/, /Web Workers/]) {
      expect(await page.getByRole('radio', { name }).isEnabled()).toBe(true);
    }
    for (const name of [/Electron main process/, /Worker threads/, /Utility processes/]) {
      expect(await page.getByRole('radio', { name }).isDisabled()).toBe(true);
    }
    // In place of the main-process meters: what the desktop app adds, and how to get it.
    const desktopOnly = page.getByTestId('desktop-only');
    expect(await desktopOnly.textContent()).toContain('npm install && npm start');
    expect(await desktopOnly.textContent()).toMatch(/crash lab/i);
    for (const id of ['main-process-meters', 'processes-card', 'crash-lab']) {
      expect(await page.getByTestId(id).count()).toBe(0);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('freezes the page on the main thread, and not in Web Workers, for the same work', async () => {
    const { page, errors } = await openPlayground(suite.browser, suite.url, '?workload=mandelbrot&size=2s');

    await choosePlace(page, /Page main thread/);
    await page.getByRole('button', { name: 'Start' }).click();
    const frozen = await waitForRunEnd(page);
    expect(frozen.phase).toBe('done');
    expect(frozen.elapsedMs).toBeGreaterThan(500);
    // The page painted nothing for most of the run: one long gap covers ≥ 60% of it.
    expect(frozen.worstGapMs).toBeGreaterThanOrEqual(0.6 * frozen.elapsedMs);
    expect(frozen.sentence).toMatch(/frozen for/);
    const frozenResult = await page.getByTestId('result').textContent();

    await choosePlace(page, /Web Workers/);
    const clicksBefore = Number(await page.getByTestId('click-count').textContent());
    await page.getByRole('button', { name: 'Start' }).click();
    await page.waitForSelector('[data-testid=run-status][data-phase=running]');
    // The click counter answers while the workers compute.
    await page.getByTestId('click-counter').click();
    await page.getByTestId('click-counter').click();
    const clicksDuring = Number(await page.getByTestId('click-count').textContent());
    const phaseDuringClicks = await page.getByTestId('run-status').getAttribute('data-phase');
    const responsive = await waitForRunEnd(page);

    expect(phaseDuringClicks).toBe('running');
    expect(clicksDuring).toBe(clicksBefore + 2);
    expect(responsive.phase).toBe('done');
    expect(responsive.worstGapMs).toBeLessThan(200);
    // Same work, same answer: the checksum of every pixel matches.
    expect(await page.getByTestId('result').textContent()).toBe(frozenResult);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers SHA-256 hashing and gets node:crypto’s digest on the main thread and in Web Workers', async () => {
    const { page, errors } = await openPlayground(suite.browser, suite.url, '?workload=hashing&size=1s');
    await showAllChoices(page);
    expect(await page.getByRole('radio', { name: 'SHA-256 hashing' }).getAttribute('aria-checked')).toBe('true');
    const note = (await page.getByTestId('preset-note').textContent()) ?? '';
    const mebibytes = Number(/SHA-256 over ([\d,]+) MiB of generated data/.exec(note)?.[1]?.replaceAll(',', ''));
    expect(mebibytes).toBeGreaterThanOrEqual(1);

    // The same data hashed here: 256 KiB blocks of seed 0, then the digest of their listing.
    const BLOCK = 256 * 1024;
    const blocks = Math.ceil((mebibytes * 1024 * 1024) / BLOCK);
    const listing = Array.from(
      { length: blocks },
      (_, b) =>
        `${createHash('sha256')
          .update(fileBytes(0, b, 0, BLOCK))
          .digest('hex')}\n`,
    ).join('');
    const digest = createHash('sha256').update(listing).digest('hex');

    for (const [place, label] of [
      [/Page main thread/, 'Page main thread'],
      [/Web Workers/, 'Web Workers'],
    ] as const) {
      await choosePlace(page, place);
      await page.getByRole('button', { name: 'Start' }).click();
      const figures = await waitForRunEnd(page);
      expect(figures.phase, label).toBe('done');
      expect(await page.getByTestId('hashing-output').textContent(), label).toBe(
        `${mebibytes.toLocaleString('en-US')} MiB in ${blocks.toLocaleString('en-US')} blocks, ` +
          `SHA-256 ${digest.slice(0, 16)}…`,
      );
      expect(figures.status, label).toContain(`Done: SHA-256 hashing on ${label}`);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('cancels a sliced run within a moment and stays usable', async () => {
    const { page } = await openPlayground(suite.browser, suite.url, '?workload=primes&size=10s&place=renderer-sliced');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.waitForSelector('[data-testid=run-status][data-phase=running]');
    await page.waitForTimeout(300);
    const clickedAt = Date.now();
    await page.getByRole('button', { name: 'Cancel' }).click();
    const figures = await waitForRunEnd(page, 5_000);
    expect(figures.phase).toBe('cancelled');
    expect(Date.now() - clickedAt).toBeLessThan(3_000);
    expect(await page.getByRole('button', { name: 'Start' }).isEnabled()).toBe(true);
    await page.close();
  });

  it('explains a bad deep link, does not autorun, and leaves the app usable', async () => {
    const { page } = await openPlayground(
      suite.browser,
      suite.url,
      '?place=gpu&workload=mandelbrot&size=huge&autorun=1',
    );
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('Unknown place “gpu”');
    expect(text).toContain('Unknown size “huge”');
    expect(await page.getByTestId('run-status').getAttribute('data-phase')).toBe('idle');

    await page.goto(`${suite.url}?place=web-worker&workload=primes&size=1s&autorun=1`);
    const figures = await waitForRunEnd(page);
    expect(figures.phase).toBe('done');
    expect(await page.getByTestId('result').textContent()).toMatch(/primes up to/);
    expect((await readFigures(page)).status).toMatch(/^Done: Prime counting on Web Workers in/);
    await page.close();
  });
});
