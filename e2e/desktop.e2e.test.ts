import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POOL_PLACES, type PoolPlace } from '../shared/host/host-places';
import { JANK_THRESHOLD_MS } from '../shared/stats/frame-gaps';
import { MAIN_PROCESS, MAIN_THREAD, PAGE_PROCESS, workerTrackName } from '../shared/trace/place-tracks';
import { findThread, slicesOf, validateTrace, type TraceEventLike } from '../shared/trace/validate-trace';
import { startDesktopHarness, type DesktopHarness, type DesktopWindow } from './support/desktop-harness';
import {
  mainStallVerdict,
  primesLimitFor1s,
  processTableRows,
  replacedIn,
  runOnce,
  startRun,
  waitForPlayground,
  type PlaygroundWorkloadTitle,
} from './support/desktop-playground';
import { startBystander } from './support/desktop-bystander';
import { INVOKE_BINDING } from './support/desktop-page-contract';
import { tileMarks } from './support/desktop-tiles';
import { waitForRunEnd } from './support/playground-page';

/**
 * The desktop half of the app end to end, without Electron (whose binary cannot be had here):
 * the built renderer in real Chromium; `window.unfreeze` from the preload's own factory; and the
 * real main side — dispatcher with its sender and schema checks, invoke handlers, task host with
 * real worker_threads and child processes, metrics feed, event-loop meter, compare hub, lab
 * runner — in a child process of its own, whose event loop a main-process run really blocks.
 * Only BrowserWindow, contextBridge and Electron's IPC pipe are stand-ins (desktop-harness.ts).
 */

/**
 * The page's own line between "responsive" and "slow" is 50 ms (JANK_THRESHOLD_MS). The limit
 * here is ten times that, on purpose: this
 * machine has 2 cores shared by Chromium, the test runner, the main side and the pool's two
 * workers (all busy during a run) and by other jobs (load averages of 12–20 were measured while
 * this was written), and a ping here takes more hops than Electron's IPC (page → Playwright →
 * test process → main side and back, tiles re-encoded on the way). Worst pings of 20–110 ms were
 * measured at a load of 7, 100–420 ms at 15–20. A main-process run stalls the ping for the whole
 * run (seconds), so the test still fails if the work ever lands on the main side's thread. The
 * figures are printed.
 */
const POOL_PING_LIMIT_MS = 10 * JANK_THRESHOLD_MS;
/** How soon the main side must have ended a hung worker's task (the pool's grace period is 50 ms). */
const HUNG_CANCEL_LIMIT_MS = 100;
/**
 * The page's figure adds the stand-in IPC's hops both ways (page → Playwright → test process →
 * main side, and back), which under this machine's load took up to ~100 ms more; Electron's IPC
 * adds well under a millisecond. Printed beside the main side's figure.
 */
const HUNG_CANCEL_SEEN_LIMIT_MS = 300;

/** "Export trace" after a run: the file, checked by the validator, and the page's own span of the run. */
async function exportTrace(page: Page, place: string) {
  const button = page.getByRole('button', { name: 'Export trace' });
  // Enabled once the main process's records of the run have come over trace:window.
  await page.waitForSelector('button:has-text("Export trace"):not([disabled])', { timeout: 10_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^unfreeze-trace-${place}-\\d{8}-\\d{6}\\.json$`));
  const checked = validateTrace(JSON.parse(await readFile(await download.path(), 'utf8')));
  if (!checked.ok) throw new Error(`The exported trace is invalid:\n${checked.problems.join('\n')}`);
  const { events } = checked;
  const [pageRun] = slicesOf(events, 'run').slice(-1);
  if (!pageRun) throw new Error('The trace has no run slice');
  expect(pageRun.args?.place).toBe(place);
  return { events, pageRun };
}

/** What the closing note quotes: printed once at the end. */
const figures: string[] = [];

interface SeenEvents {
  taskIds: string[];
}

describe('desktop UI in Chromium, with stand-ins only for BrowserWindow, contextBridge and Electron IPC', () => {
  let desktop: DesktopHarness;
  let main: DesktopWindow;
  let page: Page;

  beforeAll(async () => {
    desktop = await startDesktopHarness();
    main = await desktop.openWindow();
    page = main.page;
    await waitForPlayground(page);
  }, 180_000);

  afterAll(async () => {
    const load = loadavg()
      .map((l) => l.toFixed(1))
      .join(', ');
    console.log(
      `\nDesktop UI, measured (stand-in main side in Node.js; load average ${load}):\n  ${figures.join('\n  ')}\n`,
    );
    await desktop?.close();
  });

  it('builds window.unfreeze from the preload factory, without zod, and answers app:info through the dispatcher', async () => {
    // The sandboxed preload cannot load zod: the bundle the page gets must not contain it.
    expect(desktop.preloadSource).not.toMatch(/ZodError|safeParse/);
    const seen = await page.evaluate((INVOKE_BINDING) => {
      const g = globalThis as unknown as { unfreeze?: object & { edition?: unknown }; require?: unknown };
      return {
        edition: g.unfreeze?.edition,
        frozen: g.unfreeze ? Object.isFrozen(g.unfreeze) : false,
        methods: g.unfreeze ? Object.keys(g.unfreeze).sort() : [],
        require: typeof g.require,
        binding: typeof (g as Record<string, unknown>)[INVOKE_BINDING],
      };
    }, INVOKE_BINDING);
    // Only the API: the raw IPC (here the binding) is out of the page's reach, as behind contextBridge.
    expect(seen).toMatchObject({ edition: 'desktop', frozen: true, require: 'undefined', binding: 'undefined' });
    expect(seen.methods).toContain('startTask');
    expect(await page.getByTestId('edition').textContent()).toBe('Desktop app');
    await page.getByTestId('about').filter({ hasText: 'Electron' }).waitFor();
    expect(await page.getByTestId('about').textContent()).toMatch(
      /^Unfreeze \d+\.\d+\.\d+ · Electron none \(stand-in main process in Node\.js\) · Chromium \d+/,
    );
  });

  it('refuses a page calling window.unfreeze with garbage, with the dispatcher’s clear error, and starts nothing', async () => {
    const before = await desktop.inspect();
    await page.evaluate(() => {
      const g = globalThis as unknown as {
        unfreeze: { onTaskEvent(listener: (event: { taskId: string }) => void): () => void };
        e2eSeen?: SeenEvents;
      };
      const seen: SeenEvents = { taskIds: [] };
      g.e2eSeen = seen;
      g.unfreeze.onTaskEvent((event) => seen.taskIds.push(event.taskId));
    });
    const answers = await page.evaluate(() => {
      // The page is not trusted to respect the API's types: these are what a buggy or hostile page sends.
      type Loose = (...args: unknown[]) => Promise<unknown>;
      const api = (
        globalThis as unknown as {
          unfreeze: Record<'startTask' | 'startCrash' | 'cancelTask' | 'runLab', Loose>;
        }
      ).unfreeze;
      const calls: Promise<unknown>[] = [
        api.startTask('e2e-bad-limit', 'utility-process', { workload: 'primes', params: { limit: 1 } }),
        api.startTask('e2e-bad-place', 'gpu', { workload: 'primes', params: { limit: 1000 } }),
        api.startTask('', 'worker-thread', { workload: 'primes', params: { limit: 1000 } }),
        api.startTask('e2e-bad-extra', 'worker-thread', { workload: 'primes', params: { limit: 1000 }, sudo: true }),
        api.startCrash('e2e-bad-crash', 'main-process', 'throw'),
        api.cancelTask(42),
        api.runLab('no-such-scenario', {}),
      ];
      return Promise.all(
        calls.map((call) =>
          call.then(
            () => 'accepted',
            (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)),
          ),
        ),
      );
    });
    const refusal = (channel: string, detail: string) =>
      new RegExp(`^IpcCallError: Invalid request for "${channel}": .*${detail}`);
    expect(answers[0]).toMatch(refusal('task:start', 'Invalid Prime counting parameters: limit'));
    expect(answers[1]).toMatch(refusal('task:start', 'place must be one of'));
    expect(answers[2]).toMatch(refusal('task:start', 'taskId must not be empty'));
    expect(answers[3]).toMatch(refusal('task:start', 'sudo'));
    expect(answers[4]).toMatch(refusal('task:crash', 'place'));
    expect(answers[5]).toMatch(refusal('task:cancel', 'taskId must be a string'));
    expect(answers[6]).toMatch(refusal('lab:run', 'scenario'));
    figures.push(`garbage from the page, e.g.: ${answers[1]}`);

    // Nothing started: no task routed, no thread or process spawned, no event for any of them.
    await new Promise((r) => setTimeout(r, 300));
    const after = await desktop.inspect();
    expect(after.routed).toBe(0);
    expect(after.threads).toHaveLength(before.threads.length);
    expect(after.processes).toHaveLength(before.processes.length);
    const seen = await page.evaluate(() => (globalThis as unknown as { e2eSeen: SeenEvents }).e2eSeen.taskIds);
    expect(seen).toEqual([]);
  });

  it('refuses a page of another origin: the sender check, with the served origin as the trusted one', async () => {
    const foreign = await desktop.openWindow('', { absoluteUrl: 'data:text/html,<title>elsewhere</title>' });
    const answer = await foreign.page.evaluate(() =>
      (globalThis as unknown as { unfreeze: { getAppInfo(): Promise<unknown> } }).unfreeze.getAppInfo().then(
        () => 'answered',
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      ),
    );
    expect(answer).toMatch(/^Refused "app:info": the calling page \(data:text\/html,.*\) is not part of this app\.$/);
    await foreign.page.close();
  });

  it('runs Mandelbrot and prime counting in Electron’s main process: tiles in the main-thread colour, the ping stalls', async () => {
    await startRun(page, 'main-process', 'Mandelbrot', '≈1 s');
    // The chart's readout says so while the main side is blocked: the ping in flight waits.
    await page.locator('[data-testid=ping-readout][data-waiting=true]').waitFor({ timeout: 10_000 });
    const run = await waitForRunEnd(page);
    expect(run.phase).toBe('done');
    expect(await page.getByTestId('result').textContent()).toMatch(/checksum/);
    const verdict = await mainStallVerdict(page);
    figures.push(
      `main process, Mandelbrot: unresponsive for ${Math.round(verdict.worstPingMs)} ms of a ` +
        `${Math.round(run.elapsedMs)} ms run (${Math.round((100 * verdict.worstPingMs) / run.elapsedMs)} %)`,
    );
    expect(verdict.sentence).toMatch(/^The main process was unresponsive for /);
    // "For most of the run": the ping waited through the block that was the run.
    expect(verdict.worstPingMs).toBeGreaterThan(0.6 * run.elapsedMs);
    // Work on a thread that also serves the app is drawn in one colour: the main-thread one.
    await page.waitForTimeout(400);
    const marks = await tileMarks(page);
    expect(Object.keys(marks)).toEqual(['main thread']);

    const primes = await runOnce(page, 'main-process', 'Prime counting', '≈1 s');
    expect(primes.phase).toBe('done');
    expect(await page.getByTestId('primes-output').textContent()).toMatch(/primes/);
    const primesVerdict = await mainStallVerdict(page);
    figures.push(
      `main process, prime counting: unresponsive for ${Math.round(primesVerdict.worstPingMs)} ms of a ` +
        `${Math.round(primes.elapsedMs)} ms run`,
    );
    expect(primesVerdict.sentence).toMatch(/^The main process was unresponsive for /);
    expect(primesVerdict.worstPingMs).toBeGreaterThan(0.6 * primes.elapsedMs);
  });

  it.each(POOL_PLACES)(
    'runs Mandelbrot and prime counting in %s: tiles coloured per worker, the ping stays low, every worker listed',
    async (place) => {
      const noun = place === 'worker-thread' ? 'Worker thread' : 'Utility process';
      await startRun(page, place, 'Mandelbrot', '≈1 s');
      // While it runs: every worker busy in the pool's card; each utility process in the process
      // table by its name, with the pid of the real child process; each thread a real thread.
      await page
        .getByTestId(`pool-${place}`)
        .filter({ hasText: /· [2-8] busy ·/ })
        .waitFor({
          timeout: 15_000,
        });
      const state = await desktop.inspect();
      if (place === 'utility-process') {
        const live = state.processes.filter((p) => !p.exited);
        expect(live.length).toBeGreaterThanOrEqual(2);
        await page
          .getByTestId('process-table')
          .filter({ hasText: `Unfreeze worker ${live.length}` })
          .waitFor({ timeout: 5_000 });
        const rows = await processTableRows(page);
        for (const p of live) {
          expect(rows).toContainEqual({ kind: 'Utility process', name: `Unfreeze worker ${p.lane + 1}`, pid: p.pid });
        }
        // Electron's main process is the 'Browser' entry; the table shows no name for it.
        expect(rows).toContainEqual({ kind: 'Main process', name: '—', pid: desktop.mainSidePid });
      } else {
        const live = state.threads.filter((t) => !t.exited);
        expect(live.length).toBeGreaterThanOrEqual(2);
        expect(new Set(live.map((t) => t.threadId)).size).toBe(live.length);
        const lanes = await page
          .getByTestId(`pool-${place}`)
          .locator('li')
          .evaluateAll((lis) => lis.map((li) => li.getAttribute('title') ?? ''));
        for (const t of live) expect(lanes).toContain(`${noun} ${t.lane + 1}: busy`);
      }

      const run = await waitForRunEnd(page);
      expect(run.phase).toBe('done');
      expect(await page.getByTestId('result').textContent()).toMatch(/checksum/);
      const laneNames = await page.getByTestId('lanes').locator('li').allTextContents();
      expect(laneNames.length).toBeGreaterThanOrEqual(2);
      laneNames.forEach((text, i) => expect(text).toContain(`${noun} ${i + 1}`));
      const verdict = await mainStallVerdict(page);
      figures.push(
        `${place}, Mandelbrot: worst ping ${Math.round(verdict.worstPingMs)} ms in a ${Math.round(run.elapsedMs)} ms run`,
      );
      expect(verdict.worstPingMs).toBeLessThan(POOL_PING_LIMIT_MS);

      // One colour per worker: as many colours on the canvas as workers took part, none missing.
      await page.waitForTimeout(400);
      const marks = await tileMarks(page);
      const expected = laneNames.map((_, i) => `lane ${i + 1}`).sort();
      expect(Object.keys(marks).sort()).toEqual(expected);

      const primes = await runOnce(page, place, 'Prime counting', '≈1 s');
      expect(primes.phase).toBe('done');
      expect(await page.getByTestId('primes-output').textContent()).toMatch(/primes/);
      const primesVerdict = await mainStallVerdict(page);
      figures.push(
        `${place}, prime counting: worst ping ${Math.round(primesVerdict.worstPingMs)} ms in a ` +
          `${Math.round(primes.elapsedMs)} ms run (Mandelbrot tiles per worker: ${JSON.stringify(marks)})`,
      );
      expect(primesVerdict.worstPingMs).toBeLessThan(POOL_PING_LIMIT_MS);
    },
  );

  const CRASHES: readonly [PoolPlace, string, RegExp][] = [
    [
      'worker-thread',
      'Throw',
      /^Failed: Worker thread [1-8] crashed: Crash lab: an uncaught error was thrown on purpose — replaced$/,
    ],
    ['worker-thread', 'Exit', /^Failed: Worker thread [1-8] exited with code 3 — replaced$/],
    ['utility-process', 'Crash', /^Failed: Utility process [1-8] crashed \(signal SIGABRT\) — replaced$/],
    ['utility-process', 'Exit', /^Failed: Utility process [1-8] exited with code 3 — replaced$/],
  ];

  const crashStatus = (place: PoolPlace) => page.getByTestId(`crash-${place}`).getByTestId('crash-status');
  const otherPlace = (place: PoolPlace): PoolPlace => (place === 'worker-thread' ? 'utility-process' : 'worker-thread');
  const statusOf = async (place: PoolPlace) =>
    (await crashStatus(place).count()) > 0 ? await crashStatus(place).textContent() : 'nothing broken';
  const nextRunSucceeds = async (place: PoolPlace, workload: PlaygroundWorkloadTitle = 'Prime counting') => {
    const run = await runOnce(page, place, workload, '≈1 s');
    expect(run.phase).toBe('done');
  };

  /** Another window of the app, for tasks that are not the crash lab's (opened on first use). */
  let elsewhere: DesktopWindow | undefined;
  const otherWindow = async () => (elsewhere ??= await desktop.openWindow('?screen=lab'));

  it.each(CRASHES)(
    'crash lab, %s, %s: fails only its own task, with its message; the pool replaces the worker and the next run succeeds',
    async (place, button, message) => {
      const other = otherPlace(place);
      const otherBefore = await statusOf(other);
      const replacedBefore = await replacedIn(page, place);
      const otherReplacedBefore = await replacedIn(page, other);
      // Someone else's task on the same pool, on one lane; the crash job gets another.
      const bystander = await startBystander(await otherWindow(), place, await primesLimitFor1s(page));
      await page.getByTestId(`crash-${place}`).getByRole('button', { name: button, exact: true }).click();
      await crashStatus(place).filter({ hasText: message }).waitFor({ timeout: 15_000 });
      expect(await crashStatus(place).textContent()).toMatch(message);
      // Only that task: the task on the pool's other worker finishes, the other pool's status is
      // untouched, and the app goes on answering.
      expect(await bystander.end()).toEqual({
        status: 'done',
        result: expect.anything(),
        elapsedMs: expect.any(Number),
      });
      expect(await statusOf(other)).toBe(otherBefore);
      await nextRunSucceeds(place);
      // The broken worker was retired; the next run spawned its replacement (lazily, on that lane).
      await page
        .getByTestId(`pool-${place}`)
        .filter({ hasText: `${replacedBefore + 1} replaced` })
        .waitFor({ timeout: 5_000 });
      expect(await replacedIn(page, other)).toBe(otherReplacedBefore);
    },
  );

  it.each(POOL_PLACES)(
    'crash lab, %s, Hang: the hung worker is cancelled within 100 ms, and the next run succeeds',
    async (place) => {
      const lab = page.getByTestId(`crash-${place}`);
      await lab.getByRole('button', { name: 'Hang', exact: true }).click();
      await crashStatus(place).filter({ hasText: 'Hung: a worker is stuck in an endless loop.' }).waitFor();
      // Stuck for real: give the loop time to spin before asking it to stop.
      await page.waitForTimeout(300);
      await crashStatus(place).getByRole('button', { name: 'Cancel', exact: true }).click();
      const cancelled = crashStatus(place).filter({ hasText: /^Cancelled in / });
      await cancelled.waitFor({ timeout: 5_000 });
      const text = (await cancelled.textContent()) ?? '';
      // The page's own figure: from the click on Cancel to the task's 'end' arriving.
      const match = /^Cancelled in (\d+) ms: the stuck worker was terminated and replaced\.$/.exec(text);
      expect(match, text).not.toBeNull();
      const pageMs = Number(match?.[1]);
      const mainMs = (await desktop.inspect()).cancels.at(-1)?.ms ?? NaN;
      figures.push(
        `${place}, hung worker: cancelled ${mainMs.toFixed(1)} ms after task:cancel reached the main side ` +
          `(to its 'end' leaving); ${pageMs} ms as the page saw it (click on Cancel to 'end' arriving)`,
      );
      expect(mainMs).toBeLessThan(HUNG_CANCEL_LIMIT_MS);
      expect(pageMs).toBeLessThan(HUNG_CANCEL_SEEN_LIMIT_MS);
      await nextRunSucceeds(place);
    },
  );

  it('Export trace after a main-process run: the main process’s lane is one event-loop stall about as long as the run', async () => {
    const run = await runOnce(page, 'main-process', 'Mandelbrot', '≈1 s');
    expect(run.phase).toBe('done');
    const { events, pageRun } = await exportTrace(page, 'main-process');
    const mainThread = findThread(events, MAIN_PROCESS, MAIN_THREAD);
    if (!mainThread) throw new Error('The trace names no main-process thread');
    const stalls = slicesOf(events, 'stall').filter((e) => e.pid === mainThread.pid && e.tid === mainThread.tid);
    const longest = Math.max(0, ...stalls.map((e) => e.dur ?? 0)) / 1000;
    figures.push(
      `main-process, trace: longest event-loop stall ${Math.round(longest)} ms of a ${Math.round(run.elapsedMs)} ms run`,
    );
    expect(longest).toBeGreaterThan(0.6 * run.elapsedMs);
    // One clock: the stall lies inside the page's own start..end of the run, give or take the 50 ms threshold.
    const stall = stalls.find((e) => (e.dur ?? 0) / 1000 === longest);
    expect(stall?.ts).toBeGreaterThanOrEqual(pageRun.ts - 50_000);
    expect((stall?.ts ?? 0) + (stall?.dur ?? 0)).toBeLessThanOrEqual(pageRun.ts + (pageRun.dur ?? 0) + 50_000);
  }, 60_000);

  it.each(POOL_PLACES)(
    'Export trace after a %s run: each worker its own lane, its jobs inside the page’s start..end, the main process’s IPC',
    async (place) => {
      const run = await runOnce(page, place, 'Mandelbrot', '≈1 s');
      expect(run.phase).toBe('done');
      const { events, pageRun } = await exportTrace(page, place);
      const endOf = (e: TraceEventLike) => e.ts + (e.dur ?? 0);
      // One lane per worker, named by process and thread (pid/tid metadata), as the page drew it.
      const workers = [0, 1].map((lane) => {
        const { process, thread } = workerTrackName(place, lane);
        const found = findThread(events, process, thread);
        if (!found) throw new Error(`The trace names no "${process}" / "${thread}"`);
        return found;
      });
      const mainThread = findThread(events, MAIN_PROCESS, MAIN_THREAD);
      if (!mainThread) throw new Error('The trace names no main-process thread');
      const pageThread = findThread(events, PAGE_PROCESS, MAIN_THREAD);
      // Worker threads are threads of the main process; each utility process is a process of its own.
      if (place === 'worker-thread') expect(workers.map((w) => w.pid)).toEqual([mainThread.pid, mainThread.pid]);
      else expect(new Set([mainThread.pid, pageThread?.pid, ...workers.map((w) => w.pid)]).size).toBe(4);
      // One clock across three processes: every job a worker reports (its own clock, in another
      // process or thread) lies inside the page's own start..end of the run (1 ms for rounding).
      const jobs = slicesOf(events, 'job').filter((j) => workers.some((w) => w.pid === j.pid && w.tid === j.tid));
      const inRun = jobs.filter((j) => endOf(j) >= pageRun.ts - 1000);
      expect(new Set(inRun.map((j) => `${j.pid}/${j.tid}`)).size).toBe(2);
      for (const j of inRun) {
        expect(j.ts).toBeGreaterThanOrEqual(pageRun.ts - 1000);
        expect(endOf(j)).toBeLessThanOrEqual(endOf(pageRun) + 1000);
      }
      // The main process's own lane: the task:start it handled, inside the run as the page saw it.
      const ipc = slicesOf(events, 'ipc').filter((e) => e.pid === mainThread.pid && e.tid === mainThread.tid);
      const start = ipc.find((e) => e.name === 'IPC task:start' && e.ts >= pageRun.ts - 1000 && e.ts <= endOf(pageRun));
      expect(start, 'an "IPC task:start" span inside the run').toBeDefined();
      figures.push(
        `${place}, trace: ${jobs.length} job spans on 2 worker lanes, ${ipc.length} IPC spans on the main process's lane`,
      );
    },
    60_000,
  );

  it('closing a window cancels its tasks on the main side, and frees their workers', async () => {
    const window = await otherWindow();
    const limit = await primesLimitFor1s(page);
    await startBystander(window, 'utility-process', 3 * limit);
    await startBystander(window, 'worker-thread', 3 * limit);
    expect((await desktop.inspect()).routed).toBe(2);
    // WebContents 'destroyed' in the app: index.ts tells the task router, which cancels.
    await window.page.close();
    elsewhere = undefined;
    await expect.poll(async () => (await desktop.inspect()).routed, { timeout: 5_000 }).toBe(0);
    for (const place of POOL_PLACES) {
      await page.getByTestId(`pool-${place}`).filter({ hasText: '· 0 busy ·' }).waitFor({ timeout: 5_000 });
    }
  });

  it('compare mode, desktop shape: two panes, each its own page and transport, started at one instant, summed up', async () => {
    await page.getByRole('link', { name: 'Compare' }).click();
    await page.getByTestId('compare-left-place').selectOption('main-process');
    await page.getByTestId('compare-right-place').selectOption('worker-thread');
    await page.getByTestId('compare-size').selectOption('1');
    expect(await page.getByTestId('compare-main-process-note').textContent()).toContain('this freezes both panes');
    await page.getByRole('button', { name: /compare window/ }).click();
    const panes = [await desktop.comparePane('left'), await desktop.comparePane('right')] as const;
    for (const pane of panes) {
      await pane.page.getByTestId('pane-status').filter({ hasText: 'Ready' }).waitFor({ timeout: 30_000 });
    }
    await page.getByTestId('compare-start').and(page.locator(':not([disabled])')).click();
    await page.getByTestId('compare-verdict').waitFor({ timeout: 60_000 });

    const figure = async (key: string) => {
      const row = page.getByTestId(`summary-${key}`);
      return { left: await row.getAttribute('data-left'), right: await row.getAttribute('data-right') };
    };
    for (const key of ['wall', 'worstGap', 'framesOver50', 'mainStall']) {
      const f = await figure(key);
      expect(f.left, key).not.toBe('');
      expect(f.right, key).not.toBe('');
    }
    // The main process serves both panes: blocking it stalls the worker-thread pane's pings too,
    // for most of the main-process pane's run (whose wall time is the block).
    const stall = await figure('mainStall');
    const blockedMs = Number((await figure('wall')).left);
    const skew = Number(await page.getByTestId('start-skew').getAttribute('data-ms'));
    figures.push(
      `compare (main process | worker threads, ≈1 s): panes began ${skew.toFixed(1)} ms apart; main process ` +
        `unresponsive ${Math.round(Number(stall.left))} ms | ${Math.round(Number(stall.right))} ms ` +
        `(main-process pane's run: ${Math.round(blockedMs)} ms)`,
    );
    expect(Number(stall.left)).toBeGreaterThan(0.5 * blockedMs);
    expect(Number(stall.right)).toBeGreaterThan(0.5 * blockedMs);
    expect(skew).toBeLessThan(100);
    for (const pane of panes) expect(await pane.page.getByTestId('pane-status').textContent()).toBe('Done.');

    // Each pane spoke for itself over its own transport: its own sender id said ready and reported.
    const invokes = (await desktop.inspect()).invokes;
    for (const pane of panes) {
      const own = invokes.filter((c) => c.senderId === pane.senderId).map((c) => c.channel);
      expect(own).toContain('compare:ready');
      expect(own).toContain('compare:report');
    }
    expect(panes[0].senderId).not.toBe(panes[1].senderId);
    for (const pane of panes) expect(pane.errors).toEqual([]);
  });

  it('the lab’s “Run once in worker threads” returns its verdict from lab:run', async () => {
    await page.getByRole('link', { name: 'Concurrency lab' }).click();
    const card = page.getByTestId('lab-card-race');
    await card.getByText('Atomics.add', { exact: true }).click();
    await card.getByRole('button', { name: 'Run once in worker threads' }).click();
    const result = card.getByTestId('lab-thread-result').filter({ hasText: 'Worker threads' });
    await result.waitFor({ timeout: 30_000 });
    expect(await result.textContent()).toMatch(
      /^Worker threads \(main process\), Atomics\.add: ✓ .*Exact.* \([2-8] threads, \d+\.\d\d s\)$/,
    );
    expect(main.errors).toEqual([]);
  });
});
