// Renders resources/icon.svg to resources/icon.png (512x512, transparent corners) with Debian's
// Chromium: `npx tsx resources/render-icon.ts`. Run it again whenever the SVG changes.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { launchChromium } from '../e2e/support/chromium';

const here = import.meta.dirname;
const size = 512;
const svg = await readFile(path.join(here, 'icon.svg'), 'utf8');

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  await page.setContent(
    `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${svg}`,
  );
  await page.screenshot({
    path: path.join(here, 'icon.png'),
    omitBackground: true,
    clip: { x: 0, y: 0, width: size, height: size },
  });
} finally {
  await browser.close();
}
