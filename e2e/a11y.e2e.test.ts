import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENS } from '../shared/screens';
import { axeViolations, describeViolations, installAxe } from './support/axe';
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
    ready: (page) => page.getByText('Both panes are ready.').waitFor({ timeout: 30_000 }),
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
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
}

describe.each(['light', 'dark'] as const)('axe-core, %s', (scheme) => {
  it.each(STATES)('finds no violation: $name', async (state) => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: scheme });
    try {
      await installAxe(context);
      const page = await context.newPage();
      await page.goto(suite.url + state.query);
      await state.ready(page);
      // The theme is applied in an effect; contrast is judged on the page as it settles.
      await page.waitForFunction((s) => document.documentElement.dataset.theme === s, scheme);
      await settled(page);
      const violations = await axeViolations(page);
      expect(violations, `axe-core found, on ${state.name} (${scheme}):\n${describeViolations(violations)}`).toEqual(
        [],
      );
    } finally {
      await context.close();
    }
  });
});
