import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSessionWithThreeResults, stopSessionTellingAttendees } from './support/desktop-audience-session';
import { startDesktopHarness, type DesktopHarness } from './support/desktop-harness';

/**
 * The desktop app's Audience screen without Electron (ARCHITECTURE.md, "The desktop half, end to
 * end without Electron"): the built renderer in Chromium with `window.unfreeze`, talking to the
 * real main side (audience:start → the session server in that process, audience:state events
 * back). Simulated attendees join over loopback; the dashboard fills in; Stop tells them.
 */
let desktop: DesktopHarness;
beforeAll(async () => {
  desktop = await startDesktopHarness();
});
afterAll(async () => {
  await desktop?.close();
});

describe('the desktop Audience screen, with stand-ins only for BrowserWindow, contextBridge and Electron IPC', () => {
  it('starts a session on demand, shows the room’s results and stops, telling the attendees', async () => {
    const { page } = await desktop.openWindow('?screen=audience');
    const phones = await startSessionWithThreeResults(page);
    expect(await page.getByTestId('room-counts').textContent()).toBe('3 joined · 3 finished');

    await page.getByRole('button', { name: /Ask “How long/ }).click();
    const asked = await phones[0]?.next((m) => m.type === 'question');
    expect(asked).toMatchObject({ question: { kind: 'seconds' } });

    await stopSessionTellingAttendees(page, phones);
  });
});
