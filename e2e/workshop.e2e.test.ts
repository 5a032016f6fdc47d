import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { webEditionSuite } from './support/web-edition-suite';
import { parseCsv } from '../shared/testing/parse-csv';
import { CSV_BASE_COLUMNS } from '../shared/session/session-csv';

/**
 * The workshop of the web edition in real Chromium, driven by the keyboard as a presenter would:
 * every chapter runs its real demo and shows its measured outcome; the session exports parse and
 * hold those figures; presenter mode is screenshotted in light and dark for a look by eye.
 */
// For a look by eye; the README's pictures come from `npm run screenshots`.
const SCREENSHOTS = path.resolve(import.meta.dirname, '../test-results/screenshots');

const suite = webEditionSuite();

async function open(context: BrowserContext, query: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(suite.url + query);
  await page.getByTestId('chapter').waitFor();
  return { page, errors };
}

const chapterId = async (page: Page) => (await page.getByTestId('chapter').getAttribute('data-chapter')) ?? '';

/** Presses Space and waits until this chapter shows an outcome newer than `before`. */
async function runByKeyboard(
  page: Page,
  before: string | null,
  timeoutMs = 45_000,
): Promise<{ measured: string; asExpected: string }> {
  await page.keyboard.press('Space');
  await page.waitForFunction(
    (prev) => {
      const m = document.querySelector('[data-testid=measured]');
      const article = document.querySelector('[data-testid=chapter]');
      return (
        m !== null &&
        article?.getAttribute('data-running') === 'false' &&
        m.getAttribute('data-at') !== null &&
        m.getAttribute('data-at') !== prev
      );
    },
    before,
    { timeout: timeoutMs },
  );
  const m = page.getByTestId('measured');
  return { measured: (await m.textContent()) ?? '', asExpected: (await m.getAttribute('data-as-expected')) ?? '' };
}

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const where = await file.path();
  return readFileSync(where, 'utf8');
}

interface ExportedRun {
  chapterId: string;
  measured: string;
  asExpected: boolean;
  figures: Record<string, number>;
}

describe('workshop (web edition, keyboard only)', () => {
  it('walks every chapter, runs each, exports the session and shows presenter mode', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(suite.url).origin });
    const { page, errors } = await open(context, '?screen=workshop');
    const total = await page.locator('nav[aria-label=Chapters] li').count();
    expect(total).toBeGreaterThanOrEqual(3);
    expect(await chapterId(page)).toBe('freeze');

    // The shortcut list opens with ? and closes with Esc.
    await page.keyboard.press('Shift+Slash');
    await page.getByTestId('shortcuts-dialog').waitFor({ state: 'visible' });
    expect(await page.getByTestId('shortcuts-dialog').textContent()).toContain('presenter mode');
    await page.keyboard.press('Escape');
    await page.getByTestId('shortcuts-dialog').waitFor({ state: 'hidden' });

    const shown = new Map<string, string>();
    for (let i = 0; i < total; i++) {
      const id = await chapterId(page);
      expect(await page.getByTestId('chapter-source').count(), `${id} shows its source`).toBeGreaterThan(0);
      expect(
        await page.locator('[data-testid=chapter-source] .hljs-keyword').count(),
        `${id}'s source is highlighted`,
      ).toBeGreaterThan(0);
      if (id === 'cpu-bound') {
        // Esc cancels a run under way, and the chapter says so.
        await page.keyboard.press('Space');
        await page.waitForSelector('[data-testid=chapter][data-running=true]');
        await page.keyboard.press('Escape');
        await page.waitForSelector('[data-testid=chapter][data-running=false]', { timeout: 15_000 });
        expect(await page.getByTestId('measured').textContent()).toMatch(/cancel/i);
      }
      const before = await page.getByTestId('measured').getAttribute('data-at');
      const outcome = await runByKeyboard(page, before);
      expect(outcome.measured, id).not.toMatch(/^(Not run yet|Running)/);
      expect(['true', 'false']).toContain(outcome.asExpected);
      shown.set(id, outcome.measured);

      if (id === 'freeze') {
        // The lesson itself: the main-thread run froze the page, the workers' did not.
        expect(outcome.measured).toMatch(/^Main thread: the page froze for/);
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          if (scheme === 'light') await page.keyboard.press('p');
          await page.waitForSelector('[data-testid=workshop][data-presenter=on]');
          // The chapter list is hidden for the audience; the exports stay, for the slide afterwards.
          expect(await page.getByTestId('export-bar').count()).toBe(1);
          expect(await page.locator('nav[aria-label=Chapters]').count()).toBe(0);
          mkdirSync(SCREENSHOTS, { recursive: true });
          await page.screenshot({ path: path.join(SCREENSHOTS, `presenter-${scheme}.png`) });
        }
        await page.keyboard.press('p');
        await page.waitForSelector('[data-testid=workshop][data-presenter=off]');
        await page.emulateMedia({ colorScheme: 'light' });
      }
      if (i < total - 1) {
        await page.keyboard.press('ArrowRight');
        await page.waitForFunction(
          (prev) => document.querySelector('[data-testid=chapter]')?.getAttribute('data-chapter') !== prev,
          id,
        );
        expect(new URL(page.url()).searchParams.get('chapter')).toBe(await chapterId(page));
      }
    }
    expect(shown.size).toBe(total);

    // JSON: every chapter's outcome, as the page showed it, with its figures.
    const json = JSON.parse(await download(page, 'Session (JSON)')) as {
      app: string;
      kind: string;
      runs: ExportedRun[];
    };
    expect(json.app).toBe('Unfreeze');
    for (const [id, measured] of shown) {
      const runs = json.runs.filter((r) => r.chapterId === id);
      expect(runs.at(-1)?.measured, id).toBe(measured);
    }
    const freeze = json.runs.find((r) => r.chapterId === 'freeze');
    expect(freeze?.figures['main_worst_gap_ms']).toBeGreaterThan(100);
    // The sentence on screen and the figure in the file are the same measurement.
    const inSentence = /froze for ([\d.]+) (ms|s) of/.exec(shown.get('freeze') ?? '');
    const sentenceMs = inSentence ? Number(inSentence[1]) * (inSentence[2] === 's' ? 1000 : 1) : Number.NaN;
    expect(Math.abs(sentenceMs - (freeze?.figures['main_worst_gap_ms'] ?? 0))).toBeLessThanOrEqual(10);
    const tiny = json.runs.find((r) => r.chapterId === 'tiny-tasks');
    expect(tiny?.figures['per_task_message_ms']).toBeGreaterThan(0);

    // CSV: one row per run, one column per figure, and the same numbers as the JSON.
    const rows = parseCsv(await download(page, 'Session (CSV)'));
    const head = rows[0] ?? [];
    // The columns session-csv.test.ts pins down; here: the file the page hands over is that CSV.
    expect(head.slice(0, CSV_BASE_COLUMNS.length)).toEqual([...CSV_BASE_COLUMNS]);
    const freezeRow = rows.slice(1).find((r) => r[head.indexOf('chapter')] === 'freeze');
    expect(Number(freezeRow?.[head.indexOf('main_worst_gap_ms')])).toBe(freeze?.figures['main_worst_gap_ms']);
    expect(rows.length - 1).toBe(json.runs.length);

    // Copy summary: what a slide gets.
    await page.getByRole('button', { name: 'Copy summary' }).click();
    await page.waitForSelector('[data-testid=export-message]:has-text("copied")');
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    expect(clip).toMatch(/^Unfreeze — \d+ runs measured/);
    // At most five lines: the newest runs, the last chapter's sentence among them.
    expect(clip.split('\n').length).toBeLessThanOrEqual(5);
    expect(clip).toContain(([...shown.values()].at(-1) ?? 'missing').replace(/\s+/g, ' ').trim());

    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens a chapter from a deep link, and explains an unknown one', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page } = await open(context, '?screen=workshop&chapter=tiny-tasks');
    expect(await chapterId(page)).toBe('tiny-tasks');
    await page.goto(`${suite.url}?screen=workshop&chapter=nope`);
    await page.getByTestId('chapter').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('There is no chapter “nope”');
    expect(await chapterId(page)).toBe('freeze');
    await context.close();
  });
});
