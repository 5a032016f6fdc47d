import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { HOST_PLACES, POOL_PLACES, type HostPlace, type PoolPlace } from '../../shared/host/host-places';
import type { TaskEvent } from '../../shared/host/task-event';
import { WorkerPool, type JobOutcome, type PoolWorkerEvents } from '../../shared/pool/worker-pool';
import type { TaskRequest } from '../../shared/run/task-request';
import { calibrate, presetParams } from '../../shared/workloads/presets';
import { createEventLoopMeter } from '../../electron/main/task-host/event-loop-meter';
import type { HostWorker } from '../../electron/main/task-host/host-worker';
import {
  childProcessSpawner,
  createTaskHost,
  defaultPoolSize,
  nodeTimers,
  workerThreadSpawner,
  type TaskHost,
} from '../../electron/main/task-host/task-host';
import { hostWorkerEntries, type HostWorkerEntries } from './host-worker-entries';

/**
 * The host section of `npm run bench`: the desktop places measured in Node with the real task
 * host, real worker threads and real child processes (the stand-in for Electron's utility
 * processes, which need the Electron binary).
 */

export interface HostBenchOptions {
  readonly runs: number;
  /** Size of the CPU tasks, in seconds on one thread of this machine. */
  readonly seconds: number;
}

export interface HostPlaceRow {
  readonly place: HostPlace;
  /** Wall time of the ~`seconds` s CPU task (split over the pool's workers off the main thread). */
  readonly taskMs: number;
  /** The bench process's event-loop delay while that task ran. */
  readonly loopP50Ms: number;
  readonly loopP99Ms: number;
  /** A tiny task through the host, start → 'end' (split over every worker of the pool). */
  readonly roundTripMs: number;
  /** One tiny job on one warm worker, post → result: the bare message cost. */
  readonly jobRoundTripMs: number | null;
  /** Spawn → first message from the new worker. */
  readonly coldSpawnMs: number | null;
  /** cancel() → the task's 'end' ("cancelled"). */
  readonly cancelEndMs: number | null;
  /** cancel() → every lane free again (the workers really stopped). */
  readonly cancelStopMs: number | null;
}

export interface SpeedupRow {
  readonly workers: number;
  readonly wallMs: number;
  readonly speedup: number;
}

export interface TargetRow {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

export interface HostReport {
  readonly node: string;
  readonly cores: number;
  readonly poolSize: number;
  readonly entries: HostWorkerEntries['kind'];
  readonly runs: number;
  readonly seconds: number;
  readonly places: HostPlaceRow[];
  readonly speedup: SpeedupRow[];
  readonly targets: TargetRow[];
}

type Spawn = (lane: number, events: PoolWorkerEvents) => HostWorker;

const ROUND_TRIPS = 200;
const COLD_SPAWNS = 10;
const CANCELS = 5;
const TINY: TaskRequest = { workload: 'primes', params: { limit: 100 } };

const log = (line: string) => console.error(`host bench: ${line}`);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

let nextId = 1;

/** Runs one task to its end; resolves with the end event's outcome and every event seen. */
function run(host: TaskHost, place: HostPlace, request: TaskRequest, onEvent?: (e: TaskEvent) => void) {
  const taskId = `bench-${nextId++}`;
  const outcome = new Promise<Extract<TaskEvent, { type: 'end' }>['outcome']>((resolve) => {
    host.start(taskId, place, request, (event) => {
      onEvent?.(event);
      if (event.type === 'end') resolve(event.outcome);
    });
  });
  return { taskId, outcome };
}

async function runDone(host: TaskHost, place: HostPlace, request: TaskRequest): Promise<void> {
  const outcome = await run(host, place, request).outcome;
  if (outcome.status !== 'done') throw new Error(`${place}: the task ended "${outcome.status}"`);
}

function hostOf(entries: HostWorkerEntries, threads: number, processes: number): TaskHost {
  return createTaskHost({
    workerThreads: { size: threads, spawn: workerThreadSpawner(entries.thread) },
    utility: { size: processes, spawn: childProcessSpawner(entries.process, { execArgv: entries.processExecArgv }) },
  });
}

/** Event-loop delay of this process while a ~`seconds` s CPU task runs in `place`. */
async function freeze(host: TaskHost, place: HostPlace, request: TaskRequest) {
  const meter = createEventLoopMeter({ resolutionMs: 10 });
  try {
    await sleep(100);
    meter.sample();
    const started = performance.now();
    await runDone(host, place, request);
    const taskMs = performance.now() - started;
    return { taskMs, ...meter.sample() };
  } finally {
    meter.stop();
  }
}

async function roundTrip(host: TaskHost, place: HostPlace): Promise<number> {
  for (let i = 0; i < 20; i++) await runDone(host, place, TINY);
  const times: number[] = [];
  for (let i = 0; i < ROUND_TRIPS; i++) {
    const started = performance.now();
    await runDone(host, place, TINY);
    times.push(performance.now() - started);
  }
  return median(times);
}

/** One warm worker, one tiny job at a time, straight through the pool. */
async function jobRoundTrip(spawn: Spawn): Promise<number> {
  const spawned: HostWorker[] = [];
  const pool = new WorkerPool(
    1,
    (lane, events) => {
      const worker = spawn(lane, events);
      spawned.push(worker);
      return worker;
    },
    nodeTimers,
  );
  const job = () =>
    new Promise<JobOutcome>((resolve) =>
      pool.submit({
        workload: 'primes',
        params: { limit: 100 },
        shard: { index: 0, count: 1 },
        onProgress: () => {},
        onSettled: resolve,
      }),
    );
  try {
    for (let i = 0; i < 20; i++) await job();
    const times: number[] = [];
    for (let i = 0; i < ROUND_TRIPS; i++) {
      const started = performance.now();
      const outcome = await job();
      times.push(performance.now() - started);
      if (outcome.status !== 'done') throw new Error(`a tiny job ended "${outcome.status}"`);
    }
    return median(times);
  } finally {
    pool.dispose();
    await Promise.all(spawned.map((w) => w.exited));
  }
}

/** Spawn → the new worker's first message (its first answer to a tiny task). */
async function coldSpawn(spawn: Spawn): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < COLD_SPAWNS; i++) {
    let answered = () => {};
    const first = new Promise<void>((resolve) => (answered = resolve));
    const started = performance.now();
    const worker = spawn(0, { message: () => answered(), failed: (reason) => log(`cold spawn failed: ${reason}`) });
    worker.post(
      { type: 'start', taskId: 'cold', workload: 'primes', params: { limit: 100 }, shard: { index: 0, count: 1 } },
      [],
    );
    await first;
    times.push(performance.now() - started);
    worker.terminate();
    await worker.exited;
  }
  return median(times);
}

/** cancel() of a running sliced task → its 'end', and → all its lanes free. */
async function cancelLatency(host: TaskHost, place: PoolPlace) {
  const ends: number[] = [];
  const stops: number[] = [];
  for (let i = 0; i < CANCELS; i++) {
    let computing = () => {};
    const progressed = new Promise<void>((resolve) => (computing = resolve));
    const task = run(host, place, { workload: 'primes', params: { limit: 100_000_000 } }, (e) => {
      if (e.type === 'progress') computing();
    });
    await progressed;
    await sleep(100);
    const started = performance.now();
    host.cancel(task.taskId);
    const outcome = await task.outcome;
    ends.push(performance.now() - started);
    if (outcome.status !== 'cancelled') throw new Error(`${place}: cancel ended "${outcome.status}"`);
    while (host.pools()[place].lanes.some((l) => l.busy)) await turn();
    stops.push(performance.now() - started);
  }
  return { cancelEndMs: median(ends), cancelStopMs: median(stops) };
}

export async function runHostBench(options: HostBenchOptions): Promise<HostReport> {
  const cores = availableParallelism();
  const poolSize = defaultPoolSize();
  const entries = await hostWorkerEntries();
  try {
    const c = calibrate(() => performance.now());
    const primes: TaskRequest = { workload: 'primes', params: presetParams('primes', options.seconds, c) };
    const host = hostOf(entries, poolSize, poolSize);
    try {
      for (const place of POOL_PLACES) await runDone(host, place, TINY);

      log(`event-loop delay during a ~${options.seconds} s task (${options.runs} runs per place)…`);
      const freezes = new Map<HostPlace, Awaited<ReturnType<typeof freeze>>[]>();
      for (let i = 0; i < options.runs; i++) {
        for (const place of HOST_PLACES)
          freezes.set(place, [...(freezes.get(place) ?? []), await freeze(host, place, primes)]);
      }

      log(`warm round trips (median of ${ROUND_TRIPS})…`);
      const trips = new Map<HostPlace, number>();
      for (const place of HOST_PLACES) trips.set(place, await roundTrip(host, place));
      const jobTrips = new Map<PoolPlace, number>([
        ['worker-thread', await jobRoundTrip(workerThreadSpawner(entries.thread))],
        [
          'utility-process',
          await jobRoundTrip(childProcessSpawner(entries.process, { execArgv: entries.processExecArgv })),
        ],
      ]);

      log(`cold spawns (median of ${COLD_SPAWNS})…`);
      const colds = new Map<PoolPlace, number>([
        ['worker-thread', await coldSpawn(workerThreadSpawner(entries.thread))],
        [
          'utility-process',
          await coldSpawn(childProcessSpawner(entries.process, { execArgv: entries.processExecArgv })),
        ],
      ]);

      log(`cancel latency (median of ${CANCELS})…`);
      const cancels = new Map<PoolPlace, Awaited<ReturnType<typeof cancelLatency>>>();
      for (const place of POOL_PLACES) cancels.set(place, await cancelLatency(host, place));

      const places: HostPlaceRow[] = HOST_PLACES.map((place) => {
        const f = freezes.get(place) ?? [];
        const pool = place === 'main-process' ? null : place;
        return {
          place,
          taskMs: median(f.map((x) => x.taskMs)),
          loopP50Ms: median(f.map((x) => x.p50)),
          loopP99Ms: median(f.map((x) => x.p99)),
          roundTripMs: trips.get(place) ?? Number.NaN,
          jobRoundTripMs: pool ? (jobTrips.get(pool) ?? null) : null,
          coldSpawnMs: pool ? (colds.get(pool) ?? null) : null,
          cancelEndMs: pool ? (cancels.get(pool)?.cancelEndMs ?? null) : null,
          cancelStopMs: pool ? (cancels.get(pool)?.cancelStopMs ?? null) : null,
        };
      });

      const speedup = await mandelbrotSpeedup(entries, options, Math.max(2, cores), c);
      const report = {
        node: process.version,
        cores,
        poolSize,
        entries: entries.kind,
        runs: options.runs,
        seconds: options.seconds,
        places,
        speedup,
      };
      return { ...report, targets: targets(report) };
    } finally {
      await host.dispose();
    }
  } finally {
    entries.cleanup();
  }
}

/** The same Mandelbrot on 1, 2 … n worker threads (one shard per worker). */
async function mandelbrotSpeedup(
  entries: HostWorkerEntries,
  options: HostBenchOptions,
  n: number,
  c: ReturnType<typeof calibrate>,
): Promise<SpeedupRow[]> {
  const request: TaskRequest = { workload: 'mandelbrot', params: presetParams('mandelbrot', options.seconds, c) };
  const warmUp: TaskRequest = { workload: 'mandelbrot', params: presetParams('mandelbrot', 0.2, c) };
  const walls: number[] = [];
  for (let workers = 1; workers <= n; workers++) {
    log(`Mandelbrot on ${workers} worker thread${workers === 1 ? '' : 's'} (${options.runs} runs)…`);
    const host = hostOf(entries, workers, 1);
    try {
      await runDone(host, 'worker-thread', warmUp);
      const times: number[] = [];
      for (let i = 0; i < options.runs; i++) {
        const started = performance.now();
        await runDone(host, 'worker-thread', request);
        times.push(performance.now() - started);
      }
      walls.push(median(times));
    } finally {
      await host.dispose();
    }
  }
  const one = walls[0] ?? Number.NaN;
  return walls.map((wallMs, i) => ({ workers: i + 1, wallMs, speedup: one / wallMs }));
}

const ms = (value: number | null, digits = 1) =>
  value === null || Number.isNaN(value) ? '—' : `${value.toFixed(digits)} ms`;

function targets(report: Omit<HostReport, 'targets'>): TargetRow[] {
  const row = (place: HostPlace) => report.places.find((p) => p.place === place);
  const rows: TargetRow[] = [];
  const main = row('main-process');
  if (main) {
    rows.push({
      target: 'main-process: the loop is frozen for the whole task (p99 ≥ 90% of task time)',
      measured: `p99 ${ms(main.loopP99Ms, 0)} of ${ms(main.taskMs, 0)}`,
      met: main.loopP99Ms >= 0.9 * main.taskMs,
    });
  }
  for (const place of POOL_PLACES) {
    const p = row(place);
    if (!p) continue;
    rows.push({
      target: `${place}: event-loop p99 ≤ 10 ms during the task`,
      measured: ms(p.loopP99Ms),
      met: p.loopP99Ms <= 10,
    });
    rows.push({
      target: `${place}: warm task round trip ≤ 0.2 ms`,
      measured: ms(p.roundTripMs, 3),
      met: p.roundTripMs <= 0.2,
    });
    rows.push({
      target: `${place}: cancel ≤ 50 ms (until every worker has stopped)`,
      measured: ms(p.cancelStopMs),
      met: p.cancelStopMs !== null && p.cancelStopMs <= 50,
    });
  }
  const two = report.speedup.find((s) => s.workers === 2);
  if (two)
    rows.push({
      target: 'Mandelbrot speedup ≥ 1.8× on 2 worker threads',
      measured: `${two.speedup.toFixed(2)}×`,
      met: two.speedup >= 1.8,
    });
  return rows;
}

function table(header: string[], body: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of body) console.log(line(row));
  console.log('');
}

export function printHostReport(r: HostReport): void {
  console.log(
    `\nHost places in Node ${r.node}: ${r.cores} cores, pools of ${r.poolSize}, ` +
      `${r.entries === 'built' ? 'bundled' : 'tsx'} worker entries, ` +
      `child processes standing in for utility processes; ~${r.seconds} s tasks, median of ${r.runs}\n`,
  );
  table(
    [
      'place',
      'task',
      'loop delay p50',
      'loop delay p99',
      'task round trip',
      'job round trip',
      'cold spawn',
      'cancel → end',
      'cancel → stopped',
    ],
    r.places.map((p) => [
      p.place,
      `${(p.taskMs / 1000).toFixed(2)} s`,
      ms(p.loopP50Ms, 2),
      ms(p.loopP99Ms, 2),
      ms(p.roundTripMs, 3),
      ms(p.jobRoundTripMs, 3),
      ms(p.coldSpawnMs),
      ms(p.cancelEndMs, 2),
      ms(p.cancelStopMs),
    ]),
  );
  table(
    ['worker threads', 'Mandelbrot wall time', 'speedup'],
    r.speedup.map((s) => [String(s.workers), `${(s.wallMs / 1000).toFixed(2)} s`, `${s.speedup.toFixed(2)}×`]),
  );
  table(
    ['target', 'measured', ''],
    r.targets.map((t) => [t.target, t.measured, t.met ? 'met' : 'MISSED']),
  );
}
