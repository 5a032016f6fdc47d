/**
 * Screenshots of audience mode (`npx tsx e2e/audience-screenshots.ts [out-dir]`, after
 * `npm run build:web`): the dashboard with 30 results from simulated attendees (ws clients sending
 * plausible, varied results), light and dark at 1280×720, and the attendee page at 390×844.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { sampleResult } from '../shared/audience/test-results';
import type { ResultMessage } from '../shared/audience/audience-messages';
import { mulberry32 } from '../shared/testing/mulberry32';
import { startAudienceServer } from '../electron/audience/audience-server';
import { AudienceClient } from '../electron/audience/fixtures/audience-client';
import { launchChromium } from './support/chromium';

const OUT = path.resolve(process.argv[2] ?? 'shots/audience');
const KINDS = [
  { browser: 'Safari 18', os: 'iOS', mobile: true, cores: 6, memoryGiB: null, speed: 1.3 },
  { browser: 'Chrome 131', os: 'Android', mobile: true, cores: 8, memoryGiB: 4, speed: 2.2 },
  { browser: 'Chrome 131', os: 'macOS', mobile: false, cores: 10, memoryGiB: 8, speed: 0.7 },
  { browser: 'Firefox 133', os: 'Windows', mobile: false, cores: 8, memoryGiB: null, speed: 1.0 },
  { browser: 'Samsung Internet 27', os: 'Android', mobile: true, cores: 8, memoryGiB: 2, speed: 3.4 },
];

function simulated(i: number, random: () => number): ResultMessage {
  const kind = KINDS[i % KINDS.length] ?? KINDS[0];
  if (!kind) throw new Error('no device kinds');
  const { speed, ...device } = kind;
  const mainMs = Math.round(1000 * speed * (0.85 + 0.3 * random()));
  const base = sampleResult(mainMs, Math.round(17 + random() * (device.mobile ? 60 : 15)), device.cores);
  return { ...base, device, main: { ...base.main, wallMs: mainMs + 8 } };
}

mkdirSync(OUT, { recursive: true });
const session = await startAudienceServer({ host: '127.0.0.1', root: path.resolve('out/web'), runSeconds: 1 });
const browser = await launchChromium();
try {
  const random = mulberry32(7);
  const crowd = await Promise.all(Array.from({ length: 32 }, () => AudienceClient.attendee(session)));
  crowd.slice(0, 30).forEach((client, i) => client.send(simulated(i, random)));
  session.command({ type: 'ask', question: { kind: 'seconds', text: 'How long will the page freeze?' } });
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, colorScheme: scheme });
    await page.goto(session.presenterUrl);
    await page.getByText('30 results').waitFor();
    await page.getByTestId('result-count').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUT, `dashboard-30-${scheme}.png`) });
    await page.screenshot({ path: path.join(OUT, `dashboard-30-${scheme}-full.png`), fullPage: true });
    await page.close();
  }
  for (const scheme of ['light', 'dark'] as const) {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, colorScheme: scheme, isMobile: true });
    await phone.goto(session.joinUrl);
    await phone.getByText('Room').first().waitFor();
    await phone.screenshot({ path: path.join(OUT, `attendee-phone-${scheme}.png`) });
    await phone.getByRole('button', { name: 'Run the test' }).click();
    await phone.getByText('Sent to the presenter’s screen.').waitFor({ timeout: 60_000 });
    await phone.screenshot({ path: path.join(OUT, `attendee-phone-result-${scheme}.png`), fullPage: true });
    await phone.close();
  }
  console.log(`wrote screenshots to ${OUT}`);
} finally {
  await browser.close();
  await session.stop();
}
