/**
 * Screenshots of the timeline after a renderer-main run and after a web-worker run, light and
 * dark: `npx tsx e2e/support/timeline-shots.ts <folder> [width] [height]` (after npm run build:web).
 * The timeline is scrolled into view, so the picture is what a presenter would show.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from './chromium';
import { choosePlace, waitForRunEnd } from './playground-page';
import { serveWebEdition } from './web-edition';

const [out = 'shots', width = '1280', height = '720'] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const server = await serveWebEdition();
const browser = await launchChromium();
try {
  for (const scheme of ['light', 'dark'] as const) {
    for (const [place, label] of [
      ['renderer-main', /Page main thread/],
      ['web-worker', /Web Workers/],
    ] as const) {
      const page = await browser.newPage({
        viewport: { width: Number(width), height: Number(height) },
        colorScheme: scheme,
      });
      await page.goto(`${server.url}?workload=mandelbrot&size=1s`);
      await page.waitForSelector('[data-testid=preset-note]:not(:has-text("Measuring"))');
      await choosePlace(page, label);
      await page.getByRole('button', { name: 'Start' }).click();
      await waitForRunEnd(page);
      await page.getByTestId('timeline').scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      const file = path.join(out, `timeline-${place}-${scheme}-${width}x${height}.png`);
      await page.screenshot({ path: file });
      console.log(`wrote ${file}`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
