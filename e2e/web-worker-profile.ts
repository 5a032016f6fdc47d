/**
 * The critical path of a Web Worker run, as the bench runs it (a fresh page, the pool warmed after
 * the calibration, the ≈2 s Mandelbrot, clicks every 100 ms), taken apart:
 *
 *   npx tsx e2e/web-worker-profile.ts [seconds=2] [rounds=1] [functions…]   (after npm run build:web)
 *
 * Per worker, from the app's own job spans (support/run-spans.ts): idle from the run's start to its
 * first job and from its last job to the run's end (the tail). Then the cores each kind of thread
 * kept busy, in 100 ms steps of the run (/proc, support/cpu-by-thread.ts), so a tail, a slow start
 * or a page that takes the workers' cores shows where it happens. With function names, the page
 * thread's JavaScript is profiled (CDP) and the time under each name printed: what the pool's
 * messages cost there (e.g. `receive onProgress onTrace safeParse`).
 */
import type { CDPSession } from 'playwright-core';
import { performance } from 'node:perf_hooks';
import { launchChromium } from './support/chromium';
import { cpuBetween, cpuSampler, THREAD_KINDS, type CpuSample } from './support/cpu-by-thread';
import { choosePlace, openPlayground, waitForRunEnd } from './support/playground-page';
import { idleEnds, takeRunSpans, watchRunSpans } from './support/run-spans';
import { serveWebEdition } from './support/web-edition';

const [secondsArg = '2', roundsArg = '1', ...functions] = process.argv.slice(2);
const epochMs = () => performance.timeOrigin + performance.now();

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string };
  readonly children?: readonly number[];
}

/** Milliseconds of samples with `name` anywhere on their stack. */
async function timeUnder(cdp: CDPSession, names: readonly string[]): Promise<string> {
  const { profile } = await cdp.send('Profiler.stop');
  const nodes = new Map<number, ProfileNode>(profile.nodes.map((n: ProfileNode) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of nodes.values()) for (const c of n.children ?? []) parent.set(c, n.id);
  const total = new Map<string, number>();
  (profile.samples ?? []).forEach((id: number, i: number) => {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
      seen.add(nodes.get(at)?.callFrame.functionName ?? '');
    for (const name of names)
      if (seen.has(name)) total.set(name, (total.get(name) ?? 0) + (profile.timeDeltas?.[i] ?? 0));
  });
  return names.map((n) => `${n} ${((total.get(n) ?? 0) / 1000).toFixed(1)} ms`).join(', ');
}

async function main(): Promise<void> {
  const server = await serveWebEdition();
  const browser = await launchChromium();
  try {
    for (let round = 1; round <= Number(roundsArg); round++) {
      const { page } = await openPlayground(browser, `${server.url}?workload=mandelbrot&size=${secondsArg}s`);
      await page.waitForTimeout(1000); // as the bench: the pool's warm-up ends first
      await choosePlace(page, /Web Workers/);
      await watchRunSpans(page);
      const counter = await page.getByTestId('click-counter').boundingBox();
      const start = page.getByRole('button', { name: 'Start' });
      await start.click({ trial: true });
      const box = await start.boundingBox();
      if (!counter || !box) throw new Error('The click counter or Start is not on screen');
      const cdp = functions.length > 0 ? await page.context().newCDPSession(page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.start');
      }
      const sample = cpuSampler();
      const samples: CpuSample[] = [{ atMs: epochMs(), cpu: sample() }];
      const sampler = setInterval(() => samples.push({ atMs: epochMs(), cpu: sample() }), 20);
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      let ended = false;
      const end = waitForRunEnd(page).finally(() => (ended = true));
      while (!ended) {
        void page.mouse.click(counter.x + counter.width / 2, counter.y + counter.height / 2);
        await new Promise((r) => setTimeout(r, 100));
      }
      const figures = await end;
      clearInterval(sampler);
      const spans = await takeRunSpans(page);
      if (!spans) throw new Error('The page timed no run');
      const { run } = spans;
      console.log(
        `\nround ${round}: wall ${figures.elapsedMs.toFixed(0)} ms, worst gap ${figures.worstGapMs.toFixed(0)} ms, ` +
          `${spans.jobs.length} jobs` +
          (cdp ? `; page thread JavaScript under ${await timeUnder(cdp, functions)}` : ''),
      );
      for (const w of idleEnds(spans))
        console.log(
          `  ${w.track}: ${w.jobs} jobs; idle ${w.startIdleMs.toFixed(1)} ms at the start, ` +
            `${w.betweenMs.toFixed(1)} between jobs, ${w.tailIdleMs.toFixed(1)} at the end`,
        );
      // Cores busy by kind in 100 ms steps, between the samples nearest each step's ends.
      const near = (t: number) => samples.reduce((a, b) => (Math.abs(b.atMs - t) < Math.abs(a.atMs - t) ? b : a));
      console.log(`  ms   | ${THREAD_KINDS.join(' | ')}`);
      for (let t = run.startMs; t < run.endMs - 10; t += 100) {
        const a = near(t);
        const b = near(Math.min(run.endMs, t + 100));
        const used = cpuBetween(a.cpu, b.cpu);
        const cores = THREAD_KINDS.map((k) => (used[k] / Math.max(1, b.atMs - a.atMs)).toFixed(2).padStart(k.length));
        console.log(`  ${(t - run.startMs).toFixed(0).padStart(4)} | ${cores.join(' | ')}`);
      }
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
