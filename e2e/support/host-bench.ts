import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { deserialize, serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { HOST_PLACES, POOL_PLACES, type HostPlace, type PoolPlace } from '../../shared/host/host-places';
import type { TaskEvent } from '../../shared/host/task-event';
import { WorkerPool, type JobOutcome, type PoolWorkerEvents } from '../../shared/pool/worker-pool';
import { parseFromWorker, type FromWorker, type ToWorker } from '../../shared/protocol/messages';
import type { TaskRequest } from '../../shared/run/task-request';
import { parseParams } from '../../shared/workloads/params-error';
import { getWorkload } from '../../shared/workloads/registry';
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
  /** Where `roundTripMs` goes (pool places only): see roundTripCost. */
  readonly cost: RoundTripCost | null;
  /** Spawn → first message from the new worker. */
  readonly coldSpawnMs: number | null;
  /** cancel() → the task's 'end' ("cancelled"). */
  readonly cancelEndMs: number | null;
  /** cancel() → every lane free again (the workers really stopped). */
  readonly cancelStopMs: number | null;
}

/**
 * A warm task round trip taken apart, all in ms per task of `shards` shares:
 *   validation    — the checks on this side: the request's parameters once, then per share the
 *                   worker's answer (parseFromWorker) and its part (the workload's schema);
 *   serialisation — this side's copy of each share's "start" out and "result" in (structured
 *                   clone for a thread, V8's serializer as `serialization: 'advanced'` uses it
 *                   for a process);
 *   hop           — a bare message there and back on a warm worker that only echoes it: the
 *                   scheduling and channel cost no code of ours can shave (shares travel at once);
 *   rest          — what is left: the runner, the pool, the host's events, promise turns.
 */
export interface RoundTripCost {
  readonly validationMs: number;
  readonly serialisationMs: number;
  readonly hopMs: number;
  readonly restMs: number;
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

/** Mean time of `fn` over enough calls to rise above the clock's resolution. */
function perCall(fn: () => void, calls = 5_000): number {
  for (let i = 0; i < 3_000; i++) fn();
  const started = performance.now();
  for (let i = 0; i < calls; i++) fn();
  return (performance.now() - started) / calls;
}

/** The messages of one share of the tiny task, as they cross. */
function tinyMessages(shards: number): { start: ToWorker; result: FromWorker } {
  return {
    start: {
      type: 'start',
      taskId: 'job-1',
      workload: 'primes',
      params: TINY.params,
      shard: { index: 0, count: shards },
    },
    result: { type: 'result', taskId: 'job-1', part: 25, elapsedMs: 0.01 },
  };
}

function validationMs(shards: number): number {
  const workload = getWorkload(TINY.workload);
  const { result } = tinyMessages(shards);
  const params = perCall(() => parseParams(workload.params, TINY.params, workload.title));
  const answer = perCall(() => {
    const parsed = parseFromWorker(result);
    if (parsed.ok && parsed.message.type === 'result') workload.part.safeParse(parsed.message.part);
  });
  return params + shards * answer;
}

function serialisationMs(place: PoolPlace, shards: number): number {
  const { start, result } = tinyMessages(shards);
  const each =
    place === 'worker-thread'
      ? perCall(() => {
          structuredClone(start);
          structuredClone(result);
        })
      : perCall(() => {
          deserialize(serialize(start));
          deserialize(serialize(result));
        });
  return shards * each;
}

const ECHO =
  "const echo = (m) => (process.send ? process.send(m) : require('node:worker_threads').parentPort.postMessage(m));";

/** A warm worker that only echoes: the bare hop, median of ROUND_TRIPS. */
async function hopMs(place: PoolPlace): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'unfreeze-bench-echo-'));
  const file = join(dir, 'echo.cjs');
  writeFileSync(
    file,
    `${ECHO}\nif (process.send) process.on('message', echo);\nelse require('node:worker_threads').parentPort.on('message', echo);\n`,
  );
  const thread = place === 'worker-thread' ? new Worker(file) : null;
  const child = thread ? null : fork(file, [], { serialization: 'advanced', stdio: 'ignore' });
  const send = (m: unknown) => (thread ? thread.postMessage(m) : child?.send(m as object));
  const on = (listener: () => void) => (thread ? thread.once('message', listener) : child?.once('message', listener));
  const ping = () =>
    new Promise<void>((resolve) => {
      on(resolve);
      send({ type: 'ping' });
    });
  try {
    for (let i = 0; i < 50; i++) await ping();
    const times: number[] = [];
    for (let i = 0; i < ROUND_TRIPS; i++) {
      const started = performance.now();
      await ping();
      times.push(performance.now() - started);
    }
    return median(times);
  } finally {
    if (thread) await thread.terminate();
    child?.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function roundTripCost(place: PoolPlace, shards: number, totalMs: number): Promise<RoundTripCost> {
  const validation = validationMs(shards);
  const serialisation = serialisationMs(place, shards);
  const hop = await hopMs(place);
  return {
    validationMs: validation,
    serialisationMs: serialisation,
    hopMs: hop,
    restMs: Math.max(0, totalMs - validation - serialisation - hop),
  };
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

      log('where a round trip goes (validation, serialisation, the hop)…');
      const costs = new Map<PoolPlace, RoundTripCost>();
      for (const place of POOL_PLACES) costs.set(place, await roundTripCost(place, poolSize, trips.get(place) ?? NaN));

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
          cost: pool ? (costs.get(pool) ?? null) : null,
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

/** A process hop costs more than a thread's (a pipe and two serializations), so its goal is wider. */
const ROUND_TRIP_GOAL_MS: Record<PoolPlace, number> = { 'worker-thread': 0.15, 'utility-process': 0.3 };

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
    const goal = ROUND_TRIP_GOAL_MS[place];
    rows.push({
      target: `${place}: warm task round trip ≤ ${goal} ms`,
      measured: ms(p.roundTripMs, 3),
      met: p.roundTripMs <= goal,
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
  console.log(
    `Where a warm task round trip goes (ms per task of ${r.poolSize} shares; rest = runner, pool, events):\n`,
  );
  table(
    ['place', 'round trip', 'validation', 'serialisation', 'hop (echo)', 'rest'],
    r.places.flatMap((p) =>
      p.cost
        ? [
            [
              p.place,
              ms(p.roundTripMs, 3),
              ms(p.cost.validationMs, 3),
              ms(p.cost.serialisationMs, 3),
              ms(p.cost.hopMs, 3),
              ms(p.cost.restMs, 3),
            ],
          ]
        : [],
    ),
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
