import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendeeMessageSchema, type ResultMessage } from '../shared/audience/audience-messages';
import { median } from '../shared/audience/room-stats';
import { startAudienceServer, type AudienceSession } from '../electron/audience/audience-server';
import { formatDuration } from '../shared/format/format-duration';
import { launchChromium } from './support/chromium';

/**
 * Audience mode end to end on loopback: the real server (electron/audience/) serving the built
 * renderer (out/web), the presenter's dashboard and five attendee pages in Chromium, each in its
 * own context (its own window: a page behind another is drawn at a few frames a second). Each
 * attendee presses "Run the test"; the dashboard must show five results and their medians.
 * Runs are short (0.3 s of work on a mid-range laptop) so the file stays quick on a loaded machine.
 */
const ROOT = resolve(import.meta.dirname, '../out/web');
const ATTENDEES = 5;
let browser: Browser;
let session: AudienceSession;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  session = await startAudienceServer({ host: '127.0.0.1', root: ROOT, runSeconds: 0.3 });
  browser = await launchChromium();
});
afterAll(async () => {
  await session?.stop();
  await browser?.close();
});

async function openPage(url: string, viewport = { width: 1280, height: 720 }) {
  const context = await browser.newContext({ viewport });
  contexts.push(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(m.text());
  });
  // A CSP violation (zod's eval probe, a blocked connection) is an event, not always a console line.
  await page.exposeFunction('reportViolation', (what: string) => problems.push(`CSP: ${what}`));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => {
      void (globalThis as unknown as { reportViolation(w: string): void }).reportViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    }),
  );
  const sent: string[] = [];
  page.on('websocket', (ws) => ws.on('framesent', (frame) => sent.push(String(frame.payload))));
  await page.goto(url);
  return { page, problems, sent };
}

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent()) ?? '';

describe('audience mode in Chromium', () => {
  it('fills the dashboard with five attendees’ results and the right medians', async () => {
    const dashboard = await openPage(session.presenterUrl);
    await expect.poll(() => text(dashboard.page, 'join-code')).toBe(session.joinCode);
    expect(await text(dashboard.page, 'join-url')).toBe(session.joinUrl);
    await expect
      .poll(() => dashboard.page.getByRole('status').filter({ hasText: 'results' }).textContent())
      .toBe('0 results');

    const attendees = [];
    for (let i = 0; i < ATTENDEES; i++) attendees.push(await openPage(session.joinUrl, { width: 390, height: 844 }));
    await expect.poll(() => text(dashboard.page, 'room-counts')).toBe(`${ATTENDEES} joined · 0 finished`);

    for (const [i, attendee] of attendees.entries()) {
      const { page } = attendee;
      await expect(page.getByText('Room', { exact: false }).first().textContent()).resolves.toContain(session.joinCode);
      // A plain-http page of the room's network is not cross-origin isolated, and the test does not need to be.
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
      await page.getByRole('button', { name: 'Run the test' }).click();
      await page.getByText('Sent to the presenter’s screen.').waitFor({ timeout: 60_000 });
      await expect.poll(() => text(dashboard.page, 'result-count')).toBe(`${i + 1} ${i === 0 ? 'result' : 'results'}`);
    }

    // What each page sent, word for word: one result, valid, and shown on its own page.
    const results: ResultMessage[] = [];
    for (const { page, sent, problems } of attendees) {
      const messages = sent.map((s) => attendeeMessageSchema.parse(JSON.parse(s)));
      expect(messages.map((m) => m.type)).toEqual(['result']);
      const result = messages[0] as ResultMessage;
      results.push(result);
      expect(await text(page, 'own-renderer-main')).toBe(formatDuration(result.main.worstGapMs));
      expect(await text(page, 'own-web-worker')).toBe(formatDuration(result.workers.worstGapMs));
      expect(result.device.cores).toBeGreaterThan(0);
      expect(await page.locator('body').textContent()).not.toMatch(/SharedArrayBuffer|isolat/i);
      expect(problems).toEqual([]);
    }
    console.log(`An attendee's device sent, word for word:\n${attendees[0]?.sent[0]}`);

    // The freeze was measured: the main-thread run froze each page far longer than the workers run did.
    for (const r of results) expect(r.main.worstGapMs).toBeGreaterThan(r.workers.worstGapMs);
    const mainMedian = median(results.map((r) => r.main.worstGapMs)) ?? 0;
    const workersMedian = median(results.map((r) => r.workers.worstGapMs)) ?? 0;
    await expect.poll(() => text(dashboard.page, 'result-count')).toBe('5 results');
    expect(await text(dashboard.page, 'median-main')).toBe(formatDuration(mainMedian));
    expect(await text(dashboard.page, 'median-workers')).toBe(formatDuration(workersMedian));
    expect(await text(dashboard.page, 'room-counts')).toBe('5 joined · 5 finished');
    const slowest = Math.max(...results.map((r) => r.main.wallMs));
    expect(await text(dashboard.page, 'slowest')).toContain(formatDuration(slowest));
    expect(await dashboard.page.locator('svg circle').count()).toBe(ATTENDEES * 2);
    expect(dashboard.problems).toEqual([]);
  });

  it('asks a question on the phones, and reveals the answers beside what was measured', async () => {
    const dashboard = contexts[0]?.pages()[0];
    const phone = contexts[1]?.pages()[0];
    if (!dashboard || !phone) throw new Error('the first test opened no pages');
    await dashboard.getByRole('button', { name: /Ask “How long/ }).click();
    await phone.getByRole('spinbutton').fill('2');
    await phone.getByRole('button', { name: 'Send my guess' }).click();
    await phone.getByText('Your answer is in.').first().waitFor();
    await expect.poll(() => dashboard.getByText(/^1 answer$/).count()).toBe(1);
    await dashboard.getByRole('button', { name: 'Reveal the answers' }).click();
    await phone.getByRole('region', { name: 'The room’s answers' }).waitFor();
    expect(await phone.getByRole('region', { name: 'The room’s answers' }).textContent()).toContain(
      'Median guess: 2 s',
    );
    // The phone and the dashboard hear the reveal separately: wait for the dashboard's own render.
    await expect
      .poll(() => dashboard.getByLabel('Question on the screen').textContent())
      .toContain('Median guess: 2 s');
  });

  it('tells the attendees’ pages when the session stops', async () => {
    const phone = contexts[2]?.pages()[0];
    if (!phone) throw new Error('the first test opened no pages');
    await session.stop();
    await phone.getByRole('alert').filter({ hasText: 'The presenter ended the session.' }).waitFor();
    expect(await phone.getByRole('button', { name: /Run the test/ }).isDisabled()).toBe(true);
  });
});
