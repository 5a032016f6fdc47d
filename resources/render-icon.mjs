// Renders resources/icon.svg to resources/icon.png (512x512, transparent corners) with Debian's
// Chromium: `node resources/render-icon.mjs`. Run it again whenever the SVG changes.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';

const here = import.meta.dirname;
const size = 512;
const svg = await readFile(path.join(here, 'icon.svg'), 'utf8');

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
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
