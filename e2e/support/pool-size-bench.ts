import type { Browser, Page } from 'playwright-core';
import { pageWorkMs, restCores, speedupCeiling, type CpuSnapshot, type RunInside } from './cpu-by-thread';
import { choosePlace, openPlayground, type RunFigures } from './playground-page';

/**
 * The Web Worker pool at two sizes, cores and cores − 1, against the page's own thread on the
 * same Mandelbrot: speedup and worst frame gap. The pool is sized from
 * navigator.hardwareConcurrency (renderer/src/run/web-worker-pool.ts), so a page that reports
 * fewer logical processors gets the smaller pool. Each page load runs both places once, first
 * runs only, so both run exactly the same work (no place factor learnt yet). Beside each speedup,
 * what the machine allows that pool (support/cpu-by-thread.ts `speedupCeiling`).
 */
export interface PoolSizeRow {
  readonly workers: number;
  readonly mainMs: number;
  readonly workerMs: number;
  readonly speedup: number;
  /** What the cores left by the page allowed this pool; NaN without a reading inside the run. */
  readonly allowed: number;
  readonly worstGapMs: number;
}

export interface PoolSizeOptions {
  readonly url: string;
  readonly cores: number;
  /** hardwareConcurrency that gives a pool of `workers` (the pool rule, run backwards). */
  readonly reportedCoresFor: (workers: number) => number;
  readonly runs: number;
  readonly run: (page: Page) => Promise<RunFigures & { cpu: CpuSnapshot; inside: RunInside | null }>;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

export async function runPoolSizeBench(browser: Browser, o: PoolSizeOptions): Promise<PoolSizeRow[]> {
  const rows: PoolSizeRow[] = [];
  for (const workers of [...new Set([o.cores, Math.max(1, o.cores - 1)])]) {
    const main: number[] = [];
    const worker: number[] = [];
    const gaps: number[] = [];
    const allowed: number[] = [];
    for (let i = 0; i < o.runs; i++) {
      const context = await browser.newContext();
      const reported = o.reportedCoresFor(workers);
      await context.addInitScript(
        `Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => ${reported} });`,
      );
      // openPlayground asks only for newPage: the context's, with the init script.
      const { page } = await openPlayground({ newPage: () => context.newPage() } as unknown as Browser, o.url);
      try {
        await choosePlace(page, /Page main thread/);
        const blocking = await o.run(page);
        main.push(blocking.elapsedMs);
        await page.waitForTimeout(300);
        await choosePlace(page, /Web Workers/);
        const figures = await o.run(page);
        worker.push(figures.elapsedMs);
        gaps.push(figures.worstGapMs);
        const rest = figures.inside ? restCores(figures.inside.cores) : Number.NaN;
        allowed.push(speedupCeiling(pageWorkMs(blocking), figures.cpu['Web Workers'], rest, workers, o.cores));
      } finally {
        await context.close();
      }
    }
    const mainMs = median(main);
    const workerMs = median(worker);
    rows.push({
      workers,
      mainMs,
      workerMs,
      speedup: mainMs / workerMs,
      allowed: median(allowed),
      worstGapMs: median(gaps),
    });
  }
  return rows;
}

export function printPoolSizeTable(rows: readonly PoolSizeRow[], cores: number): void {
  console.log(`\nWeb Worker pool size on ${cores} logical processors: same Mandelbrot, page thread vs pool\n`);
  console.log('| workers | page thread | Web Workers | speedup | machine allows | worst frame gap (workers) |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.workers} | ${(r.mainMs / 1000).toFixed(2)} s | ${(r.workerMs / 1000).toFixed(2)} s | ` +
        `${r.speedup.toFixed(2)}× | ${r.allowed.toFixed(2)}× | ${r.worstGapMs.toFixed(0)} ms |`,
    );
  console.log('');
}
