/**
 * `npm run bench`, six sections:
 *   renderer  — the same ~2 s Mandelbrot in each renderer place, in headless Chromium, measured by the
 *               app's own meters while synthetic clicks arrive every 100 ms; where the CPU went, by
 *               kind of thread; the honest-sizes table; the Web Worker pool at cores and cores − 1;
 *               every way of giving the page's thread back.
 *   host      — the desktop places in Node (main process inline, worker threads, child processes
 *               standing in for utility processes): event-loop delay, round trips and where a warm one
 *               goes (with its JIT-warm figure), spawn and cancel times, and the Mandelbrot speedup
 *               over 1…N worker threads (support/host-bench.ts).
 *   downloads — 100 and 1,000 concurrent simulated downloads on one event loop (the page's, and a
 *               Web Worker's): scheduling overhead and the UI's worst frame gap (support/downloads-bench.ts).
 *   datacost  — payloads of 1 KiB … 64 MiB to a Web Worker and back, cloned, transferred and shared:
 *               sender blocked, received after, worst frame gap (support/data-cost-bench.ts); then the
 *               utility-process leg in Node, a child process standing in for it (support/data-port-bench.ts).
 *   timeline  — the timeline's draw cost (mean, median / p95, page-thread CPU per frame), the live
 *               timeline during a real run, the recorder's overhead, a trace file's size (support/timeline-bench.ts).
 *   audience  — 500 simulated attendees on loopback: send → dashboard latency, server memory (support/audience-bench.ts).
 *
 *   npm run bench                 every table (median of 3 runs per place)
 *   npm run bench -- --json       tables, then JSON of every section on stdout
 *   npm run bench -- --json=f.json --runs=3 --seconds=2 --section=renderer|host|downloads|datacost|timeline|audience
 *   --sizes=1,3,10   the renderer's honest-sizes table (default all three; --sizes= skips it)
 *   --pool-runs=N    page loads per Web Worker pool size (default: --runs)
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { printAudienceReport, runAudienceBench, type AudienceReport } from './support/audience-bench';
import { printDataCostReport, runDataCostBench, type DataCostReport } from './support/data-cost-bench';
import { printDownloadsReport, runDownloadsBench, type DownloadsReport } from './support/downloads-bench';
import { printHostReport, runHostBench, type HostReport } from './support/host-bench';
import { printTimelineReport, runTimelineBench, type TimelineReport } from './support/timeline-bench';
import {
  choosePlace,
  openPlayground,
  waitForRunEnd,
  waitForRunPhaseEnd,
  type RunFigures,
} from './support/playground-page';
import { serveWebEdition } from './support/web-edition';
import { printYieldTable, runYieldBench, type YieldRow } from './support/yield-bench';
import { printSizesTable, runSizesBench, type SizeRow } from './support/sizes-bench';
import { printPoolSizeTable, runPoolSizeBench, type PoolSizeRow } from './support/pool-size-bench';
import { defaultPoolSize } from '../renderer/src/run/web-worker-pool';
import {
  cpuBetween,
  coresOf,
  cpuInside,
  cpuSampler,
  pageWorkMs,
  printCpuTable,
  restCores,
  speedupCeiling,
  type CpuSample,
  type CpuSnapshot,
  type RunInside,
} from './support/cpu-by-thread';
import { idleEnds, takeRunSpans, watchRunSpans } from './support/run-spans';

const PLACES = [
  { place: 'renderer-main', radio: /Page main thread/ },
  { place: 'renderer-sliced', radio: /Main thread, sliced/ },
  { place: 'web-worker', radio: /Web Workers/ },
] as const;
type BenchPlace = (typeof PLACES)[number]['place'];

interface Row {
  place: BenchPlace;
  wallMs: number;
  worstGapMs: number;
  framesOver50: number;
  inputP95Ms: number;
  clicks: number;
  target: string;
  met: boolean;
}

const { values } = parseArgs({
  options: {
    json: { type: 'string' },
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '2' },
    section: { type: 'string' },
    sizes: { type: 'string', default: '1,3,10' },
    'pool-runs': { type: 'string' },
  },
  allowPositionals: false,
});
// "--json" alone prints JSON to stdout; "--json=file" writes it there.
const jsonArg = process.argv.includes('--json') ? '-' : values.json;
const runs = Math.max(1, Number(values.runs) || 1);
const seconds = Number(values.seconds) || 2;
const sizes = (values.sizes ?? '')
  .split(',')
  .map(Number)
  .filter((n) => [1, 3, 10].includes(n));
const poolRuns = Math.max(1, Number(values['pool-runs']) || runs);
const SECTIONS = ['renderer', 'host', 'downloads', 'datacost', 'timeline', 'audience'] as const;
type Section = (typeof SECTIONS)[number];
const sections: readonly Section[] =
  values.section === undefined ? SECTIONS : SECTIONS.filter((s) => s === values.section);
if (sections.length === 0) {
  console.error(`--section must be one of: ${SECTIONS.join(', ')}`);
  process.exit(2);
}

/** The Web Worker pool's warm-up takes ~0.1 s of each worker after the calibration; more under load. */
const WARM_UP_WAIT_MS = 1000;

const epochMs = () => performance.timeOrigin + performance.now();

type ClickedRun = RunFigures & { clicks: number; cpu: CpuSnapshot; inside: RunInside | null };

/** Starts a run and clicks the click counter every 100 ms until it ends. */
async function runWithClicks(page: Page): Promise<ClickedRun> {
  await watchRunSpans(page);
  const box = await page.getByTestId('click-counter').boundingBox();
  const start = page.getByRole('button', { name: 'Start' });
  await start.click({ trial: true }); // waits until Start is enabled and in view, without clicking
  const startBox = await start.boundingBox();
  if (!box || !startBox) throw new Error('The click counter or Start is not on screen');
  // Also read with every other click (~1.3 ms of the bench's CPU each): what the run cost while it ran.
  const sample = cpuSampler();
  const before = sample();
  const samples: CpuSample[] = [{ atMs: epochMs(), cpu: before }];
  // A bare mouse click, not the locator's: after the click the locator asks the page a question,
  // and when a blocking run takes the thread two frames later, that answer (and with it the first
  // click on the counter) waits for the freeze to end, so the freeze would see no clicks at all.
  await page.mouse.click(startBox.x + startBox.width / 2, startBox.y + startBox.height / 2);
  // No waiting for "running" here: a blocking run may take the thread before it can be seen.
  // Clicks that land before the run starts fall outside its measurement window.
  let ended = false;
  // CPU is read the moment the status says the run ended: what the page does after a run (its
  // trace, the session, the results) is not the run's, and would inflate what the run seemed to cost.
  let cpu: CpuSnapshot | null = null;
  const end = waitForRunPhaseEnd(page)
    .then(() => {
      cpu = cpuBetween(before, sample(true));
    })
    .then(() => waitForRunEnd(page))
    .finally(() => (ended = true));
  const clicks: Promise<void>[] = [];
  // Timed from Node, not the page: during a freeze the clicks queue up inside Chromium.
  while (!ended) {
    clicks.push(page.mouse.click(box.x + box.width / 2, box.y + box.height / 2));
    if (clicks.length % 2 === 1) samples.push({ atMs: epochMs(), cpu: sample() });
    await new Promise((r) => setTimeout(r, 100));
  }
  await Promise.all(clicks);
  const figures = await end;
  if (!cpu) throw new Error('no CPU reading');
  return { ...figures, clicks: clicks.length, cpu, inside: runInside(await takeRunSpans(page), samples) };
}

/** The run as the app timed it, with the cores busy inside it (support/run-spans.ts, cpu-by-thread.ts). */
function runInside(spans: Awaited<ReturnType<typeof takeRunSpans>>, samples: readonly CpuSample[]): RunInside | null {
  if (!spans) return null;
  const inside = cpuInside(samples, spans.run.startMs, spans.run.endMs);
  if (!inside) return null;
  return { wallMs: spans.run.endMs - spans.run.startMs, cores: coresOf(inside), idle: idleEnds(spans) };
}

function medianCpu(snapshots: readonly CpuSnapshot[]): CpuSnapshot {
  const first = snapshots[0];
  if (!first) throw new Error('no run');
  return Object.fromEntries(
    Object.keys(first).map((k) => [k, median(snapshots.map((s) => s[k as keyof CpuSnapshot]))]),
  ) as CpuSnapshot;
}

/** The run with the median wall time. */
function medianRun(runs: readonly ClickedRun[]): ClickedRun | null {
  const sorted = [...runs].sort((a, b) => a.elapsedMs - b.elapsedMs);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? null;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
}

interface RendererReport {
  date: string;
  runs: number;
  seconds: number;
  userAgent: string;
  rows: Row[];
  /** What each way of yielding the page's thread costs (support/yield-bench.ts). */
  yields: YieldRow[];
  /** Web Workers at cores and cores − 1 (support/pool-size-bench.ts). */
  poolSizes: PoolSizeRow[];
  /** Requested vs measured preset sizes (support/sizes-bench.ts). */
  sizes: SizeRow[];
  /** CPU by kind of thread during each place's run, median of the rounds (support/cpu-by-thread.ts). */
  cpu: Record<BenchPlace, CpuSnapshot>;
}

async function main(): Promise<void> {
  const report: {
    date: string;
    renderer?: RendererReport;
    host?: HostReport;
    downloads?: DownloadsReport;
    datacost?: DataCostReport;
    timeline?: TimelineReport;
    audience?: AudienceReport;
  } = { date: new Date().toISOString() };
  if (sections.includes('renderer')) report.renderer = await rendererSection();
  // After the browser has gone: the host section measures this process's own event loop.
  if (sections.includes('host')) {
    report.host = await runHostBench({ runs, seconds });
    printHostReport(report.host);
  }
  if (sections.includes('downloads')) {
    report.downloads = await runDownloadsBench({ runs });
    printDownloadsReport(report.downloads);
  }
  if (sections.includes('audience')) {
    report.audience = await runAudienceBench();
    printAudienceReport(report.audience);
  }
  if (sections.includes('datacost')) {
    report.datacost = await runDataCostBench();
    printDataCostReport(report.datacost);
  }
  if (sections.includes('timeline')) {
    report.timeline = await runTimelineBench({ runs, seconds });
    printTimelineReport(report.timeline);
  }
  if (jsonArg === '-') console.log(JSON.stringify(report, null, 2));
  else if (jsonArg) writeFileSync(jsonArg, JSON.stringify(report, null, 2));
}

async function rendererSection(): Promise<RendererReport> {
  const server = await serveWebEdition();
  const browser = await launchChromium();
  try {
    // One page load per round, every place once: the same calibration and each place's first
    // run (no place factor learnt yet, see support/sizes-bench.ts), so exactly the same work.
    const url = `${server.url}?workload=mandelbrot&size=${seconds}s`;
    const samples = new Map<BenchPlace, ClickedRun[]>();
    let page: Page | null = null;
    for (let i = 0; i < runs; i++) {
      await page?.close();
      page = (await openPlayground(browser, url)).page;
      // The pool warms up after the calibration (use-calibration.ts): let it end before measuring.
      await page.waitForTimeout(WARM_UP_WAIT_MS);
      for (const { place, radio } of PLACES) {
        await choosePlace(page, radio);
        const figures = await runWithClicks(page);
        if (figures.phase !== 'done') throw new Error(`${place} ended "${figures.phase}": ${figures.status}`);
        samples.set(place, [...(samples.get(place) ?? []), figures]);
        await page.waitForTimeout(500);
      }
    }
    if (!page) throw new Error('no run');
    const workers = defaultPoolSize(await page.evaluate(() => navigator.hardwareConcurrency));
    type Figure = 'elapsedMs' | 'worstGapMs' | 'framesOver50' | 'inputP95Ms' | 'clicks';
    const m = (place: BenchPlace, key: Figure) => median((samples.get(place) ?? []).map((f) => f[key]));
    const blockingWall = m('renderer-main', 'elapsedMs');
    const cpu = Object.fromEntries(
      PLACES.map(({ place }) => [place, medianCpu((samples.get(place) ?? []).map((f) => f.cpu))]),
    ) as Record<BenchPlace, CpuSnapshot>;
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    // What this machine allows: the cores the page's own thread and drawing leave the workers while
    // the pool runs, against the blocking run's work on the page's thread (cpu-by-thread.ts).
    const pool = medianRun(samples.get('web-worker') ?? [])?.inside ?? null;
    const blocking = medianRun(samples.get('renderer-main') ?? []);
    const blockingWork = blocking ? pageWorkMs(blocking) : Number.NaN;
    const ceiling = pool
      ? speedupCeiling(blockingWork, cpu['web-worker']['Web Workers'], restCores(pool.cores), workers, cores)
      : Number.NaN;
    const rows: Row[] = PLACES.map(({ place }) => {
      const row = {
        place,
        wallMs: m(place, 'elapsedMs'),
        worstGapMs: m(place, 'worstGapMs'),
        framesOver50: m(place, 'framesOver50'),
        inputP95Ms: m(place, 'inputP95Ms'),
        clicks: m(place, 'clicks'),
      };
      if (place === 'renderer-main')
        return { ...row, target: 'worst gap ≥ 90% of wall time', met: row.worstGapMs >= 0.9 * row.wallMs };
      if (place === 'renderer-sliced') {
        const wallMet = row.wallMs <= 1.15 * blockingWall;
        return {
          ...row,
          target:
            `worst gap ≤ 50 ms, wall ≤ 1.15× blocking (${(row.wallMs / blockingWall).toFixed(2)}×` +
            `${wallMet ? '' : slicedReason(cpu['renderer-main'], cpu['renderer-sliced'])})`,
          met: row.worstGapMs <= 50 && wallMet,
        };
      }
      const speedup = blockingWall / row.wallMs;
      const limit = ceiling < 1.8 ? `; this machine allows ${ceiling.toFixed(2)}×, see the CPU table` : '';
      return {
        ...row,
        target:
          `worst gap ≤ 33 ms, no frame over 50 ms, ≥ 1.8× the page thread with ${workers} ` +
          `(${speedup.toFixed(2)}×${limit})`,
        met: row.worstGapMs <= 33 && row.framesOver50 === 0 && (workers < 2 || speedup >= 1.8),
      };
    });
    printTable(rows, runs);
    printCpuTable(cpu, { workers, cores, ceiling, blockingWorkMs: blockingWork, pool });
    const yields = await runYieldBench(page);
    printYieldTable(yields);
    const poolSizes = await runPoolSizeBench(browser, {
      url,
      cores,
      // The pool's rule (web-worker-pool.ts defaultPoolSize) run backwards: the smallest count that gives `n`.
      reportedCoresFor: (n) => {
        for (let reported = 1; reported <= 64; reported++) if (defaultPoolSize(reported) === n) return reported;
        return n;
      },
      runs: poolRuns,
      run: runWithClicks,
    });
    printPoolSizeTable(poolSizes, cores);
    let sizeRows: SizeRow[] = [];
    if (sizes.length > 0) {
      await page.close();
      page = (await openPlayground(browser, `${server.url}?workload=mandelbrot`)).page;
      sizeRows = await runSizesBench(page, { sizes, places: PLACES, workers, run: runWithClicks });
      printSizesTable(sizeRows, workers);
    }
    return {
      date: new Date().toISOString(),
      runs,
      seconds,
      userAgent: await page.evaluate(() => navigator.userAgent),
      rows,
      yields,
      poolSizes,
      sizes: sizeRows,
      cpu,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * Why a sliced run took longer than the blocking one, from CPU (load-robust): the page's thread
 * did the same work in both, so what it spent beyond the blocking run went to the yields and to
 * drawing the frames the slices let in; the yield table says what the yields alone cost.
 */
function slicedReason(blocking: CpuSnapshot, sliced: CpuSnapshot): string {
  const extra = sliced['page thread'] - blocking['page thread'];
  const share = extra / Math.max(1, blocking['page thread']);
  return (
    `; the page's thread spent ${extra.toFixed(0)} ms (${(share * 100).toFixed(0)} %) more CPU than blocking, ` +
    'on yields and on drawing its frames: see the CPU and yield tables'
  );
}

function printTable(rows: Row[], runs: number): void {
  const header = ['place', 'wall time', 'worst gap', 'frames >50 ms', 'p95 input delay', 'clicks', 'target', ''];
  const body = rows.map((r) => [
    r.place,
    `${(r.wallMs / 1000).toFixed(2)} s`,
    `${r.worstGapMs.toFixed(0)} ms`,
    String(r.framesOver50),
    `${r.inputP95Ms.toFixed(0)} ms`,
    String(r.clicks),
    r.target,
    r.met ? 'met' : 'MISSED',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(
    `\nRenderer places, Mandelbrot ≈${seconds} s, median of ${runs} run${runs === 1 ? '' : 's'} (headless Chromium)\n`,
  );
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of body) console.log(line(row));
  console.log('');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
