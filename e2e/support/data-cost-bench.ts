import { cpus, loadavg } from 'node:os';
import { dataCostVerdict, SAMPLE_HEAD, sampleRows, type DataCostSample } from '../../shared/datacost/data-cost-summary';
import { launchChromium } from './chromium';
import { openDataCost, runDataCostSweep } from './data-cost-page';
import { runDataPortBench } from './data-port-bench';
import { markdownTable } from './markdown-table';
import { serveWebEdition } from './web-edition';

/**
 * `npm run bench -- --section=datacost`: the data-cost card's sweep (1 KiB … 64 MiB to a Web Worker
 * and back as a clone of objects, a clone of bytes, a transfer, and through shared memory) in
 * headless Chromium, each figure the median of three moves; then the desktop's utility-process leg
 * in its Node stand-in (data-port-bench.ts). The machine's load is part of the report: on two busy
 * cores a clone's figures can double.
 */
export interface DataCostReport {
  readonly date: string;
  readonly userAgent: string;
  readonly cores: number;
  /** 1, 5 and 15 minute load averages when the sweep began. */
  readonly loadAverage: readonly number[];
  readonly verdict: string;
  readonly samples: readonly DataCostSample[];
  /** The utility-process leg: a real child process running data-echo-entry, its IPC channel for the port. */
  readonly utilityPort: readonly DataCostSample[];
}

export async function runDataCostBench(): Promise<DataCostReport> {
  const server = await serveWebEdition();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await openDataCost(page, server.url);
    const loadAverage = loadavg().map((l) => Number(l.toFixed(2)));
    const samples = await runDataCostSweep(page);
    return {
      date: new Date().toISOString(),
      userAgent: await page.evaluate(() => navigator.userAgent),
      cores: cpus().length,
      loadAverage,
      verdict: dataCostVerdict(samples),
      samples,
      utilityPort: await runDataPortBench(),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

export function printDataCostReport(report: DataCostReport): void {
  const load = report.loadAverage.join(' / ');
  console.log(`\nMoving data to a Web Worker and back, median of 3 moves (headless Chromium)`);
  console.log(`${report.cores} cores, load average ${load} (1 / 5 / 15 min)\n`);
  console.log(markdownTable(SAMPLE_HEAD, sampleRows(report.samples)));
  console.log(`\n${report.verdict}\n`);
  console.log('The desktop leg "MessagePort to a utility process", in Node: the real echo entry in a child process,');
  console.log('its structured-clone IPC channel standing in for the port (Electron cannot start here; Node draws no');
  console.log('frames, so no frame gap). Electron IPC to the main process needs Electron itself: not in this table.\n');
  console.log(markdownTable(SAMPLE_HEAD, sampleRows(report.utilityPort)));
}
