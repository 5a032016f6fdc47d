import { expect, it } from 'vitest';
import { startSessionWithThreeResults, stopSessionTellingAttendees } from './support/desktop-audience-session';
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
    const phones = await startSessionWithThreeResults(page);
    await stopSessionTellingAttendees(page, phones);
  });
});
