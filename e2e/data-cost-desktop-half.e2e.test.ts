import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDesktopHarness, type DesktopHarness } from './support/desktop-harness';

/**
 * The data-cost card in the desktop half without Electron (ARCHITECTURE.md, "The desktop half, end
 * to end without Electron"): the built renderer in Chromium with `window.unfreeze`, and the real
 * main side (dispatcher, invoke handlers) in a Node process. What this harness cannot carry is the
 * utility-process leg itself: the page and the main side are joined by a Playwright binding, which
 * passes JSON, and a MessagePort can only be transferred by a postMessage, between two ends of one
 * browser or one Electron app. So the main side's data:port refuses (e2e/support/desktop-main-side.ts),
 * and this proves the page says so, naming the reason, rather than waiting or skipping the leg
 * silently. The leg's sweep runs under real Electron: e2e/data-cost-electron.e2e.test.ts.
 */
let desktop: DesktopHarness;
beforeAll(async () => {
  desktop = await startDesktopHarness();
});
afterAll(async () => {
  await desktop?.close();
});

describe('the desktop data-cost card, with stand-ins for BrowserWindow, contextBridge and Electron IPC', () => {
  it('offers the MessagePort to a utility process, and fails the sweep with the main side’s reason', async () => {
    const { page, errors } = await desktop.openWindow('?screen=lab');
    const card = page.getByTestId('data-cost-card');
    await card.waitFor();
    const legend = await card.getByRole('list', { name: 'Methods' }).getByRole('listitem').allTextContents();
    expect(legend).toEqual(
      expect.arrayContaining(['Electron IPC to the main process', 'MessagePort to a utility process']),
    );
    await card.getByRole('button', { name: 'Run' }).click();
    const status = card.locator('[data-testid=data-cost-status][data-finished="1"]');
    await status.waitFor({ timeout: 60_000 });
    expect(await status.getAttribute('data-phase')).toBe('failed');
    expect(await status.textContent()).toMatch(
      /^The sweep failed: The main process refused a MessagePort: .*exists only in the Electron app/,
    );
    // Every leg before it was measured, through this harness's IPC too: the failure is the port's alone.
    const measured = await card
      .getByTestId('data-cost-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-method')));
    expect(measured).toContain('ipc');
    expect(measured).not.toContain('utility-port');
    expect(errors).toEqual([]);
  });
});
