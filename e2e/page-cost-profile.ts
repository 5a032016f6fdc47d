/**
 * Where the Playground's own CPU goes while a run goes on: one ≈2 s Mandelbrot in the built web
 * edition at the bench's size and with its clicks (e2e/bench.ts), then
 *   - the CPU of each kind of thread during the run (/proc, as the bench's CPU table reads it);
 *   - with `trace`: a Chromium trace of the run, the page thread's and the drawing threads' time
 *     by trace event (self time on the thread's own clock), and per frame the page drew;
 *   - with `profile`: a V8 CPU profile of the page's thread, self time by function.
 *
 *   npx tsx e2e/page-cost-profile.ts [place=web-worker|renderer-sliced] [trace|profile|cpu] [runs=1]
 *
 * Each measured run is this place's first on its page, after a blocking one, as in the bench (the
 * canvases have pixels by then). CPU per frame drawn is the figure to compare: on a busy machine the
 * page draws fewer frames, and CPU per run falls with them. Build first (`npm run build:web`).
 * Tracing and profiling cost the page's thread too: read their rows for proportions, `cpu` for figures.
 * The trace is written to /tmp/page-cost-trace.json, the profile to /tmp/page-cost.cpuprofile.
 *
 *   BRIEF=1            only the one-line summary of a trace
 *   INVALIDATIONS=1    the trace records what made each element restyle or lay out
 *   INJECT_CSS='…'     a style sheet added before the run, to see what one part costs by hiding it
 *   VIEW_W, VIEW_H     the window (default the bench's 1440×1000)
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { cpuBetween, cpuByThread, THREAD_KINDS, type CpuSnapshot } from './support/cpu-by-thread';
import { choosePlace, openPlayground, waitForRunEnd, waitForRunPhaseEnd } from './support/playground-page';
import { serveWebEdition } from './support/web-edition';

const RADIOS = { 'web-worker': /Web Workers/, 'renderer-sliced': /Main thread, sliced/ } as const;
const [placeArg = 'web-worker', mode = 'cpu', runsArg = '1'] = process.argv.slice(2);
if (!(placeArg in RADIOS) || !['trace', 'profile', 'cpu'].includes(mode))
  throw new Error('usage: page-cost-profile [web-worker|renderer-sliced] [trace|profile|cpu] [runs]');
const place = placeArg as keyof typeof RADIOS;
const runs = Math.max(1, Number(runsArg) || 1);
const viewport = {
  width: Number(process.env.VIEW_W ?? 1440),
  height: Number(process.env.VIEW_H ?? 1000),
};

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { readonly name?: string };
}

/** A run as the bench makes it: Start, clicks on the counter every 100 ms, CPU read when it ends. */
async function run(
  page: Page,
  atEnd: () => Promise<unknown> = async () => {},
): Promise<{ cpu: CpuSnapshot; wallMs: number; frames: number }> {
  const box = await page.getByTestId('click-counter').boundingBox();
  const start = page.getByRole('button', { name: 'Start' });
  await start.click({ trial: true });
  const startBox = await start.boundingBox();
  if (!box || !startBox) throw new Error('The click counter or Start is not on screen');
  // Frames the page drew during the run: CPU per frame holds better than CPU per second under load,
  // when a busy machine lets the page draw fewer frames. (One more small rAF loop, in every run alike.)
  // A string: tsx would rewrite a named function inside evaluated code.
  await page.evaluate(
    'if (window.frames_ === undefined) { const count = () => { window.frames_++; requestAnimationFrame(count); }; ' +
      'requestAnimationFrame(count); } window.frames_ = 0;',
  );
  const before = cpuByThread();
  const t0 = performance.now();
  await page.mouse.click(startBox.x + startBox.width / 2, startBox.y + startBox.height / 2);
  let ended = false;
  let cpu: CpuSnapshot | null = null;
  let wallMs = 0;
  let frames = 0;
  const end = waitForRunPhaseEnd(page)
    .then(() => {
      cpu = cpuBetween(before, cpuByThread());
      wallMs = performance.now() - t0;
      return page.evaluate('window.frames_').then((n) => (frames = Number(n)));
    })
    // The trace or profile ends with the run too: what the page does after it is not the run's.
    .then(atEnd)
    .then(() => waitForRunEnd(page))
    .finally(() => (ended = true));
  const clicks: Promise<void>[] = [];
  while (!ended) {
    clicks.push(page.mouse.click(box.x + box.width / 2, box.y + box.height / 2));
    await new Promise((r) => setTimeout(r, 100));
  }
  await Promise.all(clicks);
  await end;
  if (!cpu) throw new Error('no CPU reading');
  return { cpu, wallMs, frames };
}

/** Self time (thread clock where the trace has it) of every complete event, by thread and name. */
function selfTimes(events: readonly TraceEvent[]): Map<string, Map<string, { ms: number; count: number }>> {
  const names = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    byThread.set(key, [...(byThread.get(key) ?? []), e]);
  }
  const out = new Map<string, Map<string, { ms: number; count: number }>>();
  for (const [key, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const totals = new Map<string, { ms: number; count: number }>();
    const stack: { e: TraceEvent; end: number; child: number }[] = [];
    const close = (upTo: number) => {
      while (stack.length > 0 && (stack[stack.length - 1]?.end ?? 0) <= upTo) {
        const top = stack.pop();
        if (!top) break;
        const own = (top.e.tdur ?? top.e.dur ?? 0) / 1000;
        const t = totals.get(top.e.name) ?? { ms: 0, count: 0 };
        t.ms += Math.max(0, own - top.child);
        t.count += 1;
        totals.set(top.e.name, t);
        const parent = stack[stack.length - 1];
        if (parent) parent.child += own;
      }
    };
    for (const e of list) {
      close(e.ts);
      stack.push({ e, end: e.ts + (e.dur ?? 0), child: 0 });
    }
    close(Number.POSITIVE_INFINITY);
    out.set(`${names.get(key) ?? '?'} (${key})`, totals);
  }
  return out;
}

function printTop(title: string, totals: Map<string, { ms: number; count: number }>, frames: number, top = 18): void {
  const rows = [...totals].sort((a, b) => b[1].ms - a[1].ms).slice(0, top);
  const sum = [...totals.values()].reduce((s, t) => s + t.ms, 0);
  console.log(`\n${title}: ${sum.toFixed(0)} ms of trace events (${(sum / Math.max(1, frames)).toFixed(2)} ms/frame)`);
  for (const [name, t] of rows)
    console.log(
      `  ${t.ms.toFixed(1).padStart(7)} ms  ${String(t.count).padStart(5)}×  ${(t.count / Math.max(1, frames)).toFixed(2)}/frame  ${name}`,
    );
}

async function traced(page: Page, cdp: CDPSession): Promise<{ cpu: CpuSnapshot; wallMs: number; frames: number }> {
  const events: TraceEvent[] = [];
  // The protocol types the events as loose records; these fields are all this file reads.
  cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'cc',
        'viz',
        'blink',
        'gpu',
        // What made each part restyle, lay out or repaint (with INVALIDATIONS=1): slower, for the why.
        ...(process.env.INVALIDATIONS ? ['disabled-by-default-devtools.timeline.invalidationTracking'] : []),
      ],
      recordMode: 'recordContinuously',
    },
    transferMode: 'ReportEvents',
  });
  const result = await run(page, () => cdp.send('Tracing.end'));
  await done;
  writeFileSync('/tmp/page-cost-trace.json', JSON.stringify({ traceEvents: events }));
  const threads = selfTimes(events);
  const main = [...threads].find(([k]) => k.startsWith('CrRendererMain'));
  const frames = main?.[1].get('ProxyMain::BeginMainFrame::commit')?.count ?? main?.[1].get('Commit')?.count ?? 0;
  const animFrames = events.filter((e) => e.name === 'FireAnimationFrame').length;
  const mainKey = /\((\d+):(\d+)\)$/.exec(main?.[0] ?? '');
  // A canvas handed to the compositor unchanged costs ~40 µs; one with new pixels, its size.
  const copies = events.filter(
    (e) => e.name.includes('ProduceCanvasResource') && `${e.pid}` === mainKey?.[1] && (e.dur ?? 0) > 100,
  );
  console.log(`\nframes committed ${frames}, rAF callbacks ${animFrames}, run ${result.wallMs.toFixed(0)} ms`);
  console.log(
    `canvases handed over with new pixels: ${copies.length} (${(copies.length / Math.max(1, frames)).toFixed(2)}/frame), ` +
      `${(copies.reduce((s, e) => s + (e.dur ?? 0), 0) / 1000).toFixed(1)} ms`,
  );
  // One line to compare runs by: what a frame costs, by step and by thread.
  const per = (totals: Map<string, { ms: number; count: number }> | undefined, name: string, key: 'ms' | 'count') =>
    ((totals?.get(name)?.[key] ?? 0) / Math.max(1, frames)).toFixed(2);
  const sumOf = (prefix: string) =>
    [...threads]
      .filter(([k]) => k.startsWith(prefix))
      .reduce((s, [, t]) => s + [...t.values()].reduce((a, b) => a + b.ms, 0), 0) / Math.max(1, frames);
  const viz = [...threads].find(([k]) => k.startsWith('VizCompositorThread'))?.[1];
  console.log(
    `per frame: page ${sumOf('CrRendererMain').toFixed(2)} ms (style ${per(main?.[1], 'Document::recalcStyle', 'count')}, ` +
      `layout ${per(main?.[1], 'LocalFrameView::performLayout', 'count')}, paint ${per(main?.[1], 'Paint', 'count')}, ` +
      `JS calls ${per(main?.[1], 'FunctionCall', 'count')}), compositor ${sumOf('Compositor').toFixed(2)} ms, ` +
      `raster ${sumOf('ThreadPoolForegroundWorker').toFixed(2)} ms, viz ${sumOf('VizCompositorThread').toFixed(2)} ms ` +
      `(${per(viz, 'SoftwareRenderer::DoDrawQuad', 'count')} quads, ${per(viz, 'SoftwareRenderer::DoDrawQuad', 'ms')} ms)`,
  );
  if (process.env.BRIEF) return result;
  if (main) printTop(`page thread ${main[0]}`, main[1], frames, 30);
  for (const [name, totals] of threads) {
    if (name.startsWith('CrRendererMain') || name.startsWith('DedicatedWorker')) continue;
    const sum = [...totals.values()].reduce((s, t) => s + t.ms, 0);
    if (sum > 10) printTop(name, totals, frames, 10);
  }
  return result;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

async function profiled(page: Page, cdp: CDPSession): Promise<{ cpu: CpuSnapshot; wallMs: number; frames: number }> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  let stopped: unknown = null;
  const result = await run(page, async () => (stopped = await cdp.send('Profiler.stop')));
  const { profile } = stopped as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  writeFileSync('/tmp/page-cost.cpuprofile', JSON.stringify(profile));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)?.callFrame;
    const key = f ? `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}` : '?';
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  console.log('\npage thread, self time by function (V8 sampling):');
  for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40))
    console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${k}`);
  return result;
}

async function main(): Promise<void> {
  const server = await serveWebEdition();
  const browser = await launchChromium();
  try {
    const rows: CpuSnapshot[] = [];
    /** CPU per frame drawn during the run. */
    const rates: { page: number; drawing: number }[] = [];
    for (let i = 0; i < runs; i++) {
      const { page } = await openPlayground(browser, `${server.url}?workload=mandelbrot&size=2s`, '', { viewport });
      await page.waitForTimeout(1000);
      // As in the bench, this place's first run follows a blocking one on the same page (the canvases
      // have pixels by then); a second run in the same place would be resized by its place factor.
      await choosePlace(page, /Page main thread/);
      await run(page);
      await page.waitForTimeout(500);
      await choosePlace(page, RADIOS[place]);
      // Ablation: hide or change one part to see what it costs (a constructed sheet passes the CSP).
      if (process.env.INJECT_CSS)
        await page.evaluate((css) => {
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(css);
          document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
        }, process.env.INJECT_CSS);
      await page.waitForTimeout(300);
      const cdp = await page.context().newCDPSession(page);
      const result =
        mode === 'trace' ? await traced(page, cdp) : mode === 'profile' ? await profiled(page, cdp) : await run(page);
      rows.push(result.cpu);
      rates.push({ page: result.cpu['page thread'] / result.frames, drawing: result.cpu.drawing / result.frames });
      console.log(
        `${place} run ${i + 1}: ${result.wallMs.toFixed(0)} ms, ${result.frames} frames, load ${loadavg()[0]?.toFixed(2)}: ` +
          THREAD_KINDS.map((k) => `${k} ${result.cpu[k]}`).join(', '),
      );
      await page.close();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;
    console.log(
      `median of ${runs}: page thread ${median(rates.map((r) => r.page)).toFixed(2)} ms/frame, ` +
        `drawing ${median(rates.map((r) => r.drawing)).toFixed(2)} ms/frame`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
