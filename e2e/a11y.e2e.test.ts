import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENS } from '../shared/screens';
import { axeViolations, describeViolations, installAxe } from './support/axe';
import { startDesktopHarness, type DesktopHarness } from './support/desktop-harness';
import { runOnce, waitForPlayground } from './support/desktop-playground';
import { showAllChoices } from './support/playground-page';
import { webEditionSuite } from './support/web-edition-suite';

/**
 * Accessibility of the web edition in real Chromium: axe-core (WCAG 2.2 A/AA and best practices)
 * finds nothing on any screen, light or dark, in the states a presenter shows — every tab as it
 * opens, the workshop in normal and presenter mode, a Compare pane on its own, and the
 * Playground after a run, when the results are on screen.
 */
const suite = webEditionSuite();

interface State {
  readonly name: string;
  readonly query: string;
  /** Brings the page into the state to check. */
  ready(page: Page): Promise<void>;
}

/** A lazily loaded screen has replaced its "Loading…" placeholder. */
const screenShown = async (page: Page) => {
  await page.locator('main').waitFor();
  await page.waitForFunction(() => !document.querySelector('main')?.textContent?.startsWith('Loading…'));
};

const STATES: readonly State[] = [
  ...SCREENS.map((s) => ({ name: `${s.id} screen`, query: `?screen=${s.id}`, ready: screenShown })),
  {
    name: 'workshop, presenter mode',
    query: '?screen=workshop&chapter=freeze&presenter=1',
    ready: (page) => page.locator('[data-testid=workshop][data-presenter=on]').waitFor(),
  },
  {
    name: 'workshop, a lab chapter',
    query: '?screen=workshop&chapter=deadlock',
    ready: (page) => page.getByTestId('chapter').waitFor(),
  },
  {
    name: 'compare pane document',
    query: '?screen=compare&pane=left',
    ready: (page) => page.getByTestId('pane-left').waitFor(),
  },
  {
    name: 'compare screen with both panes loaded',
    query: '?screen=compare',
    // Start is enabled once both panes have said they are ready.
    ready: async (page) => {
      const start = page.getByRole('button', { name: 'Start both' });
      await expect.poll(() => start.isEnabled(), { timeout: 30_000 }).toBe(true);
    },
  },
  {
    name: 'playground after a run',
    query: '?place=web-worker&workload=mandelbrot&size=1s&autorun=1',
    ready: (page) => page.getByText(/^Done/).first().waitFor({ timeout: 60_000 }),
  },
];

/**
 * Waits for the page's finite animations and transitions (a colour fading in as the theme
 * applies), so contrast is judged on the colours that stay, not on a frame half-way through.
 * Endless animations (the spinners) are left to turn.
 */
async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // The freeze cue's animation is restarted every frame on purpose (renderer/src/meters/freeze-cue.tsx):
    // it never finishes while the page is well, so it is not waited for.
    const restarted = (a: Animation) =>
      a.effect instanceof KeyframeEffect &&
      a.effect.target instanceof Element &&
      a.effect.target.closest('[data-testid=freeze-cue]') !== null;
    const finite = document
      .getAnimations()
      .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity && !restarted(a));
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
}

/** A context in the colour scheme asked for, with axe-core in every page and frame it opens. */
async function axeContext(scheme: 'light' | 'dark') {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: scheme });
  await installAxe(context);
  return context;
}

/**
 * Runs axe on the page as it is now and fails with every finding spelled out; softly, so a walk
 * through many chapters reports all of them, not just the first.
 */
async function expectNoViolations(page: Page, where: string, scheme: string): Promise<void> {
  // The theme is applied in an effect; contrast is judged on the page as it settles.
  await page.waitForFunction((s) => document.documentElement.dataset.theme === s, scheme);
  await settled(page);
  const violations = await axeViolations(page);
  expect.soft(violations, `axe-core found, on ${where} (${scheme}):\n${describeViolations(violations)}`).toEqual([]);
}

describe.each(['light', 'dark'] as const)('axe-core, %s', (scheme) => {
  it.each(STATES)('finds no violation: $name', async (state) => {
    const context = await axeContext(scheme);
    try {
      const page = await context.newPage();
      await page.goto(suite.url + state.query);
      await state.ready(page);
      await expectNoViolations(page, state.name, scheme);
    } finally {
      await context.close();
    }
  });

  it('finds no violation in any workshop chapter, normal and presenter mode', async () => {
    const context = await axeContext(scheme);
    try {
      const page = await context.newPage();
      await page.goto(`${suite.url}?screen=workshop`);
      await page.getByTestId('chapter').waitFor();
      const chapters = page.getByRole('navigation', { name: 'Chapters' }).getByRole('button');
      const count = await chapters.count();
      expect(count).toBeGreaterThan(5);
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        await chapters.nth(i).click();
        await page.locator(`[data-testid=chapter]`).nth(0).waitFor();
        const id = (await page.getByTestId('chapter').getAttribute('data-chapter')) ?? '';
        ids.push(id);
        await expectNoViolations(page, `workshop chapter ${id}`, scheme);
      }
      for (const id of ids) {
        await page.goto(`${suite.url}?screen=workshop&chapter=${id}&presenter=1`);
        await page.locator(`[data-testid=workshop][data-presenter=on] [data-chapter="${id}"]`).waitFor();
        await expectNoViolations(page, `workshop chapter ${id}, presenter mode`, scheme);
      }
    } finally {
      await context.close();
    }
  });

  it('finds no violation with results on screen: a download scenario, a lab run, a chapter run', async () => {
    const context = await axeContext(scheme);
    try {
      const page = await context.newPage();
      await page.goto(`${suite.url}?screen=downloads`);
      await page.getByRole('button', { name: /Run: Start and join/ }).click();
      await page
        .locator('[data-testid=scenario-start-join] [data-testid=scenario-verdict]')
        .waitFor({ timeout: 60_000 });
      await expectNoViolations(page, 'downloads after a scenario', scheme);

      await page.goto(`${suite.url}?screen=lab`);
      const card = page.getByTestId('lab-card-deadlock');
      await card.getByRole('button', { name: 'Run' }).click();
      await card.locator('[data-testid=lab-status][data-finished="1"]').waitFor({ timeout: 60_000 });
      await expectNoViolations(page, 'lab after the deadlock run', scheme);

      await page.goto(`${suite.url}?screen=workshop&chapter=freeze&presenter=1`);
      await page.getByTestId('run-chapter').click();
      await page
        .locator('[data-testid=chapter][data-running=false] [data-testid=measured][data-at]')
        .waitFor({ timeout: 60_000 });
      await expectNoViolations(page, 'the freeze chapter after its run, presenter mode', scheme);
    } finally {
      await context.close();
    }
  });
});

/**
 * The desktop edition's own cards (main-process ping, processes, crash lab) appear only with the
 * preload's API: the desktop harness gives the page that API without Electron (desktop-harness.ts).
 */
describe('axe-core, the desktop edition', () => {
  let desktop: DesktopHarness | undefined;
  beforeAll(async () => {
    desktop = await startDesktopHarness();
  }, 180_000);
  afterAll(async () => {
    await desktop?.close();
  });

  it('finds no violation on the desktop Playground after a worker-thread run, light and dark', async () => {
    if (!desktop) throw new Error('the desktop harness did not start');
    const { page } = await desktop.openWindow();
    await installAxe(page.context());
    await page.reload();
    await waitForPlayground(page);
    await runOnce(page, 'worker-thread', 'Mandelbrot', '≈1 s');
    await page.getByTestId('process-table').waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expectNoViolations(page, 'the desktop Playground', scheme);
    }
  });
});

describe('keyboard and titles', () => {
  it('names every screen in the window title', async () => {
    const page = await suite.browser.newPage();
    try {
      for (const s of SCREENS) {
        await page.goto(`${suite.url}?screen=${s.id}`);
        await expect.poll(() => page.title()).toBe(`${s.label} — Unfreeze`);
      }
      await page.goto(`${suite.url}?screen=compare&pane=left`);
      await expect.poll(() => page.title()).toBe('Left pane — Compare — Unfreeze');
    } finally {
      await page.close();
    }
  });

  it('moves a segmented control’s choice with the arrow keys, Home and End', async () => {
    const page = await suite.browser.newPage();
    try {
      await page.goto(suite.url);
      // The Playground's workload choice sits in the place control's expansion.
      await showAllChoices(page);
      const group = page.getByRole('radiogroup', { name: 'Workload' });
      const radios = group.getByRole('radio');
      const count = await radios.count();
      expect(count).toBeGreaterThan(2);
      const checked = () => group.locator('[role=radio][aria-checked=true]').textContent();
      const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
      const names = await radios.allTextContents();
      // One tab stop: only the checked option is in the tab order.
      expect(await group.locator('[role=radio][tabindex="0"]').count()).toBe(1);
      await group.locator('[role=radio][aria-checked=true]').focus();
      expect(await checked()).toBe(names[0]);
      await page.keyboard.press('ArrowRight');
      expect(await checked()).toBe(names[1]);
      expect(await focused()).toBe(names[1]);
      await page.keyboard.press('End');
      expect(await checked()).toBe(names[count - 1]);
      await page.keyboard.press('ArrowRight');
      expect(await checked()).toBe(names[0]);
      await page.keyboard.press('ArrowLeft');
      expect(await checked()).toBe(names[count - 1]);
      await page.keyboard.press('Home');
      expect(await checked()).toBe(names[0]);
      expect(await focused()).toBe(names[0]);
    } finally {
      await page.close();
    }
  });

  it.each([
    ['in a Web Worker, focus moves to Cancel', 'web-worker', 'Cancel'],
    ['on the main thread, which cannot be cancelled', 'renderer-main', null],
  ] as const)('keeps focus off <body> while Start is disabled: %s', async (_name, place, during) => {
    const page = await suite.browser.newPage();
    try {
      await page.goto(`${suite.url}?place=${place}&workload=mandelbrot&size=1s`);
      const start = page.getByRole('button', { name: 'Start', exact: true });
      await expect.poll(() => start.isEnabled(), { timeout: 30_000 }).toBe(true);
      await start.focus();
      await page.keyboard.press('Enter');
      const focusedText = () =>
        page.evaluate(() =>
          document.activeElement === document.body ? '<body>' : document.activeElement?.textContent,
        );
      if (during !== null) {
        await page.getByRole('button', { name: 'Cancel', exact: true }).and(page.locator(':enabled')).waitFor();
        expect(await focusedText()).toBe(during);
      }
      await page.getByText(/^Done/).first().waitFor({ timeout: 60_000 });
      await expect.poll(focusedText).toBe('Start');
    } finally {
      await page.close();
    }
  });
});
