import { beforeAll, expect, it } from 'vitest';
import { DATA_COST_SIZES, MIB, type DataCostMethod } from '../shared/datacost/data-cost-methods';
import { sampleAt, timesAsLong, type DataCostSample } from '../shared/datacost/data-cost-summary';
import { runDataCostSweep } from './support/data-cost-page';
import { describeUnderElectron } from './support/electron-app';

/**
 * The data-cost card in the desktop app under real Electron, for its two desktop legs: Electron
 * IPC to the main process, and a MessagePort to the utility process (data:port, the port
 * forwarded by the preload, renderer/src/lab/data-port.ts on the page). Only real Electron can
 * carry this: the desktop half without Electron (desktop.e2e.test.ts) joins Chromium to a Node
 * process through a Playwright binding, which passes JSON, never a MessagePort
 * (e2e/data-cost-desktop-half.e2e.test.ts checks there that the card says why the leg fails).
 * Where Electron's binary cannot be had, the suite reports itself skipped, with the reason
 * (describeUnderElectron).
 */
describeUnderElectron("the data-cost lab's desktop legs under Electron", (electron) => {
  let samples: DataCostSample[];
  const errors: string[] = [];

  beforeAll(async () => {
    const { page } = electron;
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.getByRole('link', { name: 'Concurrency lab' }).click();
    await page.getByTestId('data-cost-card').waitFor();
    samples = await runDataCostSweep(page);
    console.log(samples.map((s) => `${s.method} ${s.bytes}: ${JSON.stringify(s)}`).join('\n'));
  }, 600_000);

  const at = (method: DataCostMethod, bytes: number): DataCostSample => {
    const sample = sampleAt(samples, method, bytes);
    if (sample === undefined) throw new Error(`${method} at ${bytes} bytes was not measured`);
    return sample;
  };

  it('sweeps every size through the MessagePort to the utility process and through IPC, with no error', () => {
    expect(errors).toEqual([]);
    for (const method of ['utility-port', 'ipc'] as const) {
      expect(samples.filter((s) => s.method === method).map((s) => s.bytes)).toEqual([...DATA_COST_SIZES]);
    }
    for (const s of samples.filter((x) => x.method === 'utility-port')) {
      expect(s.blockedMs, `${s.bytes}`).toBeGreaterThanOrEqual(0);
      // The utility process's clock and the page's are one clock (timeOrigin + now).
      expect(s.receivedMs, `${s.bytes}`).toBeGreaterThan(-1);
      expect(s.receivedMs, `${s.bytes}`).toBeLessThanOrEqual(s.roundTripMs);
    }
  });

  it('clones on the way to a process: 64 MiB blocks the page far longer than transferring them to a worker', () => {
    expect(timesAsLong(at('utility-port', 64 * MIB).blockedMs, at('transfer', 64 * MIB).blockedMs)).toBeGreaterThan(5);
  });

  it('names the utility process in the legend', async () => {
    const legend = await electron.page.getByRole('list', { name: 'Methods' }).getByRole('listitem').allTextContents();
    expect(legend).toContain('MessagePort to a utility process');
    expect(legend).toContain('Electron IPC to the main process');
  });
});
