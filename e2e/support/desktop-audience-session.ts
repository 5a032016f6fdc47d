import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { sampleResult } from '../../shared/audience/test-results';
import { AudienceClient } from '../../electron/audience/fixtures/audience-client';

/**
 * The desktop Audience screen's session, driven as a presenter would: the same steps under real
 * Electron (`audience-desktop.e2e`) and with stand-ins for Electron (`audience-desktop-half.e2e`).
 */

/**
 * Starts a session on loopback from the screen, joins three simulated attendees over the network,
 * sends their results (0.9, 1.0 and 1.1 s) and waits for the dashboard to show them (median 1.00 s).
 * Returns the attendees, still connected.
 */
export async function startSessionWithThreeResults(page: Page): Promise<AudienceClient[]> {
  await page.getByLabel('This computer only (127.0.0.1)').check();
  await page.getByRole('button', { name: 'Start the session' }).click();
  const joinUrl = (await page.getByTestId('join-url').textContent()) ?? '';
  expect(joinUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?join=[\w-]{22}$/);
  const session = { joinUrl, presenterUrl: '', origin: new URL(joinUrl).origin };
  const phones = await Promise.all([0, 1, 2].map(() => AudienceClient.attendee(session)));
  phones.forEach((phone, i) => phone.send(sampleResult(900 + 100 * i)));
  await page.getByRole('status').filter({ hasText: '3 results' }).waitFor();
  expect(await page.getByTestId('median-main').textContent()).toBe('1.00 s');
  return phones;
}

/** Stops the session from the screen: every attendee is told (close code 1001), and Start is back. */
export async function stopSessionTellingAttendees(page: Page, phones: readonly AudienceClient[]): Promise<void> {
  await page.getByRole('button', { name: 'Stop the session' }).click();
  for (const phone of phones) expect((await phone.closed).code).toBe(1001);
  await page.getByRole('button', { name: 'Start the session' }).waitFor();
}
