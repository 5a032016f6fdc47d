import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SAMPLE_RUNS } from '../shared/session/sample-runs';
import { storedSessionText } from '../shared/session/stored-session';
import { parseCsv } from '../shared/testing/parse-csv';
import { slicesOf, validateTrace } from '../shared/trace/validate-trace';
import { pageErrors } from './support/page-errors';
import { webEditionSuite } from './support/web-edition-suite';

/**
 * The session's exports in real Chromium: two Playground runs (main thread, then Web Workers)
 * survive a reload; the Markdown table reaches the clipboard; the CSV has one row per run; the
 * result card is a real 2× PNG; a tampered stored session is dropped with a notice, not trusted.
 * Screenshots go to SHOTS when it is set (for a look by eye), nowhere otherwise.
 */
const suite = webEditionSuite();
const SHOTS = process.env['SHOTS'];
const SESSION_KEY = 'unfreeze.session';
/** A one-second Mandelbrot, started by the link itself: the Playground's own controls may move. */
const RUN_LINK = (place: string) => `?place=${place}&workload=mandelbrot&size=1s&autorun=1`;

async function open(context: BrowserContext, query: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors = pageErrors(page);
  await page.goto(suite.url + query);
  return { page, errors };
}

/** Waits until the export bar counts `runs` runs in the session. */
const sessionHas = (page: Page, runs: number) =>
  page.locator(`[data-testid=session-count][data-runs="${runs}"]`).waitFor({ timeout: 120_000 });

async function download(page: Page, button: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return readFileSync(await file.path());
}

describe('session exports (web edition)', () => {
  it('keeps two Playground runs across a reload and exports them as Markdown, CSV and a PNG card', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(suite.url).origin });
    const { page, errors } = await open(context, RUN_LINK('renderer-main'));
    await sessionHas(page, 1);
    // A new page load (another link) keeps the first run: the session lives in this tab's storage.
    await page.goto(suite.url + RUN_LINK('web-worker'));
    await sessionHas(page, 2);
    // Away from the autorun link (a reload of it would run again), then a reload: both runs are still there.
    await page.goto(suite.url);
    await page.reload();
    await sessionHas(page, 2);
    expect(await page.getByTestId('session-notice').count()).toBe(0);

    await page.getByRole('button', { name: 'Copy as Markdown table' }).click();
    await page.waitForSelector('[data-testid=export-message]:has-text("Markdown table is copied")');
    const table = (await page.evaluate(() => navigator.clipboard.readText())).split('\n');
    expect(table).toHaveLength(4);
    expect(table[0]).toMatch(/^\| Run +\| Result +\| Wall time +\| Worst frame gap +\| Frames over 50 ms/);
    expect(table[1]).toMatch(/^\|(-+\|)+$/);
    expect(table[2]).toMatch(/^\| Playground: Mandelbrot on Page main thread +\| (Frozen|Worst gap) /);
    expect(table[3]).toMatch(/^\| Playground: Mandelbrot on Web Workers +\| /);

    await page.getByRole('button', { name: 'Copy summary' }).click();
    await page.waitForSelector('[data-testid=export-message]:has-text("summary is copied")');
    const summary = (await page.evaluate(() => navigator.clipboard.readText())).split('\n');
    expect(summary).toHaveLength(3);
    expect(summary[0]).toMatch(/^Unfreeze — 2 runs measured, [0-2] as expected \(web edition, /);

    const rows = parseCsv((await download(page, 'Session (CSV)')).toString('utf8'));
    expect(rows).toHaveLength(3);
    const head = rows[0] ?? [];
    for (const column of ['time', 'place', 'workload', 'size_s', 'wall_ms', 'worst_gap_ms', 'frames_over_50'])
      expect(head, column).toContain(column);
    const cell = (row: number, column: string) => rows[row]?.[head.indexOf(column)] ?? '';
    expect([cell(1, 'place'), cell(2, 'place')]).toEqual(['renderer-main', 'web-worker']);
    expect([cell(1, 'size_s'), cell(1, 'workload')]).toEqual(['1', 'mandelbrot']);
    for (const row of [1, 2]) {
      expect(Number(cell(row, 'wall_ms'))).toBeGreaterThan(0);
      expect(Number(cell(row, 'worst_gap_ms'))).toBeGreaterThan(0);
      expect(Number.isInteger(Number(cell(row, 'frames_over_50')))).toBe(true);
      expect(Number.isNaN(Date.parse(cell(row, 'time')))).toBe(false);
    }
    // The main thread's run froze the page far longer than the workers' (an honest margin on a busy machine).
    expect(Number(cell(1, 'worst_gap_ms'))).toBeGreaterThan(Number(cell(2, 'worst_gap_ms')));

    // The JSON export carries each run's trace (attachments; the CSV above has no trace in it).
    const session = JSON.parse((await download(page, 'Session (JSON)')).toString('utf8')) as {
      runs: { place: string; attachments?: { kind: string; label: string; data: unknown }[] }[];
    };
    for (const run of session.runs) {
      const [trace] = run.attachments ?? [];
      expect(trace?.kind).toBe('chrome-trace');
      const checked = validateTrace(trace?.data);
      if (!checked.ok) throw new Error(`The ${run.place} run's trace is invalid:\n${checked.problems.join('\n')}`);
      expect(slicesOf(checked.events, 'run').at(-1)?.args?.place).toBe(run.place);
      console.log(`session trace of the ${run.place} run: ${JSON.stringify(trace?.data).length} characters`);
    }

    if (SHOTS) await page.getByTestId('export-bar').screenshot({ path: `${SHOTS}/export-bar-light.png` });
    const png = await download(page, 'Result card (PNG)');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    // 960 × 540 drawn at 2×: a 16:9 slide.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1920, 1080]);
    // Text and colour, not a blank canvas (a blank 1920×1080 PNG is a few kilobytes).
    expect(png.length).toBeGreaterThan(20_000);
    expect(png.length).toBeLessThan(3_000_000);
    await page.waitForSelector('[data-testid=export-message]:has-text("Saved the result card")');

    if (SHOTS) {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(`${SHOTS}/result-card.png`, png);
      await page.screenshot({ path: `${SHOTS}/playground-1280x720-light.png`, fullPage: true });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.getByTestId('export-bar').screenshot({ path: `${SHOTS}/export-bar-dark.png` });
      await page.screenshot({ path: `${SHOTS}/playground-1280x720-dark.png`, fullPage: true });
      await page.setViewportSize({ width: 1024, height: 768 });
      await page.getByTestId('export-bar').screenshot({ path: `${SHOTS}/export-bar-1024-dark.png` });
    }

    // Clearing asks once more, then empties the session for good (a reload finds nothing).
    await page.getByTestId('clear-session').click();
    await page.getByRole('button', { name: 'Really clear 2 runs?' }).click();
    await sessionHas(page, 0);
    await page.reload();
    await sessionHas(page, 0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('drops a tampered stored session with a notice instead of trusting it', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const { page, errors } = await open(context, '');
    await sessionHas(page, 0);
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    const stored = JSON.stringify({
      app: 'Unfreeze',
      version: 1,
      runs: [{ source: 'playground', title: '<img src=x onerror=alert(1)>', figures: { wall_ms: 'fast' } }],
    });
    await page.evaluate(([key, value]) => sessionStorage.setItem(key ?? '', value ?? ''), [SESSION_KEY, stored]);
    await page.reload();
    const notice = page.getByTestId('session-notice');
    await notice.waitFor();
    expect(await notice.getAttribute('role')).toBe('alert');
    expect(await notice.textContent()).toMatch(/session saved before the reload was dropped: runs\.0\./);
    expect(warnings.join('\n')).toMatch(/Unfreeze: The session saved before the reload was dropped/);
    await sessionHas(page, 0);
    // Dropped from storage too: the next reload starts clean, without the notice.
    expect(await page.evaluate((key) => sessionStorage.getItem(key), SESSION_KEY)).toBeNull();
    await page.reload();
    await sessionHas(page, 0);
    expect(await page.getByTestId('session-notice').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows one session on every screen, and says so in an alert when the clipboard refuses', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const { page, errors } = await open(context, '');
    // Clipboard writes denied in Chromium's own permission settings for this page, as a user can.
    const { targetInfo } = await (await context.newCDPSession(page)).send('Target.getTargetInfo');
    await (
      await suite.browser.newBrowserCDPSession()
    ).send('Browser.setPermission', {
      permission: { name: 'clipboard-write' },
      setting: 'denied',
      origin: new URL(suite.url).origin,
      browserContextId: targetInfo.browserContextId,
    });
    await sessionHas(page, 0);
    await page.evaluate(
      ([key, value]) => sessionStorage.setItem(key ?? '', value ?? ''),
      [SESSION_KEY, storedSessionText(SAMPLE_RUNS)],
    );
    for (const screen of ['', '?screen=compare', '?screen=workshop', '?screen=workshop&presenter=1']) {
      await page.goto(suite.url + screen);
      await sessionHas(page, SAMPLE_RUNS.length);
    }
    await page.getByRole('button', { name: 'Copy summary' }).click();
    const refusal = page.getByTestId('export-error');
    await refusal.waitFor();
    expect(await refusal.getAttribute('role')).toBe('alert');
    expect(await refusal.textContent()).toMatch(/^The clipboard refused the summary \(.+\)\. Download the CSV instead/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
