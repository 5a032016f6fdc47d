import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { deserialize, serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { HOST_PLACES, POOL_PLACES, type HostPlace, type PoolPlace } from '../../shared/host/host-places';
import type { TaskEvent } from '../../shared/host/task-event';
import type { JobOutcome, PoolWorkerEvents } from '../../shared/pool/worker-pool';
import { parseFromWorker, type FromWorker, type ToWorker } from '../../shared/protocol/messages';
import { JobTracer } from '../../shared/trace/job-tracer';
import { traceClock } from '../../shared/trace/trace-clock';
import type { TaskRequest } from '../../shared/run/task-request';
import { shareCount } from '../../shared/run/run-in-pool';
import { parseParams } from '../../shared/workloads/params-error';
import { getWorkload } from '../../shared/workloads/registry';
import { calibrate, presetParams } from '../../shared/workloads/presets';
import { createEventLoopMeter } from '../../electron/main/task-host/event-loop-meter';
import type { HostWorker } from '../../electron/main/task-host/host-worker';
import { taskEvents } from '../../electron/main/task-host/task-events';
import type { TaskHost } from '../../electron/main/task-host/task-host';
import { hostWorkerEntries, type HostKit, type HostWorkerEntries } from './host-worker-entries';

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
 * A warm task round trip taken apart, all in ms per task of `shards` shares; the parts add up
 * to the round trip. Three are measured as round trips of their own, one layer at a time:
 *   hop           — a bare message to each of `shards` warm workers at once, and back, from
 *                   workers that only echo it: the scheduling and channel cost no code of ours
 *                   can shave;
 *   pool          — `shards` jobs straight through a WorkerPool at once (its round trip minus
 *                   the hop and the parts below that happen inside it): the pool's bookkeeping,
 *                   its timers, and the workers' task server running the workload;
 *   task layer    — the host round trip minus the pool's and the events: the host, the runner
 *                   (shares, lanes, merging), promise turns.
 * The others are timed call by call on warm code (so on a first run they cost more, and that
 * excess lands in the pool or the task layer):
 *   validation    — the checks on this side: the request's parameters once, then per share the
 *                   worker's answer (parseFromWorker) and its part (the workload's schema);
 *   serialisation — this side's copy of each share's "start" out and "result" in (structured
 *                   clone for a thread, V8's serializer as `serialization: 'advanced'` uses it
 *                   for a process);
 *   tracing       — the timeline's spans: the worker's JobTracer, and the checking and copying
 *                   of the `trace` field its result carries (shared/trace/);
 *   events        — the host's TaskEvents for the task (lanes, traces, progress, end) with a
 *                   listener that does nothing: in the app each one is also an IPC message.
 * `jitWarmMs` is the same round trip after thousands more, once V8 has optimised the code
 * on the path: the figure above it is the one a session with a few dozen runs sees.
 */
export interface RoundTripCost {
  readonly validationMs: number;
  readonly serialisationMs: number;
  readonly hopMs: number;
  readonly tracingMs: number;
  readonly poolMs: number;
  readonly eventsMs: number;
  readonly taskLayerMs: number;
  readonly jitWarmMs: number;
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
  /** The shares the tiny task is split into (shareCount): one, as the primes to 100 are one block. */
  readonly tinyShares: number;
  readonly entries: HostWorkerEntries['kind'];
  readonly runs: number;
  readonly seconds: number;
  readonly places: HostPlaceRow[];
  readonly speedup: SpeedupRow[];
  readonly targets: TargetRow[];
}

type Spawn = (lane: number, events: PoolWorkerEvents) => HostWorker;

const ROUND_TRIPS = 200;
/** Round trips before the JIT-warm median: past V8's optimisation of every function on the path. */
const JIT_WARM_UP = 3_000;
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
  return entries.kit.createTaskHost({
    workerThreads: { size: threads, spawn: threadSpawn(entries) },
    utility: { size: processes, spawn: processSpawn(entries) },
  });
}

const threadSpawn = (entries: HostWorkerEntries): Spawn => entries.kit.workerThreadSpawner(entries.thread);
const processSpawn = (entries: HostWorkerEntries): Spawn =>
  entries.kit.childProcessSpawner(entries.process, { execArgv: entries.processExecArgv });
const spawnFor = (entries: HostWorkerEntries, place: PoolPlace) =>
  place === 'worker-thread' ? threadSpawn(entries) : processSpawn(entries);

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

/** Median of ROUND_TRIPS calls of `trip` after `warmUp` more: how every round trip is timed. */
async function medianTrip(trip: () => Promise<void>, warmUp = 20): Promise<number> {
  for (let i = 0; i < warmUp; i++) await trip();
  const times: number[] = [];
  for (let i = 0; i < ROUND_TRIPS; i++) {
    const started = performance.now();
    await trip();
    times.push(performance.now() - started);
  }
  return median(times);
}

const roundTrip = (host: TaskHost, place: HostPlace, warmUp?: number) =>
  medianTrip(() => runDone(host, place, TINY), warmUp);

/**
 * `shards` warm workers, the tiny task's `shards` jobs at once, straight through the pool (no
 * runner, no host): with `shards` 1, the bare message cost of one job.
 */
async function poolRoundTrip(kit: HostKit, spawn: Spawn, shards: number): Promise<number> {
  const spawned: HostWorker[] = [];
  const pool = new kit.WorkerPool(
    shards,
    (lane, events) => {
      const worker = spawn(lane, events);
      spawned.push(worker);
      return worker;
    },
    kit.nodeTimers,
    undefined,
    kit.HOST_JOB_DEADLINE_MS,
  );
  const job = (index: number) =>
    new Promise<void>((resolve, reject) =>
      pool.submit({
        workload: TINY.workload,
        params: TINY.params,
        shard: { index, count: shards },
        onProgress: () => {},
        onSettled: (outcome: JobOutcome) =>
          outcome.status === 'done' ? resolve() : reject(new Error(`a tiny job ended "${outcome.status}"`)),
      }),
    );
  try {
    return await medianTrip(() => Promise.all(Array.from({ length: shards }, (_, i) => job(i))).then(() => {}));
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

/**
 * Mean time of `fn` over enough calls to rise above the clock's resolution; the best of 5 such
 * means, because on a shared machine a slow one measures the neighbours, not `fn`.
 */
function perCall(fn: () => void, calls = 2_000): number {
  for (let i = 0; i < 3_000; i++) fn();
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const started = performance.now();
    for (let i = 0; i < calls; i++) fn();
    best = Math.min(best, (performance.now() - started) / calls);
  }
  return best;
}

const clock = traceClock(performance);

/** The messages of one share of the tiny task, as they cross; `traced` is the result as sent. */
function tinyMessages(shards: number): { start: ToWorker; result: FromWorker; traced: FromWorker } {
  const result = { type: 'result', taskId: 'job-1', part: 25, elapsedMs: 0.01 } as const;
  return {
    start: {
      type: 'start',
      taskId: 'job-1',
      workload: 'primes',
      params: TINY.params,
      shard: { index: 0, count: shards },
    },
    result,
    traced: { ...result, trace: new JobTracer(clock).finish(`job 1/${shards}`) },
  };
}

/** The checks on the pool's side of one share's answer. */
function checkAnswer(message: FromWorker): void {
  const parsed = parseFromWorker(message);
  if (parsed.ok && parsed.message.type === 'result') getWorkload(TINY.workload).part.safeParse(parsed.message.part);
}

/** The request's parameters, checked once per task by the runner. */
function paramsMs(): number {
  const workload = getWorkload(TINY.workload);
  return perCall(() => parseParams(workload.params, TINY.params, workload.title));
}

/** Per share: the answer's checks (the `trace` field's are tracing's). */
function answerMs(shards: number): number {
  const { result } = tinyMessages(shards);
  return shards * perCall(() => checkAnswer(result));
}

/** A copy of `message` as `place`'s channel makes it. */
function copier(place: PoolPlace): (message: unknown) => unknown {
  return place === 'worker-thread' ? (m) => structuredClone(m) : (m) => deserialize(serialize(m));
}

function serialisationMs(place: PoolPlace, shards: number): number {
  const { start, result } = tinyMessages(shards);
  const copy = copier(place);
  return (
    shards *
    perCall(() => {
      copy(start);
      copy(result);
    })
  );
}

/** Per share: the worker's JobTracer, and the extra checking and copying its `trace` field costs. */
function tracingMs(place: PoolPlace, shards: number): number {
  const { result, traced } = tinyMessages(shards);
  const copy = copier(place);
  const spans = perCall(() => new JobTracer(clock).finish(`job 1/${shards}`));
  const check = perCall(() => checkAnswer(traced)) - perCall(() => checkAnswer(result));
  const copied = perCall(() => copy(traced)) - perCall(() => copy(result));
  return shards * (spans + Math.max(0, check) + Math.max(0, copied));
}

/** The host's events for one tiny task of `shards` shares, as the runner calls them. */
function eventsMs(shards: number): number {
  const { traced } = tinyMessages(shards);
  const trace = traced.type === 'result' && traced.trace ? traced.trace : { sentMs: 0, spans: [] };
  const lanes = Array.from({ length: shards }, (_, lane) => ({ lane, done: 0, total: lane === 0 ? 101 : 0 }));
  return perCall(() => {
    const events = taskEvents('bench', () => {}, performance.now.bind(performance));
    events.listener.onLanes(lanes.map((l) => ({ ...l })));
    for (const { lane, total } of lanes) {
      events.listener.onTrace(trace, lane);
      events.listener.onProgress({ done: total, total: 101, chunks: [], lane });
    }
    events.end({ status: 'done', result: { limit: 100, count: 25 }, elapsedMs: 0.1 });
  });
}

const ECHO =
  "const echo = (m) => (process.send ? process.send(m) : require('node:worker_threads').parentPort.postMessage(m));";

/** `workers` warm workers that only echo, one message to each at once: the bare hop, median of ROUND_TRIPS. */
async function hopMs(place: PoolPlace, workers: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'unfreeze-bench-echo-'));
  const file = join(dir, 'echo.cjs');
  writeFileSync(
    file,
    `${ECHO}\nif (process.send) process.on('message', echo);\nelse require('node:worker_threads').parentPort.on('message', echo);\n`,
  );
  const echoes = Array.from({ length: workers }, () => {
    const thread = place === 'worker-thread' ? new Worker(file) : null;
    const child = thread ? null : fork(file, [], { serialization: 'advanced', stdio: 'ignore' });
    const ping = () =>
      new Promise<void>((resolve) => {
        if (thread) thread.once('message', () => resolve());
        else child?.once('message', () => resolve());
        const message = { type: 'ping' };
        if (thread) thread.postMessage(message);
        else child?.send(message);
      });
    const stop = async () => {
      if (thread) await thread.terminate();
      child?.kill();
    };
    return { ping, stop };
  });
  try {
    return await medianTrip(() => Promise.all(echoes.map((e) => e.ping())).then(() => {}), 50);
  } finally {
    await Promise.all(echoes.map((e) => e.stop()));
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Trips {
  /** The host's round trip of the tiny task (the table's first column). */
  readonly taskMs: number;
  /** The tiny task's `shards` jobs straight through a pool. */
  readonly poolMs: number;
  /** The host's round trip after JIT_WARM_UP more. */
  readonly jitWarmMs: number;
}

async function roundTripCost(place: PoolPlace, shards: number, trips: Trips): Promise<RoundTripCost> {
  const params = paramsMs();
  const answers = answerMs(shards);
  const serialisation = serialisationMs(place, shards);
  const tracing = tracingMs(place, shards);
  const events = eventsMs(shards);
  const hop = await hopMs(place, shards);
  const pool = Math.max(0, trips.poolMs - hop - answers - serialisation - tracing);
  return {
    validationMs: params + answers,
    serialisationMs: serialisation,
    hopMs: hop,
    tracingMs: tracing,
    poolMs: pool,
    eventsMs: events,
    taskLayerMs: Math.max(0, trips.taskMs - trips.poolMs - events - params),
    jitWarmMs: trips.jitWarmMs,
  };
}

export async function runHostBench(options: HostBenchOptions): Promise<HostReport> {
  const cores = availableParallelism();
  const entries = await hostWorkerEntries();
  const poolSize = entries.kit.defaultPoolSize();
  const tinyShares = shareCount(getWorkload(TINY.workload), TINY.params, poolSize);
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
      const jobTrips = new Map<PoolPlace, number>();
      for (const place of POOL_PLACES)
        jobTrips.set(place, await poolRoundTrip(entries.kit, spawnFor(entries, place), 1));

      log('where a round trip goes (layer by layer, then after the JIT has warmed up)…');
      const costs = new Map<PoolPlace, RoundTripCost>();
      for (const place of POOL_PLACES) {
        const pool = await poolRoundTrip(entries.kit, spawnFor(entries, place), tinyShares);
        const jitWarmMs = await roundTrip(host, place, JIT_WARM_UP);
        const taskMs = trips.get(place) ?? Number.NaN;
        costs.set(place, await roundTripCost(place, tinyShares, { taskMs, poolMs: pool, jitWarmMs }));
      }

      log(`cold spawns (median of ${COLD_SPAWNS})…`);
      const colds = new Map<PoolPlace, number>();
      for (const place of POOL_PLACES) colds.set(place, await coldSpawn(spawnFor(entries, place)));

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
        tinyShares,
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
    `Where a warm task round trip goes (ms per task of ${r.tinyShares} share${r.tinyShares === 1 ? '' : 's'}, of the primes to 100; ` +
      'the parts add up to the round trip; see RoundTripCost in e2e/support/host-bench.ts):\n',
  );
  table(
    [
      'place',
      'round trip',
      'validation',
      'serialisation',
      'hop (echo)',
      'tracing',
      'pool + workers',
      'events',
      'task layer',
      'JIT-warm',
    ],
    r.places.flatMap((p) =>
      p.cost
        ? [
            [
              p.place,
              ms(p.roundTripMs, 3),
              ms(p.cost.validationMs, 3),
              ms(p.cost.serialisationMs, 3),
              ms(p.cost.hopMs, 3),
              ms(p.cost.tracingMs, 3),
              ms(p.cost.poolMs, 3),
              ms(p.cost.eventsMs, 3),
              ms(p.cost.taskLayerMs, 3),
              ms(p.cost.jitWarmMs, 3),
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
