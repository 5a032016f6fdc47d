import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { webEditionSuite } from './support/web-edition-suite';
import { chapterIdOf, waitForNewOutcome } from './support/workshop-chapters';

/**
 * The workshop's keyboard in real Chromium: Space on a focused button presses that button (not
 * Run); a run that disables the focused button moves focus to Cancel and back, never to <body>;
 * PageUp/PageDown are in the shortcuts list; Esc while the freeze chapter's main-thread half
 * holds the page keeps that half and says why the second is missing.
 */
const suite = webEditionSuite();

async function open(query: string): Promise<Page> {
  const page = await suite.browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`${suite.url}?screen=workshop${query}`);
  await page.getByTestId('chapter').waitFor();
  return page;
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    return a === document.body ? 'body' : (a?.getAttribute('data-testid') ?? a?.textContent?.trim() ?? '?');
  });

/** True when the page does not answer within `ms`: its main thread is blocked. */
async function frozen(page: Page, ms = 150): Promise<boolean> {
  const answer = page.evaluate(() => true);
  const late = new Promise<false>((resolve) => setTimeout(() => resolve(false), ms));
  return !(await Promise.race([answer, late]));
}

describe('workshop keyboard', () => {
  it('lets Space press a focused button instead of running', async () => {
    const page = await open('&chapter=event');
    await page.getByRole('button', { name: 'Next →' }).focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=chapter]')?.getAttribute('data-chapter') !== 'event',
    );
    expect(await page.getByTestId('chapter').getAttribute('data-running')).toBe('false');
    expect(await page.getByTestId('measured').getAttribute('data-at')).toBeNull();
    // With nothing pressable focused, Space is Run.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Space');
    await page.waitForSelector('[data-testid=chapter][data-running=true]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=chapter][data-running=false]');
    await page.close();
  });

  it('moves focus to Cancel while a run disables the focused button, and back after it', async () => {
    const page = await open('&chapter=event');
    const previous = page.getByRole('button', { name: '← Previous' });
    await previous.focus();
    // A click that leaves focus where it was (as a presenter's remote or a script does).
    await page.evaluate(() => (document.querySelector('[data-testid=run-chapter]') as HTMLButtonElement).click());
    await page.waitForSelector('[data-testid=chapter][data-running=true]');
    expect(await previous.isDisabled()).toBe(true);
    expect(await focused(page)).toBe('run-chapter');
    await page.waitForSelector('[data-testid=chapter][data-running=false] [data-testid=measured][data-at]', {
      timeout: 30_000,
    });
    expect(await focused(page)).toBe('← Previous');
    await page.close();
  });

  it('lists PageUp and PageDown, and they turn the pages', async () => {
    const page = await open('&chapter=event');
    await page.keyboard.press('Shift+Slash');
    const dialog = page.getByTestId('shortcuts-dialog');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.textContent()).toMatch(/PageUp \/ PageDown/);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // The page keys come back with React's next commit after the dialog closed: give it two frames.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.keyboard.press('PageDown');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=chapter]')?.getAttribute('data-chapter') !== 'event',
    );
    await page.keyboard.press('PageUp');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=chapter]')?.getAttribute('data-chapter') === 'event',
    );
    expect(await chapterIdOf(page)).toBe('event');
    await page.close();
  });

  it('keeps the main-thread half when Esc is pressed while it freezes the page', async () => {
    const page = await open('&chapter=freeze');
    // The page calibrates itself first (a short block of its own): wait for that to be over.
    await page.waitForFunction(
      () => !/Measuring/.test(document.querySelector('[data-testid=demo-status]')?.textContent ?? ''),
    );
    // From outside, "frozen" can only be seen as a page that stops answering, and a loaded machine
    // can stall a page briefly at other moments too. An Esc that missed the frozen half (came
    // before it, or after the whole run) is no test of it: such a try is repeated, at most twice.
    let measured = '';
    for (let attempt = 0; attempt < 3; attempt++) {
      const before = await page.getByTestId('measured').getAttribute('data-at');
      // Clicked from inside the page, on a timer: Playwright's own click waits for the page after the
      // click, which would be after the freeze — too late to press Esc during it.
      await page.evaluate(() => {
        setTimeout(() => (document.querySelector('[data-testid=run-chapter]') as HTMLButtonElement).click(), 0);
      });
      const until = Date.now() + 20_000;
      while (!(await frozen(page, 300))) {
        if (Date.now() > until) throw new Error('the main-thread half never froze the page');
      }
      // Queued while frozen: the page hears it only once the first half is over.
      await page.keyboard.press('Escape');
      await waitForNewOutcome(page, before, 30_000);
      measured = (await page.getByTestId('measured').textContent()) ?? '';
      if (measured.startsWith('Cancelled during the Web Workers half')) break;
    }
    expect(measured).toMatch(/^Cancelled during the Web Workers half/);
    expect(measured).toMatch(/Main thread: the page froze for [\d.]+ m?s of a/);
    expect(await page.getByTestId('measured').getAttribute('data-as-expected')).toBe('false');
    await page.close();
  });
});
