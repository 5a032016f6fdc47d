/**
 * `npm run screenshots`: the README's pictures, taken from the built web edition in headless
 * Chromium, light and dark. Each shot runs the real demo first, so the numbers on screen are
 * measured on this machine at the time of the shot.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { pressToggle, waitForRunEnd } from './support/playground-page';
import { startScreencast } from './support/screencast';
import { serveWebEdition } from './support/web-edition';

interface Shot {
  readonly name: string;
  /** Written by `prepare` itself (a screencast frame), not by page.screenshot. */
  readonly selfWritten?: boolean;
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

/** The projector's size: what a room sees. */
const PROJECTOR = { width: 1280, height: 720 } as const;
const settledPresets = (page: Page) => page.waitForSelector('[data-testid=preset-note]:not(:has-text("Measuring"))');

/** One run from the big toggle: Main thread or Background, then Start, to its end. */
async function runFromToggle(page: Page, half: 'Main thread' | 'Background'): Promise<void> {
  await pressToggle(page, half);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await waitForRunEnd(page);
}

const PROJECTOR_SHOTS: readonly Shot[] = [
  {
    // The results strip keeps both runs side by side; the headline is the last one's.
    name: 'projector-playground-both-runs',
    query: '?workload=mandelbrot&size=1s',
    viewport: PROJECTOR,
    prepare: async (page) => {
      await settledPresets(page);
      await runFromToggle(page, 'Main thread');
      await runFromToggle(page, 'Background');
    },
  },
  {
    // Mid-freeze the page cannot draw, so page.screenshot would wait for the run to end: the
    // compositor's own frame (a screencast) is the picture the room sees, freeze cue and all.
    name: 'projector-playground-mid-freeze',
    query: '?workload=mandelbrot&size=3s',
    viewport: PROJECTOR,
    selfWritten: true,
    prepare: async (page) => {
      await settledPresets(page);
      await pressToggle(page, 'Main thread');
      const cast = await startScreencast(page, PROJECTOR.width);
      const started = Date.now();
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      await waitForRunEnd(page);
      await cast.stop();
      const end = Date.now();
      // A frame from the middle of the run: the cue shows from its first quarter-second on.
      const middle = cast.frames.filter((f) => f.receivedAt > started + 800 && f.receivedAt < end - 300);
      const frame = middle[Math.floor(middle.length / 2)];
      if (!frame) throw new Error('the screencast caught no frame during the freeze');
      // The screencast gives a JPEG; a page of its own turns it into the PNG the other shots are.
      const browser = page.context().browser();
      if (!browser) throw new Error('no browser for the still');
      const still = await browser.newPage({ viewport: PROJECTOR });
      await still.setContent(`<img style="display:block" src="data:image/jpeg;base64,${frame.jpegBase64}">`);
      await still.locator('img').screenshot({ path: shotFile(page) });
      await still.close();
    },
  },
  {
    name: 'projector-compare',
    query: '?screen=compare',
    viewport: PROJECTOR,
    prepare: async (page) => {
      await page.getByTestId('compare-start').and(page.locator(':not([disabled])')).waitFor({ timeout: 60_000 });
      await page.getByTestId('compare-start').click();
      await page.getByTestId('compare-verdict').waitFor({ timeout: 120_000 });
    },
  },
  ...(['Main thread', 'Background'] as const).map((half): Shot => ({
    name: `projector-timeline-${half === 'Main thread' ? 'main-thread' : 'web-workers'}`,
    query: '?workload=mandelbrot&size=1s',
    viewport: PROJECTOR,
    prepare: async (page) => {
      await settledPresets(page);
      await runFromToggle(page, half);
      await page.getByTestId('timeline').scrollIntoViewIfNeeded();
    },
  })),
];

/** Where a shot of this page's name and scheme goes (set before `prepare` runs). */
const shotFiles = new WeakMap<Page, string>();
function shotFile(page: Page): string {
  const file = shotFiles.get(page);
  if (!file) throw new Error('no file for this page');
  return file;
}

mkdirSync(OUT, { recursive: true });
const server = await serveWebEdition();
const browser = await launchChromium();
try {
  for (const shot of [...SHOTS, ...PROJECTOR_SHOTS]) {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({
        viewport: shot.viewport ?? { width: 1440, height: 900 },
        colorScheme: scheme,
      });
      const file = path.join(OUT, `${shot.name}-${scheme}.png`);
      shotFiles.set(page, file);
      await page.goto(server.url + shot.query);
      await shot.prepare(page);
      if (!shot.selfWritten) {
        await page.waitForTimeout(1_000); // let the charts scroll on a little after the run
        await page.screenshot({ path: file, fullPage: shot.fullPage ?? false });
      }
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
