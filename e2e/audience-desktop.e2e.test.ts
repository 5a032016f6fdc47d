import { expect, it } from 'vitest';
import { sampleResult } from '../shared/audience/test-results';
import { AudienceClient } from '../electron/audience/fixtures/audience-client';
import { describeUnderElectron } from './support/electron-app';

/**
 * The Audience screen in the desktop app under real Electron: the main process starts the session
 * server on demand (audience:start), simulated attendees join over the network, the dashboard
 * fills in through the audience:state events, and Stop tells the attendees. Where Electron's
 * binary cannot be had, the suite reports itself skipped, with the reason.
 */
describeUnderElectron('audience mode in the desktop app', (electron) => {
  it('listens on nothing until the presenter starts a session', async () => {
    const { page } = electron;
    await page.getByRole('link', { name: 'Audience' }).click();
    await page.getByRole('button', { name: 'Start the session' }).waitFor();
    expect(await page.getByTestId('join-url').count()).toBe(0);
  });

  it('starts on loopback, fills in with three attendees’ results, and tells them when it stops', async () => {
    const { page } = electron;
    await page.getByLabel('This computer only (127.0.0.1)').check();
    await page.getByRole('button', { name: 'Start the session' }).click();
    const joinUrl = (await page.getByTestId('join-url').textContent()) ?? '';
    expect(joinUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?join=[\w-]{22}$/);
    const session = { joinUrl, presenterUrl: '', origin: new URL(joinUrl).origin };
    const phones = await Promise.all([0, 1, 2].map(() => AudienceClient.attendee(session)));
    phones.forEach((phone, i) => phone.send(sampleResult(900 + 100 * i)));
    await page.getByRole('status').filter({ hasText: '3 results' }).waitFor();
    expect(await page.getByTestId('median-main').textContent()).toBe('1.00 s');
    await page.getByRole('button', { name: 'Stop the session' }).click();
    for (const phone of phones) expect((await phone.closed).code).toBe(1001);
    await page.getByRole('button', { name: 'Start the session' }).waitFor();
  });
});
