import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleResult } from '../shared/audience/test-results';
import { AudienceClient } from '../electron/audience/fixtures/audience-client';
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
    await page.getByLabel('This computer only (127.0.0.1)').check();
    await page.getByRole('button', { name: 'Start the session' }).click();
    const joinUrl = (await page.getByTestId('join-url').textContent()) ?? '';
    expect(joinUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?join=[\w-]{22}$/);
    const session = { joinUrl, presenterUrl: '', origin: new URL(joinUrl).origin };
    const phones = await Promise.all([0, 1, 2].map(() => AudienceClient.attendee(session)));
    phones.forEach((phone, i) => phone.send(sampleResult(900 + 100 * i)));
    await page.getByRole('status').filter({ hasText: '3 results' }).waitFor();
    expect(await page.getByTestId('median-main').textContent()).toBe('1.00 s');
    expect(await page.getByTestId('room-counts').textContent()).toBe('3 joined · 3 finished');

    await page.getByRole('button', { name: /Ask “How long/ }).click();
    const asked = await phones[0]?.next((m) => m.type === 'question');
    expect(asked).toMatchObject({ question: { kind: 'seconds' } });

    await page.getByRole('button', { name: 'Stop the session' }).click();
    for (const phone of phones) expect((await phone.closed).code).toBe(1001);
    await page.getByRole('button', { name: 'Start the session' }).waitFor();
  });
});
