/**
 * `npm run screenshots`: the README's pictures, taken from the built web edition in headless
 * Chromium, light and dark. Each shot runs the real demo first, so the numbers on screen are
 * measured on this machine at the time of the shot.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { serveWebEdition } from './support/web-edition';

interface Shot {
  readonly name: string;
  readonly query: string;
  /** Brings the page into the state worth showing. */
  prepare(page: Page): Promise<void>;
  readonly fullPage?: boolean;
  readonly viewport?: { readonly width: number; readonly height: number };
}

const OUT = path.resolve(import.meta.dirname, '../resources/screenshots');
const runEnds = (page: Page) => page.getByText(/^Done/).first().waitFor({ timeout: 120_000 });

const SHOTS: readonly Shot[] = [
  {
    name: 'playground',
    query: '?place=web-worker&workload=mandelbrot&size=1s&autorun=1',
    prepare: runEnds,
    fullPage: true,
  },
  {
    name: 'downloads',
    query: '?screen=downloads',
    prepare: async (page) => {
      await page.getByRole('button', { name: /Run: Start and join/ }).click();
      await page
        .locator('[data-testid=scenario-start-join] [data-testid=scenario-verdict]')
        .waitFor({ timeout: 120_000 });
    },
    fullPage: true,
  },
  {
    name: 'lab',
    query: '?screen=lab',
    prepare: async (page) => {
      // The deadlock card: the cycle drawn, both workers giving up after their timeout.
      const card = page.getByTestId('lab-card-deadlock');
      await card.scrollIntoViewIfNeeded();
      await card.getByRole('button', { name: 'Run' }).click();
      await card.getByTestId('wait-cycle').waitFor({ timeout: 30_000 });
      await card.locator('[data-testid=lab-status]:not([data-phase=running])').waitFor({ timeout: 30_000 });
    },
  },
  {
    name: 'presenter',
    query: '?screen=workshop&chapter=freeze&presenter=1',
    // A projector's width: the explanation and the code side by side.
    viewport: { width: 1600, height: 1000 },
    prepare: async (page) => {
      await page.getByTestId('run-chapter').click();
      await page.waitForSelector('[data-testid=chapter][data-running=false] [data-testid=measured][data-at]', {
        timeout: 120_000,
      });
    },
  },
];

mkdirSync(OUT, { recursive: true });
const server = await serveWebEdition();
const browser = await launchChromium();
try {
  for (const shot of SHOTS) {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({
        viewport: shot.viewport ?? { width: 1440, height: 900 },
        colorScheme: scheme,
      });
      await page.goto(server.url + shot.query);
      await shot.prepare(page);
      await page.waitForTimeout(1_000); // let the charts scroll on a little after the run
      const file = path.join(OUT, `${shot.name}-${scheme}.png`);
      await page.screenshot({ path: file, fullPage: shot.fullPage ?? false });
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
